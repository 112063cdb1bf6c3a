import { z } from 'zod';

/**
 * Rulebooks: every weight, band, threshold and list that comes from a regulation lives in a
 * dated, versioned rulebook with its legal basis (PRODUCT.md principle 2). A rulebook is data,
 * validated by zod when it is registered; adding a year is adding a file.
 */
export const ZRulebookMeta = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  kind: z.string().regex(/^[a-z0-9_]+$/),
  version: z.string().min(1),
  title: z.string().min(3),
  effectiveFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  effectiveTo: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable().default(null),
  legalBasis: z.array(z.string().min(3)).min(1),
  /** RULES.md confidence mark of the source as a whole: HIGH, MED, LOW or UNVERIFIED. */
  confidence: z.enum(['HIGH', 'MED', 'LOW', 'UNVERIFIED']),
  notes: z.array(z.string()).default([]),
});
export type RulebookMeta = z.infer<typeof ZRulebookMeta>;

export interface Rulebook<Body> extends RulebookMeta {
  body: Body;
}

export class RulebookError extends Error {}

/** A registry of rulebooks of one kind, checked at load time. */
export class RulebookRegistry<Body> {
  private readonly books = new Map<string, Rulebook<Body>>();

  constructor(
    readonly kind: string,
    private readonly bodySchema: z.ZodType<Body>,
    /** Cross-field checks a schema cannot express (e.g. declared maxima equal computed ones). */
    private readonly check: (rb: Rulebook<Body>) => string[] = () => [],
  ) {}

  register(raw: unknown): Rulebook<Body> {
    const meta = ZRulebookMeta.safeParse(raw);
    if (!meta.success) throw new RulebookError(`rulebook metadata invalid: ${meta.error.message}`);
    if (meta.data.kind !== this.kind) throw new RulebookError(`rulebook ${meta.data.id} is of kind ${meta.data.kind}, not ${this.kind}`);
    const body = this.bodySchema.safeParse((raw as { body?: unknown }).body);
    if (!body.success) throw new RulebookError(`rulebook ${meta.data.id} body invalid: ${body.error.message}`);
    const rb: Rulebook<Body> = { ...meta.data, body: body.data };
    const problems = this.check(rb);
    if (problems.length) throw new RulebookError(`rulebook ${rb.id}: ${problems.join('; ')}`);
    if (this.books.has(rb.id)) throw new RulebookError(`rulebook ${rb.id} registered twice`);
    this.books.set(rb.id, rb);
    return rb;
  }

  get(id: string): Rulebook<Body> | undefined {
    return this.books.get(id);
  }

  list(): Rulebook<Body>[] {
    return [...this.books.values()].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  }

  /**
   * The rulebook in force on a date: the latest whose period contains it. An UNVERIFIED rulebook
   * is never picked automatically; it is used only when asked for by id (`get`).
   */
  forDate(date: string): Rulebook<Body> | undefined {
    return this.list()
      .filter((rb) => isPickable(rb) && rb.effectiveFrom <= date && (!rb.effectiveTo || date <= rb.effectiveTo))
      .at(-1);
  }

  /** The latest rulebook that may be picked automatically (never an UNVERIFIED one). */
  latest(): Rulebook<Body> | undefined {
    return this.list().filter(isPickable).at(-1);
  }
}

/** Only HIGH/MED/LOW rulebooks are chosen as a default; UNVERIFIED ones only by explicit id. */
export function isPickable(rb: RulebookMeta): boolean {
  return rb.confidence !== 'UNVERIFIED';
}

/** Whether numbers from this source must be shown as "belum terverifikasi". */
export function isUnverified(confidence: RulebookMeta['confidence'] | undefined | null): boolean {
  return confidence === 'UNVERIFIED';
}

/** Half-up rounding to `dp` decimals, done once at the end (PRODUCT.md principle 3). */
export function roundHalfUp(x: number, dp = 2): number {
  const f = 10 ** dp;
  // toPrecision strips binary noise (47.039999999 → 47.04) before rounding.
  const scaled = Number((x * f).toPrecision(12));
  return Math.sign(scaled) * Math.round(Math.abs(scaled)) / f;
}
