import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../plugins/auth.ts';
import { ZId } from '../../../shared/schemas/common.ts';
import { ZCreateUserInput, ZUpdateUserInput } from '../../../shared/schemas/admin.ts';
import { createUsersService } from './users.service.ts';

export async function userRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const users = createUsersService(deps);
  const tags = ['pengguna'];
  const params = z.object({ id: ZId });

  r.get('/api/users', { schema: { tags, summary: 'Users and their roles (admin)' } }, async (request) => ({ items: await users.list(actorOf(request)) }));

  r.post('/api/users', { schema: { tags, summary: 'Create a user with a temporary password', body: ZCreateUserInput } }, async (request, reply) => {
    const { user, temporaryPassword } = await users.create(actorOf(request), request.body, request.id);
    const presented = (await users.list(actorOf(request))).find((u) => u.id === user.id);
    return reply.status(201).send({ user: presented, temporaryPassword });
  });

  r.patch('/api/users/:id', { schema: { tags, params, body: ZUpdateUserInput } }, async (request) => {
    await users.update(actorOf(request), request.params.id, request.body, request.id);
    return (await users.list(actorOf(request))).find((u) => u.id === request.params.id);
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
