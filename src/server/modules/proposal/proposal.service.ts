import type { Deps } from '../../deps.ts';
import { AppError, notFound, validation } from '../../errors.ts';
import { newId } from '../../lib/ids.ts';
import type { Actor } from '../../policy/actor.ts';
import { authorize, can } from '../../policy/policy.ts';
import type { Executor } from '../../db/db.ts';
import type { InnovationTable, ProposalTable } from '../../db/schema.ts';
import { writeWithAudit } from '../audit/audit.writer.ts';
import { who } from '../org/org.service.ts';
import { kippRulebooks, wordCount, yearsBetween, type KippRulebook } from '../../rules/kipp/index.ts';
import { formatDate, translate, type Lang } from '../../../shared/i18n/translate.ts';
import { competitionRepo } from '../competition/competition.repo.ts';
import { blindRedactor } from '../competition/competition.policy.ts';
import { assertProposalUnlocked, proposalAccess } from './proposal.policy.ts';
import { proposalRepo } from './proposal.repo.ts';
import { regionToday } from '../tenants/tenants.region.ts';

export function rulebookOfProposal(id: string): KippRulebook {
  const rb = kippRulebooks.get(id);
  if (!rb) throw new AppError('NOT_FOUND', 'errors.rulebookNotFound', { id });
  return rb;
}

type PrefillKey = KippRulebook['body']['sections'][number]['prefillFrom'][number];

/** One record, many outputs: a section's first draft comes from the innovation record. */
async function prefillText(db: Executor, inv: InnovationTable, from: PrefillKey[]): Promise<{ text: string; source: string | null }> {
  const parts: string[] = [];
  const sources: string[] = [];
  for (const key of from) {
    let t: string | null = null;
    if (key === 'replication') {
      const rep = await proposalRepo.replicatingRegions(db, inv.tenantId, inv.id);
      t = rep.length ? `Ya. Inovasi ini telah direplikasi oleh ${rep.join(', ')}.` : null;
    } else if (key === 'budget') {
      t = inv.budget ? `Anggaran: Rp${inv.budget.toLocaleString('id-ID')}.` : null;
    } else if (key === 'legalBasisDoc') {
      t = inv.legalBasisDoc ? `Dasar hukum: ${inv.legalBasisDoc}.` : null;
    } else {
      t = inv[key];
    }
    if (t && t.trim()) {
      parts.push(t.trim());
      sources.push(`innovation.${key}`);
    }
  }
  return { text: parts.join('\n\n'), source: sources.length ? sources.join(', ') : null };
}

export function createProposalService(deps: Deps) {
  const { db, clock } = deps;

  async function load(actor: Actor, id: string, action: 'proposal.read' | 'proposal.write' | 'proposal.comment' = 'proposal.read') {
    const p = await proposalRepo.find(db, actor.tenantId, id);
    if (!p) throw notFound('proposal');
    const inv = await proposalRepo.innovationOf(db, actor.tenantId, p.innovationId);
    authorize(actor, action, { tenantId: actor.tenantId, unitId: inv.unitId });
    return { p, inv, rb: rulebookOfProposal(p.rulebookId) };
  }

  async function present(actor: Actor, p: ProposalTable, inv: InnovationTable, rb: KippRulebook) {
    const rows = await proposalRepo.sections(db, p.tenantId, p.id);
    const entry = await competitionRepo.entryOfProposal(db, p.tenantId, p.id);
    const byKey = new Map(rows.map((r) => [r.key, r]));
    const weightOf = (criterion: string | null) => (criterion ? rb.body.criteria.find((c) => c.key === criterion)?.weight ?? 0 : 0);
    const comments = await proposalRepo.openCommentSections(db, p.tenantId, p.id);
    return {
      id: p.id,
      innovationId: p.innovationId,
      innovationTitle: inv.title,
      rulebookId: rb.id,
      rulebookTitle: rb.title,
      title: p.title,
      basedOnId: p.basedOnId,
      competitionId: p.competitionId,
      updatedAt: p.updatedAt,
      // Entered in a competition: locked at the version the judges score.
      locked: entry ? { competitionId: entry.competitionId, competitionName: entry.competitionName, version: entry.version, enteredAt: entry.enteredAt } : null,
      readOnly: false,
      canWrite: !entry && can(actor, 'proposal.write', { tenantId: actor.tenantId, unitId: inv.unitId }),
      canComment: can(actor, 'proposal.comment', { tenantId: actor.tenantId, unitId: inv.unitId }),
      sections: rb.body.sections.map((s) => {
        const r = byKey.get(s.key);
        const text = r?.text ?? '';
        return {
          key: s.key,
          title: s.title,
          guidance: s.guidance,
          text,
          wordCount: wordCount(text),
          wordLimit: s.wordLimit,
          criterion: s.criterion,
          weight: weightOf(s.criterion),
          version: r?.version ?? 0,
          prefillSource: r?.prefillSource ?? null,
          openComments: comments.filter((c) => c.sectionKey === s.key).length,
        };
      }),
    };
  }

  /**
   * What a judge reads: the entered (scored) version of every section, read-only; in blind mode
   * without unit or innovator names (also inside the text) and without the links to the record.
   */
  async function judgeView(p: ProposalTable, inv: InnovationTable, rb: KippRulebook, blind: boolean) {
    const entry = (await competitionRepo.entryOfProposal(db, p.tenantId, p.id))!;
    const pinned = JSON.parse(entry.sectionVersions) as Record<string, number>;
    const current = await proposalRepo.sections(db, p.tenantId, p.id);
    const versions = await proposalRepo.allVersions(db, p.tenantId, p.id);
    const textOf = (key: string) => {
      const v = pinned[key] !== undefined ? versions.find((x) => x.key === key && x.version === pinned[key]) : undefined;
      const c = current.find((x) => x.key === key);
      return v ? { text: v.text, version: v.version } : { text: c?.text ?? '', version: c?.version ?? 0 };
    };
    const redact = blind ? blindRedactor(await competitionRepo.identifyingNames(db, p.tenantId, [inv.id])) : (t: string) => t;
    const weightOf = (criterion: string | null) => (criterion ? rb.body.criteria.find((c) => c.key === criterion)?.weight ?? 0 : 0);
    return {
      id: p.id,
      innovationId: blind ? null : p.innovationId,
      innovationTitle: redact(inv.title),
      rulebookId: rb.id,
      rulebookTitle: rb.title,
      title: redact(p.title),
      basedOnId: null,
      competitionId: entry.competitionId,
      updatedAt: entry.enteredAt,
      locked: { competitionId: entry.competitionId, competitionName: entry.competitionName, version: entry.version, enteredAt: entry.enteredAt },
      readOnly: true,
      blind,
      canWrite: false,
      canComment: false,
      sections: rb.body.sections.map((s) => {
        const { text, version } = textOf(s.key);
        const shown = redact(text);
        return { key: s.key, title: s.title, guidance: s.guidance, text: shown, wordCount: wordCount(text), wordLimit: s.wordLimit, criterion: s.criterion, weight: weightOf(s.criterion), version, prefillSource: null, openComments: 0 };
      }),
      redact,
    };
  }

  /** Read a proposal: members get the workspace view; assigned judges the read-only scored version. */
  async function readView(actor: Actor, id: string) {
    const p = await proposalRepo.find(db, actor.tenantId, id);
    if (!p) throw notFound('proposal');
    const inv = await proposalRepo.innovationOf(db, actor.tenantId, p.innovationId);
    const rb = rulebookOfProposal(p.rulebookId);
    const entry = await competitionRepo.entryOfProposal(db, actor.tenantId, id);
    const judging = entry
      ? { entry, judges: await competitionRepo.judges(db, actor.tenantId, entry.competitionId), judgeUnits: await competitionRepo.unitsOfUser(db, actor.tenantId, actor.userId), proposalId: id }
      : null;
    const access = proposalAccess(actor, inv.unitId, judging);
    if (access.kind === 'member') {
      const view = await present(actor, p, inv, rb);
      return { view: { ...view, blind: false }, inv, rb, access, redact: (t: string) => t };
    }
    const { redact, ...view } = await judgeView(p, inv, rb, access.blind);
    return { view, inv, rb, access, redact };
  }

  return {
    load,
    present,
    readView,

    /** Proposals the actor may read (their units' innovations, or the whole tenant), newest change first. */
    async list(actor: Actor, filter: { innovationId?: string }) {
      const rows = await proposalRepo.list(db, actor.tenantId, filter);
      return rows.filter((x) => can(actor, 'proposal.read', { tenantId: actor.tenantId, unitId: x.unitId }));
    },

    async create(actor: Actor, input: { innovationId: string; rulebookId?: string; basedOnId?: string | null }, requestId?: string) {
      const inv = await proposalRepo.findInnovation(db, actor.tenantId, input.innovationId);
      if (!inv) throw notFound('innovation');
      authorize(actor, 'proposal.write', { tenantId: actor.tenantId, unitId: inv.unitId });
      let base: ProposalTable | undefined;
      if (input.basedOnId) {
        base = await proposalRepo.find(db, actor.tenantId, input.basedOnId);
        if (!base || base.innovationId !== inv.id) throw notFound('proposal');
      }
      const rb = rulebookOfProposal(input.rulebookId ?? base?.rulebookId ?? 'kipp-umum-2023');
      const baseSections = base ? await proposalRepo.sections(db, actor.tenantId, base.id) : [];
      const p = await writeWithAudit(db, who(actor, requestId), clock, async (tx, audit) => {
        const now = clock.now().toISOString();
        const row: ProposalTable = { tenantId: actor.tenantId, id: newId(), innovationId: inv.id, rulebookId: rb.id, title: inv.title, basedOnId: base?.id ?? null, competitionId: null, createdBy: actor.userId, createdAt: now, updatedAt: now };
        await proposalRepo.insert(tx, row);
        for (const s of rb.body.sections) {
          // Starting from last year's proposal keeps its text; otherwise the record prefills.
          const prev = baseSections.find((b) => b.key === s.key);
          const { text, source } = prev ? { text: prev.text, source: `proposal:${base!.id}` } : await prefillText(tx, inv, s.prefillFrom);
          await proposalRepo.insertSection(tx, { tenantId: actor.tenantId, proposalId: row.id, key: s.key, text, version: 1, prefillSource: source, updatedAt: now, updatedBy: actor.userId });
          await proposalRepo.insertVersion(tx, { tenantId: actor.tenantId, id: newId(), proposalId: row.id, key: s.key, version: 1, text, savedAt: now, savedBy: actor.userId, savedByName: actor.name });
        }
        await audit.record({ entityType: 'proposal', entityId: row.id, action: 'create', after: { innovationId: inv.id, rulebookId: rb.id, basedOnId: row.basedOnId } });
        return row;
      });
      return present(actor, p, inv, rb);
    },

    /** Save one section; a stale baseVersion is a conflict (two people editing the same section). */
    async saveSection(actor: Actor, id: string, key: string, text: string, baseVersion: number, requestId?: string) {
      const { p, rb } = await load(actor, id, 'proposal.write');
      assertProposalUnlocked(await competitionRepo.entryOfProposal(db, actor.tenantId, p.id));
      const def = rb.body.sections.find((s) => s.key === key);
      if (!def) throw new AppError('VALIDATION', 'errors.unknownSection', { key, rulebook: rb.title }, [{ field: 'key', messageKey: 'errors.unknownSection', params: { key, rulebook: rb.title } }]);
      if (text.length > rb.body.maxSectionChars) throw new AppError('VALIDATION', 'errors.sectionTooLong', { max: rb.body.maxSectionChars }, [{ field: 'text', messageKey: 'errors.sectionTooLong', params: { max: rb.body.maxSectionChars } }]);
      return writeWithAudit(db, who(actor, requestId), clock, async (tx, audit) => {
        const cur = await proposalRepo.section(tx, actor.tenantId, p.id, key);
        if (cur.version !== baseVersion) {
          throw new AppError('CONFLICT', 'errors.staleVersion', { current: cur.version, base: baseVersion }, [{ field: 'baseVersion', messageKey: 'errors.staleVersion', params: { current: cur.version, base: baseVersion }, currentVersion: cur.version, currentText: cur.text } as never]);
        }
        const now = clock.now().toISOString();
        const version = cur.version + 1;
        // Optimistic lock: the update only applies to the version that was read.
        const written = await proposalRepo.updateSectionAt(tx, actor.tenantId, p.id, key, cur.version, { text, version, updatedAt: now, updatedBy: actor.userId });
        if (!written) throw new AppError('CONFLICT', 'errors.staleVersion', { current: cur.version + 1, base: baseVersion });
        await proposalRepo.insertVersion(tx, { tenantId: actor.tenantId, id: newId(), proposalId: p.id, key, version, text, savedAt: now, savedBy: actor.userId, savedByName: actor.name });
        await proposalRepo.touch(tx, actor.tenantId, p.id, now);
        await audit.record({ entityType: 'proposal', entityId: p.id, action: 'update', changes: { [key]: { before: `v${cur.version} (${wordCount(cur.text)} kata)`, after: `v${version} (${wordCount(text)} kata)` } } });
        return { key, title: def.title, text, wordCount: wordCount(text), wordLimit: def.wordLimit, weight: def.criterion ? rb.body.criteria.find((c) => c.key === def.criterion)!.weight : 0, version };
      });
    },

    async versions(actor: Actor, id: string, key: string) {
      const { p } = await load(actor, id);
      return proposalRepo.versionsOfSection(db, actor.tenantId, p.id, key);
    },

    /**
     * Everything that would fail the administrative selection, in Indonesian, each with where
     * to fix it; plus a self-score estimate per criterion.
     */
    async check(actor: Actor, id: string, lang: Lang) {
      const { p, inv, rb } = await load(actor, id);
      const view = await present(actor, p, inv, rb);
      const problems: Array<{ section?: string; code: string; message: string; link: string }> = [];
      const link = (section?: string) => (section ? `/proposal/${p.id}#${section}` : `/inovasi/${inv.id}/ubah`);
      for (const s of view.sections) {
        if (s.wordCount === 0) problems.push({ section: s.key, code: 'section_empty', message: translate(lang, 'errors.checkEmpty', { title: s.title }), link: link(s.key) });
        else if (s.wordCount > s.wordLimit) problems.push({ section: s.key, code: 'section_over_limit', message: translate(lang, 'errors.checkOverLimit', { title: s.title, count: s.wordCount, limit: s.wordLimit }), link: link(s.key) });
      }
      const attached = await proposalRepo.attachmentKindsOf(db, actor.tenantId, p.id);
      for (const a of rb.body.requiredAttachments) {
        if (!attached.some((x) => x.kind === a.kind)) problems.push({ code: 'attachment_missing', message: translate(lang, 'errors.checkAttachment', { title: a.title }), link: `/proposal/${p.id}#lampiran` });
      }
      // Age is counted at the competition's registration close; outside a competition, at today.
      const competition = p.competitionId ? await proposalRepo.competitionRegistrationClose(db, actor.tenantId, p.competitionId) : undefined;
      const close = competition?.registrationClose ?? (await regionToday(deps, actor.tenantId));
      if (!inv.appliedOn) problems.push({ code: 'no_implementation_date', message: translate(lang, 'errors.checkNoImplementationDate'), link: link() });
      else {
        const years = yearsBetween(inv.appliedOn, close);
        if (years < rb.body.minAgeYears) problems.push({ code: 'too_young', message: translate(lang, 'errors.checkTooYoung', { years, close: formatDate(lang, close), min: rb.body.minAgeYears }), link: link() });
      }
      if (rb.body.requiresVideo && !inv.videoUrl) problems.push({ code: 'video_missing', message: translate(lang, 'errors.checkVideo'), link: link() });
      if (p.competitionId) {
        const same = await proposalRepo.sameTitleInCompetition(db, actor.tenantId, p.competitionId, p.id, p.title);
        if (same) problems.push({ code: 'title_duplicate', message: translate(lang, 'errors.checkDuplicateTitle'), link: link() });
      }
      // Self-score estimate: a criterion earns its weight in proportion to how fully its sections
      // use their word allowance (full at 60 %), nothing when empty or over the limit. A guide, not a verdict.
      const selfScore = rb.body.criteria.map((c) => {
        const secs = view.sections.filter((s) => s.criterion === c.key);
        const fill = secs.length ? secs.reduce((acc, s) => acc + (s.wordCount === 0 || s.wordCount > s.wordLimit ? 0 : Math.min(1, s.wordCount / (0.6 * s.wordLimit))), 0) / secs.length : 0;
        return { criterion: c.key, title: c.title, weight: c.weight, estimate: Math.round(c.weight * fill * 10) / 10 };
      });
      return { ok: problems.length === 0, problems, selfScore, estimateTotal: Math.round(selfScore.reduce((a, b) => a + b.estimate, 0) * 10) / 10 };
    },

    async attach(actor: Actor, id: string, kind: string, evidenceId: string, requestId?: string) {
      const { p, rb } = await load(actor, id, 'proposal.write');
      assertProposalUnlocked(await competitionRepo.entryOfProposal(db, actor.tenantId, p.id));
      if (!rb.body.requiredAttachments.some((a) => a.kind === kind) && kind !== 'lainnya') throw validation('kind', 'errors.unknownSection', { key: kind, rulebook: rb.title });
      const ev = await proposalRepo.findEvidence(db, actor.tenantId, evidenceId);
      if (!ev) throw notFound('evidence');
      return writeWithAudit(db, who(actor, requestId), clock, async (tx, audit) => {
        const row = { tenantId: actor.tenantId, id: newId(), proposalId: p.id, kind, evidenceId, createdAt: clock.now().toISOString() };
        await proposalRepo.insertAttachment(tx, row, newId());
        await audit.record({ entityType: 'proposal', entityId: p.id, action: 'link', changes: { [kind]: { before: null, after: ev.originalName } } });
        return row;
      });
    },

    /** Attached files by kind, for exports (the caller has already checked access with readView). */
    attachedKinds(tenantId: string, id: string) {
      return proposalRepo.attachedKinds(db, tenantId, id);
    },

    async attachments(actor: Actor, id: string) {
      const { p } = await load(actor, id);
      return proposalRepo.attachments(db, actor.tenantId, p.id);
    },

    async comment(actor: Actor, id: string, sectionKey: string, body: string, requestId?: string) {
      const { p, rb } = await load(actor, id, 'proposal.comment');
      if (!rb.body.sections.some((s) => s.key === sectionKey)) throw validation('sectionKey', 'errors.unknownSection', { key: sectionKey, rulebook: rb.title });
      return writeWithAudit(db, who(actor, requestId), clock, async (tx, audit) => {
        const row = { tenantId: actor.tenantId, id: newId(), proposalId: p.id, sectionKey, body, authorId: actor.userId, authorName: actor.name, createdAt: clock.now().toISOString(), resolvedAt: null, resolvedBy: null };
        await proposalRepo.insertComment(tx, row);
        await audit.record({ entityType: 'proposal', entityId: p.id, action: 'comment', changes: { [sectionKey]: { before: null, after: body } } });
        return row;
      });
    },

    async resolveComment(actor: Actor, id: string, commentId: string, requestId?: string) {
      const { p } = await load(actor, id, 'proposal.comment');
      const c = await proposalRepo.findComment(db, actor.tenantId, p.id, commentId);
      if (!c) throw notFound('comment');
      return writeWithAudit(db, who(actor, requestId), clock, async (tx, audit) => {
        const now = clock.now().toISOString();
        await proposalRepo.resolveComment(tx, actor.tenantId, commentId, now, actor.userId);
        await audit.record({ entityType: 'proposal', entityId: p.id, action: 'resolve', changes: { comment: { before: 'terbuka', after: 'selesai' } } });
        return { ...c, resolvedAt: now, resolvedBy: actor.userId };
      });
    },

    async comments(actor: Actor, id: string) {
      const { p } = await load(actor, id);
      return proposalRepo.comments(db, actor.tenantId, p.id);
    },
  };
}
export type ProposalService = ReturnType<typeof createProposalService>;
