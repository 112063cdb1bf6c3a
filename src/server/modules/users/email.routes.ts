import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../plugins/auth.ts';
import { ZEmailInput } from '../../../shared/schemas/notifications.ts';
import { createAccountEmailService } from './email.service.ts';

export async function accountEmailRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const service = createAccountEmailService(deps);
  const tags = ['akun'];
  r.get('/api/account/email', { schema: { tags, summary: 'My e-mail address for notifications' } }, async (request) => service.get(actorOf(request)));
  r.put('/api/account/email', { schema: { tags, summary: 'Set or remove (null or "") my e-mail address for notifications', body: ZEmailInput } }, async (request) =>
    service.set(actorOf(request), request.body.email, request.id),
  );
}
