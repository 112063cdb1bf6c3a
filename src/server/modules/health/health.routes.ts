import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { createHealthService } from './health.service.ts';

export async function healthRoutes(app: FastifyInstance, deps: Deps) {
  const health = createHealthService(deps);
  app.withTypeProvider<ZodTypeProvider>().get('/api/health', {
    config: { public: true },
    schema: {
      tags: ['platform'],
      summary: 'Liveness and database check',
      response: { 200: z.object({ status: z.literal('ok'), db: z.enum(['sqlite', 'postgres']), version: z.string() }) },
    },
  }, async () => health.check());
}
