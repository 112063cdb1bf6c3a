import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../plugins/auth.ts';
import { ZCreateTenantInput } from '../../../shared/schemas/admin.ts';
import { createTenantService } from './tenants.service.ts';
import { presentTenant } from './tenants.presenters.ts';

export async function tenantRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tenants = createTenantService(deps);

  r.get('/api/tenant', { schema: { tags: ['tenant'], summary: 'My pemda workspace with counts' } }, async (request) =>
    tenants.summary(actorOf(request)),
  );

  r.get('/api/admin/tenants', { schema: { tags: ['admin'], summary: 'All tenants (platform operators)' } }, async (request) => ({
    items: (await tenants.listTenants(actorOf(request))).map(presentTenant),
  }));

  r.post('/api/admin/tenants', {
    schema: { tags: ['admin'], summary: 'Create a tenant for a Kemendagri region code (platform operators)', body: ZCreateTenantInput },
  }, async (request, reply) =>
    reply.status(201).send(presentTenant(await tenants.createTenant(actorOf(request), request.body.regionCode, request.id))),
  );

  r.get('/api/regions', {
    schema: {
      tags: ['reference'],
      summary: 'Kemendagri regions (idn-area-data, ODbL)',
      querystring: z.object({
        level: z.enum(['province', 'regency', 'district']).optional(),
        parentCode: z.string().max(20).optional(),
        q: z.string().max(100).optional(),
      }),
    },
  }, async (request) => {
    return { items: await tenants.listRegions(request.query) };
  });
}
