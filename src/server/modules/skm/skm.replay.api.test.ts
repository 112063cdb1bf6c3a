import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestRuntime, signedIn, testDialects, TestClient, type TestRuntime } from '../../testing/harness.ts';
import { createManualClock } from '../../lib/manual-clock.ts';

const TODAY = '2026-11-30';
const answers = (k: number) => Object.fromEntries([1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => [`U${i}`, 1 + ((i + k) % 4)]));

for (const dialect of await testDialects()) {
  describe(`SKM form tokens are single-use under concurrency [${dialect}]`, () => {
    let rt: TestRuntime;
    let citizen: TestClient;
    let survey: { id: string; surveyCode: string };

    before(async () => {
      rt = await createTestRuntime(dialect, { seed: 'demo', clock: createManualClock(`${TODAY}T03:00:00.000Z`) });
      const operator = await signedIn(rt, 'operator');
      citizen = new TestClient(rt.app);
      const unitId = (await operator.get('/api/units')).body.items.find((u: { shortName: string }) => u.shortName === 'Disdukcapil').id;
      const res = await operator.post('/api/skm/surveys', { unitId, serviceName: 'Uji Token Ganda', periodStart: '2026-01-01', periodEnd: '2026-12-31' });
      assert.equal(res.status, 201, res.raw);
      survey = res.body;
    });
    after(() => rt.close());

    const submit = (body: Record<string, unknown>) => citizen.request('POST', `/api/public/skm/${survey.surveyCode}/responses`, body, { csrf: false });
    const formToken = async () => (await citizen.get(`/api/public/skm/${survey.surveyCode}`)).body.formToken as string;

    test('ten parallel submissions with one token store exactly one response; totals and profile counts stay exact', async () => {
      const tokens = [await formToken(), await formToken()];
      // Round 1: ten at once with the first token; round 2: ten at once with the second, other answers.
      for (const [round, token] of tokens.entries()) {
        const results = await Promise.all(
          Array.from({ length: 10 }, () => submit({ answers: answers(round), profile: { sex: round ? 'L' : 'P', ageBand: '30_39', education: 'd4_s1' }, formToken: token })),
        );
        const statuses = results.map((r) => r.status).sort();
        assert.deepEqual(statuses, [201, ...Array(9).fill(409)], JSON.stringify(results.map((r) => r.body)));
        for (const r of results.filter((x) => x.status === 409)) assert.equal(r.body.error.details?.[0]?.field, 'formToken');
      }
      const { db } = rt.deps;
      const responses = await db.selectFrom('skmResponses').selectAll().where('surveyId', '=', survey.id).execute();
      assert.equal(responses.length, 2);
      const agg = await db.selectFrom('skmAggregates').selectAll().where('surveyId', '=', survey.id).executeTakeFirstOrThrow();
      assert.equal(Number(agg.n), 2);
      const expectU1 = answers(0).U1 + answers(1).U1;
      assert.equal(Number(agg.sU1), expectU1);
      assert.equal(Number(agg.cU9), 2);
      const prof = await db.selectFrom('skmProfileCounts').select(['dimension', 'value', 'n']).where('surveyId', '=', survey.id).orderBy('dimension').orderBy('value').execute();
      assert.deepEqual(
        prof.map((p) => [p.dimension, p.value, Number(p.n)]),
        [
          ['ageBand', '30_39', 2],
          ['education', 'd4_s1', 2],
          ['sex', 'L', 1],
          ['sex', 'P', 1],
        ],
      );
      const used = await db.selectFrom('skmUsedTokens').select('nonce').where('surveyCode', '=', survey.surveyCode).execute();
      assert.equal(used.length, 2);
      const rejected = await db.selectFrom('skmRejections').select(['reason', 'n']).where('surveyCode', '=', survey.surveyCode).execute();
      assert.deepEqual(rejected.map((r) => [r.reason, Number(r.n)]), [['token_replayed', 18]]);
    });

    test('a submission without profile is stored in one go as well (no profile rows written)', async () => {
      const res = await submit({ answers: answers(2), profile: {}, formToken: await formToken() });
      assert.equal(res.status, 201, res.raw);
      const agg = await rt.deps.db.selectFrom('skmAggregates').select('n').where('surveyId', '=', survey.id).executeTakeFirstOrThrow();
      assert.equal(Number(agg.n), 3);
    });

    test('a submission made while another transaction is open is its own: that transaction rolling back does not take it along', async () => {
      const { db } = rt.deps;
      const before = Number((await db.selectFrom('skmAggregates').select('n').where('surveyId', '=', survey.id).executeTakeFirstOrThrow()).n);
      const token = await formToken();
      let sent: Promise<{ status: number; raw: string }> | undefined;
      await assert.rejects(
        db.transaction().execute(async (trx) => {
          await trx.updateTable('skmSurveys').set({ population: 4321 }).where('id', '=', survey.id).execute();
          // The citizen submits while this transaction is open (on SQLite: the same connection).
          sent = submit({ answers: answers(3), profile: { sex: 'P' }, formToken: token });
          await new Promise((r) => setTimeout(r, 50));
          throw new Error('rolled back on purpose');
        }),
        /rolled back on purpose/,
      );
      const res = await sent!;
      assert.equal(res.status, 201, res.raw);
      const agg = await db.selectFrom('skmAggregates').select('n').where('surveyId', '=', survey.id).executeTakeFirstOrThrow();
      assert.equal(Number(agg.n), before + 1, 'the acknowledged submission survived the other rollback');
      const s = await db.selectFrom('skmSurveys').select('population').where('id', '=', survey.id).executeTakeFirstOrThrow();
      assert.notEqual(s.population, 4321, 'the other transaction did roll back');
    });
  });
}
