/**
 * The baselines of bench/skm-load.ts: a bare Fastify server with the survey form's route and the
 * same JSON body, answering 201 with { id, submittedAt } (mode "bare"), or doing that after one
 * prepared SQLite insert of the response (mode "insert": WAL, synchronous=NORMAL as Serasan).
 *
 *   node --import tsx bench/bare-server.ts <port> bare|insert <dataDir>
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import Fastify from 'fastify';
import { uuidv7 } from 'uuidv7';

const [portArg, mode = 'bare', dataDir = '/tmp'] = process.argv.slice(2);
const app = Fastify({ logger: false });
let insert: ((...args: unknown[]) => void) | undefined;
if (mode === 'insert') {
  const db = new Database(path.join(dataDir, 'bare.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('create table if not exists responses (id text primary key, code text not null, submitted_at text not null, answers text not null)');
  const stmt = db.prepare('insert into responses (id, code, submitted_at, answers) values (?, ?, ?, ?)');
  insert = (...args) => stmt.run(...args);
}
app.post<{ Params: { code: string }; Body: { answers: Record<string, number> } }>('/api/public/skm/:code/responses', async (request, reply) => {
  const id = uuidv7();
  const submittedAt = new Date().toISOString();
  insert?.(id, request.params.code, submittedAt, JSON.stringify(request.body.answers));
  return reply.code(201).send({ id, submittedAt });
});
app.get('/api/health', async () => ({ ok: true }));
await app.listen({ port: Number(portArg), host: '127.0.0.1' });
console.log('listening');
