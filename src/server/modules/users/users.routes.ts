import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../plugins/auth.ts';
import { LIST_SORTS, ROLES, ZId, ZListQuery } from '../../../shared/schemas/common.ts';
import { USER_STATUSES, ZCreateUserInput, ZUpdateUserInput } from '../../../shared/schemas/admin.ts';
import { csvDownload, EXPORT_MAX_ROWS } from '../../lib/list.ts';
import { createTenantService } from '../tenants/tenants.service.ts';
import { createUsersService } from './users.service.ts';
import { lookup } from '../../../shared/i18n/translate.ts';
import { coreId } from '../../../shared/i18n/core.id.ts';

const ZUsersListQuery = ZListQuery(LIST_SORTS.users.keys, LIST_SORTS.users.default).extend({
  q: z.string().max(100).optional(),
  role: z.enum(ROLES).optional(),
  status: z.enum(USER_STATUSES).optional(),
});

export async function userRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const users = createUsersService(deps);
  const tags = ['pengguna'];
  const params = z.object({ id: ZId });

  r.get('/api/users', { schema: { tags, summary: 'Users and their roles (admin): search, role and status filters, sort, paging', querystring: ZUsersListQuery } }, async (request) => {
    const { items, total } = await users.list(actorOf(request), request.query);
    return { items, total, page: request.query.page, pageSize: request.query.pageSize };
  });

  r.get('/api/users/export.csv', { schema: { tags, summary: 'The filtered, sorted users list as CSV (no secrets)', querystring: ZUsersListQuery } }, async (request, reply) => {
    const actor = actorOf(request);
    const { items } = await users.list(actor, { ...request.query, page: 1, pageSize: EXPORT_MAX_ROWS });
    const x = await createTenantService(deps).exportContext(actor.tenantId, 'pengguna');
    const csv = csvDownload(
      x.fileName,
      ['Nama pengguna', 'Nama', 'E-mail', 'Peran', 'Aktif', 'Wajib ganti kata sandi', 'Dibuat'],
      items.map((u) => [
        u.username,
        u.name,
        u.email,
        u.roles.map((g) => { const role = lookup(coreId, `roles.${g.role}`) ?? g.role; return g.unitName ? `${role} (${g.unitName})` : role; }).join('; '),
        u.isActive ? 'ya' : 'tidak',
        u.mustChangePassword ? 'ya' : 'tidak',
        x.stamp(u.createdAt),
      ]),
    );
    return reply.type(csv.contentType).header('content-disposition', csv.disposition).send(csv.body);
  });

  r.post('/api/users', { schema: { tags, summary: 'Create a user with a temporary password', body: ZCreateUserInput } }, async (request, reply) => {
    const { user, temporaryPassword } = await users.create(actorOf(request), request.body, request.id);
    return reply.status(201).send({ user: await users.get(actorOf(request), user.id), temporaryPassword });
  });

  r.patch('/api/users/:id', { schema: { tags, params, body: ZUpdateUserInput } }, async (request) => {
    await users.update(actorOf(request), request.params.id, request.body, request.id);
    return users.get(actorOf(request), request.params.id);
  });

  r.get('/api/users/login-delays', { schema: { tags, summary: 'Sign-in delays of this pemda\'s users, per address (admin)' } }, async (request) => ({
    items: await users.listLoginDelays(actorOf(request)),
  }));

  r.delete('/api/users/:id/login-delays', { schema: { tags, params, summary: 'Clear the sign-in delays of a user (admin)' } }, async (request, reply) => {
    await users.clearLoginDelays(actorOf(request), request.params.id, request.id);
    return reply.status(204).send();
  });

  r.post('/api/users/:id/reset-password', { schema: { tags, params, summary: 'Issue a new temporary password' } }, async (request) =>
    users.resetPassword(actorOf(request), request.params.id, request.id),
  );
}
