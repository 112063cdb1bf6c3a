import type { Role } from '../../shared/schemas/common.ts';
import { AppError } from '../errors.ts';
import type { Actor } from './actor.ts';

/**
 * The one policy layer. Every action a route performs is decided here, from the actor's roles
 * and the resource's tenant and unit. The table below is the whole truth; policy.test.ts walks it
 * role × action × own/other unit × own/other tenant.
 */
export type Action =
  | 'tenant.read'
  | 'tenant.create'
  | 'unit.read'
  | 'unit.create'
  | 'unit.update'
  | 'position.read'
  | 'position.manage'
  | 'person.read'
  | 'person.manage'
  | 'assignment.read'
  | 'assignment.manage'
  | 'user.read'
  | 'user.manage'
  | 'audit.readAll'
  | 'audit.readOrg'
  | 'evidence.upload'
  | 'evidence.read'
  | 'innovation.read'
  | 'innovation.create'
  | 'innovation.update'
  | 'innovation.submit'
  | 'innovation.review'
  | 'innovation.publish'
  | 'innovation.lifecycle'
  | 'innovation.score'
  | 'iid.read'
  | 'iid.manage'
  | 'replication.confirm'
  | 'skm.read'
  | 'skm.manage'
  | 'proposal.read'
  | 'proposal.write'
  | 'proposal.comment'
  | 'competition.read'
  | 'competition.manage'
  | 'competition.score'
  | 'document.read'
  | 'document.issue'
  | 'document.withdraw'
  | 'letterhead.manage'
  | 'pk.read'
  | 'pk.manage'
  | 'pk.sign'
  | 'pk.realise'
  | 'pk.submit'
  | 'pk.verify'
  | 'pk.configure'
  | 'sakip.recap'
  | 'sakipEval.read'
  | 'sakipEval.fill'
  | 'sakipEval.pemdaFill'
  | 'sakipEval.evaluate'
  | 'pk.agree'
  | 'pk.season'
  | 'job.read'
  | 'job.manage';

/** The resource an action touches. unitId is the unit that owns it (undefined = tenant-wide). */
export interface Resource {
  tenantId: string;
  unitId?: string | null;
}

type Scope =
  | 'tenant' // any unit of the actor's tenant
  | 'unit'; // only resources whose unit lies in the actor's unit scope

type Rule = Partial<Record<Role, Scope>> & { platformAdmin?: true };

const ALL_TENANT: Rule = {
  admin: 'tenant',
  rb_team: 'tenant',
  innovation_team: 'tenant',
  inspectorate: 'tenant',
  unit_operator: 'tenant',
  unit_head: 'tenant',
  leader: 'tenant',
  judge: 'tenant',
};

export const POLICY: Record<Action, Rule> = {
  'tenant.read': ALL_TENANT,
  'tenant.create': { platformAdmin: true },
  // The organisation chart is internal-public inside the pemda: everyone signed in reads it.
  'unit.read': ALL_TENANT,
  'unit.create': { admin: 'tenant', unit_head: 'unit', unit_operator: 'unit' },
  'unit.update': { admin: 'tenant', unit_head: 'unit', unit_operator: 'unit' },
  'position.read': ALL_TENANT,
  'position.manage': { admin: 'tenant', unit_head: 'unit', unit_operator: 'unit' },
  'person.read': ALL_TENANT,
  'person.manage': { admin: 'tenant', unit_head: 'unit', unit_operator: 'unit' },
  'assignment.read': ALL_TENANT,
  'assignment.manage': { admin: 'tenant', unit_head: 'unit', unit_operator: 'unit' },
  'user.read': { admin: 'tenant' },
  'user.manage': { admin: 'tenant' },
  // Tenant-wide history: admin, inspectorate (APIP oversight) and leaders.
  'audit.readAll': { admin: 'tenant', inspectorate: 'tenant', leader: 'tenant' },
  // History of organisation records: whoever may read them.
  'audit.readOrg': ALL_TENANT,
  'evidence.upload': ALL_TENANT,
  'evidence.read': ALL_TENANT,
  // Inovasi Daerah: the registry is open inside the pemda (search before create needs it).
  // Judges score blind entries: the registry (list, search, detail, export) would name the unit,
  // so a judge reads entries only through the competition (issue 9, item 12).
  'innovation.read': { admin: 'tenant', rb_team: 'tenant', innovation_team: 'tenant', inspectorate: 'tenant', unit_operator: 'tenant', unit_head: 'tenant', leader: 'tenant' },
  'innovation.create': { admin: 'tenant', innovation_team: 'tenant', unit_head: 'unit', unit_operator: 'unit' },
  'innovation.update': { admin: 'tenant', innovation_team: 'tenant', unit_head: 'unit', unit_operator: 'unit' },
  // draft → submitted is signed off by the head of the owning unit.
  'innovation.submit': { admin: 'tenant', unit_head: 'unit' },
  // submitted → returned | verified, verified → published: the Tim Inovasi Daerah.
  'innovation.review': { admin: 'tenant', innovation_team: 'tenant' },
  'innovation.publish': { admin: 'tenant', innovation_team: 'tenant' },
  'innovation.lifecycle': { admin: 'tenant', innovation_team: 'tenant', unit_head: 'unit' },
  'innovation.score': { admin: 'tenant', innovation_team: 'tenant', unit_head: 'unit', unit_operator: 'unit' },
  'iid.read': ALL_TENANT,
  'iid.manage': { admin: 'tenant', innovation_team: 'tenant' },
  'replication.confirm': { admin: 'tenant', innovation_team: 'tenant' },
  // SKM: results are read across the pemda; each unit runs its own surveys and follow-up.
  'skm.read': ALL_TENANT,
  'skm.manage': { admin: 'tenant', unit_head: 'unit', unit_operator: 'unit' },
  // KIPP proposals: the owning unit writes, the Tim Inovasi coaches (pendamping) and may write too.
  'proposal.read': { admin: 'tenant', innovation_team: 'tenant', leader: 'tenant', inspectorate: 'tenant', rb_team: 'tenant', unit_head: 'unit', unit_operator: 'unit' },
  'proposal.write': { admin: 'tenant', innovation_team: 'tenant', unit_head: 'unit', unit_operator: 'unit' },
  'proposal.comment': { admin: 'tenant', innovation_team: 'tenant', unit_head: 'unit', unit_operator: 'unit' },
  // Internal competitions are run by the Tim Inovasi; assigned judges score (checked per competition).
  'competition.read': { admin: 'tenant', innovation_team: 'tenant', leader: 'tenant', inspectorate: 'tenant', judge: 'tenant' },
  'competition.manage': { admin: 'tenant', innovation_team: 'tenant' },
  'competition.score': { judge: 'tenant', admin: 'tenant', innovation_team: 'tenant', leader: 'tenant' },
  // Official documents: the register and issued documents are read tenant-wide by oversight roles,
  // units read their own; units take numbers for their letters; withdrawal is the admin's or the
  // unit head's (and always the issuer's own, checked in the service).
  'document.read': { admin: 'tenant', rb_team: 'tenant', innovation_team: 'tenant', inspectorate: 'tenant', leader: 'tenant', unit_head: 'unit', unit_operator: 'unit' },
  'document.issue': { admin: 'tenant', unit_head: 'unit', unit_operator: 'unit' },
  'document.withdraw': { admin: 'tenant', unit_head: 'unit' },
  // Letterheads: the admin for the tenant (and every unit), the unit head/operator for its unit.
  'letterhead.manage': { admin: 'tenant', unit_head: 'unit', unit_operator: 'unit' },
  // Perjanjian Kinerja (issue 11 item 6). The Tim RB (Bagian Organisasi) manages every PK; a unit
  // drafts the PKs of its own heads (and its sub-units'); the unit head signs (the Tim RB may mark a
  // PK signed at the ceremony); operators and heads enter realisations of their unit; the unit
  // head submits; the Inspektorat or the Tim RB verifies. Pimpinan and the Inspektorat read all.
  'pk.read': { admin: 'tenant', rb_team: 'tenant', inspectorate: 'tenant', leader: 'tenant', unit_head: 'unit', unit_operator: 'unit' },
  'pk.manage': { admin: 'tenant', rb_team: 'tenant', unit_head: 'unit', unit_operator: 'unit' },
  'pk.sign': { admin: 'tenant', rb_team: 'tenant', unit_head: 'unit' },
  'pk.realise': { admin: 'tenant', unit_head: 'unit', unit_operator: 'unit' },
  'pk.submit': { admin: 'tenant', unit_head: 'unit' },
  'pk.verify': { admin: 'tenant', rb_team: 'tenant', inspectorate: 'tenant' },
  // The tenant's capaian status bands and display cap (pk_settings).
  'pk.configure': { admin: 'tenant' },
  // The pemda-wide SAKIP recap and the pemda's LKjIP: tenant-wide readers only (a unit's LKjIP is pk.read).
  'sakip.recap': { admin: 'tenant', rb_team: 'tenant', inspectorate: 'tenant', leader: 'tenant' },
  // SAKIP internal evaluation (issue 11 item 5): a unit reads and fills its own worksheet and
  // answers the LHE recommendations; the Inspektorat evaluates every unit and the pemda; the Tim
  // RB fills the pemda-level self-evaluation; Tim RB and pimpinan read all.
  'sakipEval.read': { admin: 'tenant', rb_team: 'tenant', inspectorate: 'tenant', leader: 'tenant', unit_head: 'unit', unit_operator: 'unit' },
  'sakipEval.fill': { admin: 'tenant', unit_head: 'unit', unit_operator: 'unit' },
  'sakipEval.pemdaFill': { admin: 'tenant', rb_team: 'tenant' },
  'sakipEval.evaluate': { admin: 'tenant', inspectorate: 'tenant' },
  // The second party's agreement to a submitted PK, given for him by the Tim RB (Bagian Organisasi).
  'pk.agree': { admin: 'tenant', rb_team: 'tenant' },
  // The signing season: generate the year's PKs, the register's bundle (Tim RB / Bagian Organisasi).
  'pk.season': { admin: 'tenant', rb_team: 'tenant' },
  // Background jobs of the tenant (delivery, reminders): the admin sees failures and retries them.
  'job.read': { admin: 'tenant' },
  'job.manage': { admin: 'tenant' },
};

export function can(actor: Actor | null | undefined, action: Action, resource: Resource): boolean {
  if (!actor) return false;
  const rule = POLICY[action];
  if (rule.platformAdmin) return actor.isPlatformAdmin;
  // Tenant isolation comes first, for every action and every role.
  if (resource.tenantId !== actor.tenantId) return false;
  for (const grant of actor.roles) {
    const scope = rule[grant.role];
    if (!scope) continue;
    if (scope === 'tenant') return true;
    // 'unit' scope: the resource must belong to a unit inside the actor's granted sub-trees.
    if (resource.unitId && actor.unitScope.has(resource.unitId)) return true;
  }
  return false;
}

export function authorize(actor: Actor | null | undefined, action: Action, resource: Resource): asserts actor is Actor {
  if (!actor) throw new AppError('UNAUTHENTICATED', 'errors.unauthenticated');
  if (!can(actor, action, resource)) throw new AppError('FORBIDDEN', 'errors.forbidden');
}
