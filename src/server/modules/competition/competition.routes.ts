import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../plugins/auth.ts';
import { authorize } from '../../policy/policy.ts';
import { ZId, ZIsoDate } from '../../../shared/schemas/common.ts';
import { renderPdf } from '../../documents/pdf/pdfmake.ts';
import { formatDate } from '../../../shared/i18n/translate.ts';
import { createCompetitionService } from './competition.service.ts';
import { assertMaySeeRanking } from './competition.policy.ts';

const params = z.object({ id: ZId });

export async function competitionRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const competitions = createCompetitionService(deps);
  const tags = ['kipp'];

  r.post('/api/competitions', {
    schema: {
      tags,
      summary: 'Open an internal competition (Tim Inovasi)',
      body: z.object({ name: z.string().trim().min(3).max(200), year: z.number().int().min(2000).max(2100), rulebookId: z.string().max(60).optional(), registrationClose: ZIsoDate, quota: z.number().int().min(1).max(500), blind: z.boolean().optional(), margin: z.number().min(0).max(100).optional() }).strict(),
    },
  }, async (request, reply) => reply.status(201).send(await competitions.create(actorOf(request), request.body, request.id)));

  r.get('/api/competitions', { schema: { tags } }, async (request) => {
    const actor = actorOf(request);
    authorize(actor, 'competition.read', { tenantId: actor.tenantId });
    const rows = await deps.db.selectFrom('competitions').select(['id', 'name', 'year', 'status', 'quota', 'registrationClose', 'isBlind', 'decisionNumber']).where('tenantId', '=', actor.tenantId).orderBy('year', 'desc').execute();
    return { items: rows.map(({ isBlind, ...c }) => ({ ...c, blind: isBlind === 1, isBlind })) };
  });

  r.get('/api/competitions/:id', { schema: { tags, params } }, async (request) => competitions.entriesFor(actorOf(request), request.params.id));

  r.get('/api/competitions/:id/judge-candidates', { schema: { tags, params, summary: 'Users the Tim Inovasi may assign as judges' } }, async (request) => ({
    items: await competitions.judgeCandidates(actorOf(request), request.params.id),
  }));

  r.post('/api/competitions/:id/judges', { schema: { tags, params, body: z.object({ userId: ZId }).strict() } }, async (request, reply) => {
    await competitions.addJudge(actorOf(request), request.params.id, request.body.userId, request.id);
    return reply.status(204).send();
  });

  r.post('/api/competitions/:id/entries', { schema: { tags, params, body: z.object({ proposalId: ZId }).strict() } }, async (request, reply) => {
    await competitions.enter(actorOf(request), request.params.id, request.body.proposalId, request.id);
    return reply.status(204).send();
  });

  r.post('/api/competitions/:id/conflicts', { schema: { tags, params, body: z.object({ proposalId: ZId }).strict(), summary: 'A judge declares a conflict of interest' } }, async (request, reply) => {
    await competitions.declareConflict(actorOf(request), request.params.id, request.body.proposalId, request.id);
    return reply.status(204).send();
  });

  r.put('/api/competitions/:id/scores/:proposalId', {
    schema: { tags, params: z.object({ id: ZId, proposalId: ZId }), body: z.object({ scores: z.record(z.string().max(60), z.number()) }).strict(), summary: 'A judge scores every weighted criterion on the rulebook scale' },
  }, async (request) => competitions.score(actorOf(request), request.params.id, request.params.proposalId, request.body.scores, request.id));

  r.get('/api/competitions/:id/ranking', { schema: { tags, params, summary: 'Mean of judges’ weighted totals, spread, disagreement flag (managers always; others after the decision)' } }, async (request) =>
    competitions.rankingFor(actorOf(request), request.params.id),
  );

  r.post('/api/competitions/:id/decide', { schema: { tags, params, body: z.object({ decisionNumber: z.string().trim().min(3).max(120) }).strict(), summary: 'Freeze the result as a decision (SK penetapan)' } }, async (request) => {
    const c = await competitions.decide(actorOf(request), request.params.id, request.body.decisionNumber, request.id);
    return { id: c.id, status: c.status, decisionNumber: c.decisionNumber, decidedAt: c.decidedAt };
  });

  r.get('/api/competitions/:id/decree.pdf', { schema: { tags, params, summary: 'SK penetapan with the ranked list' } }, async (request, reply) => {
    const actor = actorOf(request);
    const c = await competitions.requireCompetition(actor, request.params.id);
    authorize(actor, 'competition.read', { tenantId: actor.tenantId });
    assertMaySeeRanking(actor, c);
    const tenant = await deps.db.selectFrom('tenants').select('name').where('id', '=', actor.tenantId).executeTakeFirstOrThrow();
    const decision = c.decision ? (JSON.parse(c.decision) as { ranking: Array<{ rank: number; title: string; unitName: string; mean: number; spread: number; flagged: boolean; nominated: boolean }>; judges: string[]; decidedBy: string; decidedAt: string }) : null;
    const ranking = decision?.ranking ?? (await competitions.rankingOf(c)).items;
    const place = tenant.name.replace(/^(Kabupaten|Kota|Provinsi)\s+/, '');
    const pdf = await renderPdf({
      info: { title: `SK Penetapan — ${c.name}`, creator: 'Serasan' },
      pageMargins: [64, 56, 64, 56],
      content: [
        { text: decision ? 'KEPUTUSAN' : 'RANCANGAN KEPUTUSAN (BELUM DITETAPKAN)', alignment: 'center', bold: true, fontSize: 12 },
        { text: `${tenant.name.toUpperCase()}`, alignment: 'center', bold: true },
        { text: `NOMOR ${c.decisionNumber ?? '……'}`, alignment: 'center', margin: [0, 4, 0, 10] },
        { text: 'TENTANG', alignment: 'center' },
        { text: `PENETAPAN HASIL ${c.name.toUpperCase()} TAHUN ${c.year}`, alignment: 'center', bold: true, margin: [0, 0, 0, 14] },
        { text: 'MEMUTUSKAN:', bold: true, margin: [0, 0, 0, 6] },
        { text: `KESATU: Menetapkan peringkat proposal ${c.name} tahun ${c.year} sebagaimana tercantum dalam daftar di bawah ini, berdasarkan rata-rata nilai tertimbang para juri.`, margin: [0, 0, 0, 4], alignment: 'justify' },
        { text: `KEDUA: Proposal peringkat 1 sampai dengan ${c.quota} diusulkan sebagai peserta Kompetisi Inovasi Pelayanan Publik melalui SINOVIK.`, margin: [0, 0, 0, 10], alignment: 'justify' },
        {
          table: {
            headerRows: 1,
            widths: [28, '*', 110, 42, 40, 50],
            body: [
              ['No', 'Judul proposal', 'Unit', 'Rerata', 'Selisih', 'Keterangan'].map((t) => ({ text: t, bold: true, fontSize: 9 })),
              ...ranking.map((x) => [String(x.rank), x.title, x.unitName, x.mean.toLocaleString('id-ID', { minimumFractionDigits: 2 }), x.spread.toLocaleString('id-ID', { minimumFractionDigits: 2 }), x.nominated ? 'Diusulkan' : x.flagged ? 'Kalibrasi' : ''].map((t) => ({ text: t, fontSize: 9 }))),
            ],
          },
        },
        { text: `Juri: ${(decision?.judges ?? []).join(', ') || '—'}`, fontSize: 9, margin: [0, 10, 0, 0] },
        { text: `Ditetapkan di ${place}\npada tanggal ${decision ? formatDate('id', decision.decidedAt.slice(0, 10)) : '……'}`, margin: [260, 24, 0, 0] },
        { text: decision ? decision.decidedBy : '……', margin: [260, 40, 0, 0], bold: true },
      ],
    });
    return reply.type('application/pdf').header('content-disposition', 'inline; filename="sk-penetapan.pdf"').send(pdf);
  });
}
