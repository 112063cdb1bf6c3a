import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';

export async function healthRoutes(app: FastifyInstance, deps: Deps) {
  app.withTypeProvider<ZodTypeProvider>().get('/api/health', {
    config: { public: true },
    schema: {
      tags: ['platform'],
      summary: 'Liveness and database check',
      response: { 200: z.object({ status: z.literal('ok'), db: z.enum(['sqlite', 'postgres']), version: z.string() }) },
    },
  }, async () => {
    await sql`select 1`.execute(deps.db);
    return { status: 'ok' as const, db: deps.dialect, version: deps.config.version };
  });
}
