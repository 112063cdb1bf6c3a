import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestRuntime, signedIn, testDialects, type TestRuntime } from '../../testing/harness.ts';
import { createManualClock } from '../../lib/manual-clock.ts';
import { submissionWriter, type SubmissionRow } from './skm.write.ts';

/**
 * The form's write on its own, many at once (as a crowd at a service counter sends them): on
 * SQLite they share one commit, each in its own savepoint, so a replayed token or a failing row
 * costs only that submission; every other one is stored whole and the totals equal the rows.
 */
for (const dialect of await testDialects()) {
  describe(`SKM submissions sent together [${dialect}]`, () => {
    let rt: TestRuntime;
    let survey: { id: string; surveyCode: string; tenantId: string };

    before(async () => {
      rt = await createTestRuntime(dialect, { seed: 'demo', clock: createManualClock('2026-11-30T03:00:00.000Z') });
      const operator = await signedIn(rt, 'operator');
      const unitId = (await operator.get('/api/units')).body.items.find((u: { shortName: string }) => u.shortName === 'Disdukcapil').id;
      const res = await operator.post('/api/skm/surveys', { unitId, serviceName: 'Uji Kirim Bersama', periodStart: '2026-01-01', periodEnd: '2026-12-31' });
      assert.equal(res.status, 201, res.raw);
      const tenantId = (await rt.deps.db.selectFrom('skmSurveys').select('tenantId').where('id', '=', res.body.id).executeTakeFirstOrThrow()).tenantId;
      survey = { ...res.body, tenantId };
    });
    after(() => rt.close());

    const row = (k: number, over: Partial<SubmissionRow> = {}): SubmissionRow => ({
      nonce: `nonce-${k}`,
      surveyCode: survey.surveyCode,
      tenantId: survey.tenantId,
      surveyId: survey.id,
      id: `resp-${k}`,
      at: '2026-11-30T03:00:00.000Z',
      v: [1, 2, 3, 4, 1, 2, 3, 4, (k % 4) + 1],
      profile: [['sex', k % 2 ? 'L' : 'P']],
      suggestion: null,
      ...over,
    });

    test('forty at once, one replaying a token and one for a survey that does not exist: 38 stored whole, one replayed, one refused', async () => {
      const store = submissionWriter(rt.deps.db, rt.deps.dialect);
      const rows = Array.from({ length: 40 }, (_, k) => row(k));
      rows[17] = row(17, { nonce: 'nonce-3' }); // the same form sent twice
      rows[29] = row(29, { surveyId: 'no-such-survey' });
      const outcomes = await Promise.allSettled(rows.map((r) => store(r)));
      const stored = outcomes.filter((o) => o.status === 'fulfilled' && o.value === 'stored').length;
      const replayed = outcomes.filter((o) => o.status === 'fulfilled' && o.value === 'replayed').length;
      // PostgreSQL checks the survey by its foreign key too; either way that one is not stored.
      assert.equal(outcomes[29]!.status === 'rejected' || (outcomes[29] as PromiseFulfilledResult<string>).value !== 'stored', true, 'the row of no survey is not stored');
      assert.equal(replayed, 1, 'the second use of nonce-3 is a replay');
      assert.equal(stored, 38);
      const { db } = rt.deps;
      const responses = await db.selectFrom('skmResponses').select(['id', 'u9']).where('surveyId', '=', survey.id).execute();
      assert.equal(responses.length, 38);
      assert.ok(!responses.some((r) => r.id === 'resp-29'), 'nothing of the refused one is written');
      assert.equal(responses.filter((r) => r.id === 'resp-3' || r.id === 'resp-17').length, 1, 'one of the two with nonce-3 is stored');
      const agg = await db.selectFrom('skmAggregates').selectAll().where('surveyId', '=', survey.id).executeTakeFirstOrThrow();
      assert.equal(Number(agg.n), 38);
      assert.equal(Number(agg.sU9), responses.reduce((a, r) => a + Number(r.u9), 0), 'totals equal the stored rows');
      const prof = await db.selectFrom('skmProfileCounts').select(['value', 'n']).where('surveyId', '=', survey.id).where('dimension', '=', 'sex').execute();
      assert.equal(prof.reduce((a, p) => a + Number(p.n), 0), 38);
      const used = await db.selectFrom('skmUsedTokens').select('nonce').where('surveyCode', '=', survey.surveyCode).execute();
      assert.equal(used.length, 38, 'a refused submission does not use up its token');
    });

    test('twenty at once with two replays among them: eighteen stored, each replay answered as such, profile counters exact', async () => {
      const store = submissionWriter(rt.deps.db, rt.deps.dialect);
      const before = await rt.deps.db.selectFrom('skmAggregates').select('n').where('surveyId', '=', survey.id).executeTakeFirstOrThrow();
      const rows = Array.from({ length: 20 }, (_, k) => row(100 + k, { profile: [['sex', 'L'], ['ageBand', '30_39'], ['education', 'sma'], ['occupation', 'swasta']] }));
      rows[5] = { ...rows[5]!, nonce: 'nonce-100' };
      rows[12] = { ...rows[12]!, nonce: 'nonce-111' };
      const outcomes = await Promise.all(rows.map((r) => store(r)));
      // Of each pair with one nonce exactly one is stored (which one is the database's race on PostgreSQL).
      const replayed = outcomes.map((o, k) => (o === 'replayed' ? k : -1)).filter((k) => k >= 0);
      assert.equal(replayed.length, 2, JSON.stringify(outcomes));
      assert.ok([0, 5].includes(replayed[0]!) && [11, 12].includes(replayed[1]!), JSON.stringify(replayed));
      const agg = await rt.deps.db.selectFrom('skmAggregates').select('n').where('surveyId', '=', survey.id).executeTakeFirstOrThrow();
      assert.equal(Number(agg.n) - Number(before.n), 18);
      const prof = await rt.deps.db.selectFrom('skmProfileCounts').select(['dimension', 'value', 'n']).where('surveyId', '=', survey.id).where('dimension', 'in', ['ageBand', 'education', 'occupation']).orderBy('dimension').execute();
      assert.deepEqual(prof.map((p) => [p.dimension, p.value, Number(p.n)]), [['ageBand', '30_39', 18], ['education', 'sma', 18], ['occupation', 'swasta', 18]]);
    });
  });
}
