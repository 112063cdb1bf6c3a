import type { Executor } from '../../db/db.ts';
import { validation } from '../../errors.ts';
import { holderOf } from '../../modules/org/holder.ts';
import { formatNip } from '../../../shared/nip.ts';
import type { PdfContent } from '../pdf/pdfmake.ts';
import { tenantDocSettings } from './letterhead.ts';

/**
 * Who signs: a position (resolved with holderOf at the document's date) or the head of region
 * (an elected official from the tenant's document settings: no NIP, no pangkat). `onBehalfOf`
 * adds the "a.n. {JABATAN}" line (RULES.md §7.3 item 6).
 */
export type SignerSpec = { positionId: string; onBehalfOf?: string | null } | { headOfRegion: true };

export interface SignatureBlock {
  onBehalfOf: string | null; // "BUPATI MUARA ENIM"
  prefix: 'Plt.' | 'Plh.' | null;
  jabatan: string; // position title as written under the a.n. line
  name: string;
  rank: string | null;
  nip: string | null; // 18 digits, ungrouped
  kind: 'definitif' | 'plt' | 'plh' | 'kepala_daerah';
  positionId: string | null;
  personId: string | null;
  unitId: string | null;
  unitName: string | null;
}

export async function resolveSigner(db: Executor, tenantId: string, spec: SignerSpec, date: string): Promise<SignatureBlock> {
  if ('headOfRegion' in spec) {
    const t = await tenantDocSettings(db, tenantId);
    if (!t.headTitle || !t.headName) throw validation('signer', 'errors.docHeadOfRegionMissing');
    return { onBehalfOf: null, prefix: null, jabatan: t.headTitle, name: t.headName, rank: null, nip: null, kind: 'kepala_daerah', positionId: null, personId: null, unitId: null, unitName: null };
  }
  const h = await holderOf(db, tenantId, spec.positionId, date);
  if (!h) throw validation('signerPositionId', 'errors.docSignerVacant', { date: `#date:${date}` });
  return {
    onBehalfOf: spec.onBehalfOf?.trim() || null,
    prefix: h.kind === 'plt' ? 'Plt.' : h.kind === 'plh' ? 'Plh.' : null,
    jabatan: h.positionTitle,
    name: h.name,
    rank: h.rank,
    nip: h.nip,
    kind: h.kind,
    positionId: h.positionId,
    personId: h.personId,
    unitId: h.unitId,
    unitName: h.unitName,
  };
}

/** The title line as printed: "Plt. KEPALA DINAS …". */
export const signerTitle = (s: SignatureBlock) => `${s.prefix ? `${s.prefix} ` : ''}${s.jabatan.toUpperCase()}`;

/** The text lines of a signature block, top to bottom (also used by DOCX and tests). */
export function signatureLines(s: SignatureBlock): { heading: string[]; name: string; below: string[] } {
  return {
    heading: [...(s.onBehalfOf ? [`a.n. ${s.onBehalfOf.toUpperCase()}`] : []), `${signerTitle(s)},`],
    name: s.name,
    below: [...(s.rank ? [s.rank] : []), ...(s.nip ? [`NIP. ${formatNip(s.nip)}`] : [])],
  };
}

/** pdfmake stack for the right-hand signature column; `top` carries place and date lines. */
export function signatureContent(s: SignatureBlock, top: string[] = []): PdfContent {
  const l = signatureLines(s);
  return {
    columns: [
      { width: '*', text: '' },
      {
        width: 240,
        stack: [
          ...top.map((t) => ({ text: t })),
          ...l.heading.map((t) => ({ text: t, bold: true })),
          { text: ' ', margin: [0, 0, 0, 44] },
          { text: l.name, bold: true, decoration: 'underline' },
          ...l.below.map((t) => ({ text: t })),
        ],
      },
    ],
    margin: [0, 18, 0, 0],
    unbreakable: true,
  };
}

/**
 * The head of a unit as signer on a date (holderOf on the unit's head position). Null when the
 * unit has no head position or it is vacant on that date; `title` is then the position title to
 * print with an empty name line, or null.
 */
export async function unitHeadSigner(db: Executor, tenantId: string, unitId: string, date: string): Promise<{ signer: SignatureBlock | null; title: string | null }> {
  const pos = await db.selectFrom('positions').select(['id', 'title']).where('tenantId', '=', tenantId).where('unitId', '=', unitId).where('isHead', '=', 1).orderBy('createdAt').executeTakeFirst();
  if (!pos) return { signer: null, title: null };
  const h = await holderOf(db, tenantId, pos.id, date);
  if (!h) return { signer: null, title: pos.title };
  return {
    signer: { onBehalfOf: null, prefix: h.kind === 'plt' ? 'Plt.' : h.kind === 'plh' ? 'Plh.' : null, jabatan: h.positionTitle, name: h.name, rank: h.rank, nip: h.nip, kind: h.kind, positionId: h.positionId, personId: h.personId, unitId: h.unitId, unitName: h.unitName },
    title: pos.title,
  };
}

/** A signature block for a vacant head: the title and dotted name/NIP lines to fill by hand. */
export function vacantSigner(title: string | null): SignatureBlock {
  return { onBehalfOf: null, prefix: null, jabatan: title ?? 'Kepala', name: '……………………………', rank: null, nip: null, kind: 'definitif', positionId: null, personId: null, unitId: null, unitName: null };
}
