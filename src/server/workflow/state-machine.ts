import type { Executor } from '../db/db.ts';
import { AppError } from '../errors.ts';
import { newId } from '../lib/ids.ts';
import type { Actor } from '../policy/actor.ts';
import { can, type Action, type Resource } from '../policy/policy.ts';

/**
 * One small state-machine helper for every reviewed record (innovations now; PK signing, TPI
 * review and action plans later). A machine is data: its states and its transitions, each
 * naming who may take it (a POLICY action, checked with the record's tenant and unit, or a guard
 * function for rules that need more than role × unit). `transition()` is pure; the service
 * authorises, applies the new state and calls `recordTransition()` inside the same
 * `writeWithAudit` transaction, so the review log never disagrees with the record.
 */
export type Guard = (actor: Actor, resource: Resource) => boolean;

export interface TransitionDef<S extends string, A extends string> {
  from: readonly S[];
  to: S;
  action: A;
  who: Action | Guard;
}

export interface Machine<S extends string, A extends string> {
  /** Written to review_log.entity_type, e.g. 'innovation'. */
  entityType: string;
  /** Key of the `entities` catalog, for messages ("Inovasi"). */
  entity: string;
  states: readonly S[];
  /** Catalog sections that name the states and the steps in messages, e.g. 'innovationStatus', 'workflow'. */
  stateLabels: string;
  actionLabels: string;
  transitions: ReadonlyArray<TransitionDef<S, A>>;
}

/** Define a machine; checks at start-up that every transition names known states, once per action and state. */
export function defineMachine<S extends string, A extends string>(m: Machine<S, A>): Machine<S, A> {
  const seen = new Set<string>();
  for (const t of m.transitions) {
    for (const s of [...t.from, t.to]) if (!m.states.includes(s)) throw new Error(`Machine ${m.entityType}: unknown state "${s}" in "${t.action}"`);
    for (const f of t.from) {
      const k = `${f}/${t.action}`;
      if (seen.has(k)) throw new Error(`Machine ${m.entityType}: two transitions for "${t.action}" from "${f}"`);
      seen.add(k);
    }
  }
  return m;
}

function find<S extends string, A extends string>(machine: Machine<S, A>, state: string, action: string) {
  return machine.transitions.find((t) => t.action === action && (t.from as readonly string[]).includes(state));
}

/** Whether the actor may take this step by role/unit (not whether the state allows it). */
export function mayTake<S extends string, A extends string>(t: TransitionDef<S, A>, actor: Actor, resource: Resource): boolean {
  return typeof t.who === 'function' ? t.who(actor, resource) : can(actor, t.who, resource);
}

/**
 * The next state for `action` from `state`, or a CONFLICT naming the current state and the step
 * ("Langkah "publikasikan" tidak dapat dilakukan: Inovasi ini berstatus "Draf"."). Pure.
 */
export function transition<S extends string, A extends string>(machine: Machine<S, A>, state: string, action: string): S {
  const t = find(machine, state, action);
  if (!t) {
    throw new AppError('CONFLICT', 'errors.transitionNotAllowed', {
      step: `@${machine.actionLabels}.${action}`,
      status: `@${machine.stateLabels}.${state}`,
      entity: `@entities.${machine.entity}`,
    });
  }
  return t.to;
}

/**
 * Authorise and resolve one step: 403 when the actor may take this step from no state (the
 * step is not theirs), 409 when the step is theirs but not from this state.
 */
export function authorizeTransition<S extends string, A extends string>(machine: Machine<S, A>, state: string, action: A, actor: Actor, resource: Resource): S {
  const defs = machine.transitions.filter((t) => t.action === action);
  if (defs.length === 0) throw new AppError('VALIDATION', 'errors.transitionUnknown', { step: action });
  if (!defs.some((t) => mayTake(t, actor, resource))) throw new AppError('FORBIDDEN', 'errors.forbidden');
  return transition(machine, state, action);
}

/** The steps this actor may take now, for the UI (buttons shown only when they would work). */
export function allowedActions<S extends string, A extends string>(machine: Machine<S, A>, state: string, actor: Actor, resource: Resource): A[] {
  return machine.transitions.filter((t) => (t.from as readonly string[]).includes(state) && mayTake(t, actor, resource)).map((t) => t.action);
}

export interface TransitionRecord {
  tenantId: string;
  entityType: string;
  entityId: string;
  fromState: string;
  toState: string;
  action: string;
  actor: { userId: string; name: string } | null;
  note?: string | null;
  at: string;
}

/** Append one entry to the review log; call it inside the transaction that changes the state. */
export async function recordTransition(tx: Executor, r: TransitionRecord) {
  const row = {
    tenantId: r.tenantId,
    id: newId(),
    entityType: r.entityType,
    entityId: r.entityId,
    fromState: r.fromState,
    toState: r.toState,
    action: r.action,
    actorId: r.actor?.userId ?? null,
    actorName: r.actor?.name ?? null,
    at: r.at,
    note: r.note ?? null,
  };
  await tx.insertInto('reviewLog').values(row).execute();
  return row;
}

/** The review log of one record, oldest first. */
export function reviewLogOf(db: Executor, tenantId: string, entityType: string, entityId: string) {
  return db.selectFrom('reviewLog').selectAll().where('tenantId', '=', tenantId).where('entityType', '=', entityType).where('entityId', '=', entityId).orderBy('at').orderBy('id').execute();
}
