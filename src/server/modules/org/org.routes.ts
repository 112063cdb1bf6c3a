import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../plugins/auth.ts';
import { LIST_SORTS, UNIT_TYPES, ZId, ZIsoDate, ZListQuery } from '../../../shared/schemas/common.ts';
import { csvDownload, EXPORT_MAX_ROWS } from '../../lib/list.ts';
import { createTenantService } from '../tenants/tenants.service.ts';
import {
  ZCreateAssignmentInput,
  ZCreatePersonInput,
  ZCreatePositionInput,
  ZCreateUnitInput,
  ZEndAssignmentInput,
  ZUnit,
  ZUpdatePersonInput,
  ZUpdatePositionInput,
  ZUpdateUnitInput,
  POSITION_HOLDER_FILTERS,
} from '../../../shared/schemas/org.ts';
import { createOrgService } from './org.service.ts';
import { presentAssignment, presentPerson, presentPosition, presentUnit } from './org.presenters.ts';

const ZIdParams = z.object({ id: ZId });
const ZPeopleListQuery = ZListQuery(LIST_SORTS.people.keys, LIST_SORTS.people.default).extend({
  q: z.string().max(100).optional(),
  unitId: ZId.optional(),
  kind: z.enum(['PNS', 'PPPK']).optional(),
});
const ZPositionsListQuery = ZListQuery(LIST_SORTS.positions.keys, LIST_SORTS.positions.default).extend({
  q: z.string().max(100).optional(),
  unitId: ZId.optional(),
  holder: z.enum(POSITION_HOLDER_FILTERS).optional(),
});
const ZPerson = z.object({
  id: z.string(),
  name: z.string(),
  nip: z.string(),
  nipFormatted: z.string(),
  kind: z.enum(['PNS', 'PPPK']),
  rank: z.string().nullable(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
});

export async function orgRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const org = createOrgService(deps);
  const tags = ['organisasi'];

  r.get('/api/units', {
    schema: {
      tags,
      summary: 'Units (perangkat daerah, kecamatan, bagian…) of the tenant',
      querystring: z.object({ type: z.enum(UNIT_TYPES).optional(), q: z.string().max(100).optional() }),
      response: { 200: z.object({ items: z.array(ZUnit) }) },
    },
  }, async (request) => ({ items: (await org.listUnits(actorOf(request), request.query)).map(presentUnit) }));

  r.get('/api/units/:id', { schema: { tags, params: ZIdParams, response: { 200: ZUnit } } }, async (request) =>
    presentUnit(await org.getUnit(actorOf(request), request.params.id)),
  );

  r.post('/api/units', { schema: { tags, body: ZCreateUnitInput, response: { 201: ZUnit } } }, async (request, reply) =>
    reply.status(201).send(presentUnit(await org.createUnit(actorOf(request), request.body, request.id))),
  );

  r.patch('/api/units/:id', { schema: { tags, params: ZIdParams, body: ZUpdateUnitInput, response: { 200: ZUnit } } }, async (request) =>
    presentUnit(await org.updateUnit(actorOf(request), request.params.id, request.body, request.id)),
  );

  r.get('/api/positions', {
    schema: { tags, summary: 'Positions (jabatan) with their current holders: search, unit and holder filters, sort, paging', querystring: ZPositionsListQuery },
  }, async (request) => {
    const { items, total } = await org.listPositions(actorOf(request), request.query);
    return { items: items.map(presentPosition), total, page: request.query.page, pageSize: request.query.pageSize };
  });

  r.get('/api/positions/export.csv', { schema: { tags, summary: 'The filtered, sorted positions list with today\'s holders as CSV', querystring: ZPositionsListQuery } }, async (request, reply) => {
    const actor = actorOf(request);
    const { items } = await org.listPositions(actor, { ...request.query, page: 1, pageSize: EXPORT_MAX_ROWS });
    const csv = csvDownload(
      await createTenantService(deps).exportFileName(actor.tenantId, 'jabatan'),
      ['Jabatan', 'Perangkat Daerah', 'Kepala unit', 'Pejabat saat ini', 'NIP', 'Status penugasan'],
      items.map((p) => {
        const h = presentPosition(p).holders;
        return [p.title, p.unitName, p.isHead === 1 ? 'ya' : 'tidak', h.map((x) => x.personName).join('; '), h.map((x) => x.nip).join('; '), h.map((x) => x.kind).join('; ')];
      }),
    );
    return reply.type(csv.contentType).header('content-disposition', csv.disposition).send(csv.body);
  });

  r.get('/api/positions/:id/holder', {
    schema: { tags, summary: 'Who holds the position on a date: definitif, else Plt, else Plh', params: ZIdParams, querystring: z.object({ date: ZIsoDate }) },
  }, async (request) => ({ holder: await org.holderOf(actorOf(request), request.params.id, request.query.date) }));
  r.post('/api/positions', { schema: { tags, body: ZCreatePositionInput } }, async (request, reply) =>
    reply.status(201).send(presentPosition(await org.createPosition(actorOf(request), request.body, request.id))),
  );

  r.patch('/api/positions/:id', { schema: { tags, params: ZIdParams, body: ZUpdatePositionInput } }, async (request) =>
    presentPosition(await org.updatePosition(actorOf(request), request.params.id, request.body, request.id)),
  );

  r.get('/api/people', {
    schema: {
      tags,
      summary: 'People (ASN) with search, filters and paging',
      querystring: ZPeopleListQuery,
      response: { 200: z.object({ items: z.array(ZPerson), total: z.number(), page: z.number(), pageSize: z.number() }) },
    },
  }, async (request) => {
    const { items, total } = await org.listPeople(actorOf(request), request.query);
    return { items: items.map(presentPerson), total, page: request.query.page, pageSize: request.query.pageSize };
  });

  r.get('/api/people/export.csv', { schema: { tags, summary: 'The filtered, sorted people list as CSV', querystring: ZPeopleListQuery } }, async (request, reply) => {
    const actor = actorOf(request);
    const { items } = await org.listPeople(actor, { ...request.query, page: 1, pageSize: EXPORT_MAX_ROWS });
    const csv = csvDownload(
      await createTenantService(deps).exportFileName(actor.tenantId, 'pegawai'),
      ['Nama', 'NIP', 'Jenis', 'Pangkat/Golongan', 'Perangkat Daerah'],
      items.map((p) => [p.name, p.nip, p.kind, p.rank, p.unitName]),
    );
    return reply.type(csv.contentType).header('content-disposition', csv.disposition).send(csv.body);
  });

  r.post('/api/people', {
    schema: { tags, summary: 'Add a person; the NIP is validated (RULES §7.1)', body: ZCreatePersonInput, response: { 201: ZPerson } },
  }, async (request, reply) => {
    const person = await org.createPerson(actorOf(request), request.body, request.id);
    return reply.status(201).send(presentPerson(person));
  });

  r.get('/api/people/:id', { schema: { tags, params: ZIdParams } }, async (request) => {
    const p = await org.getPerson(actorOf(request), request.params.id);
    return { ...presentPerson(p), canManage: p.canManage, assignments: p.assignments.map(presentAssignment) };
  });

  r.patch('/api/people/:id', { schema: { tags, params: ZIdParams, body: ZUpdatePersonInput, response: { 200: ZPerson } } }, async (request) =>
    presentPerson(await org.updatePerson(actorOf(request), request.params.id, request.body, request.id)),
  );

  r.get('/api/assignments', {
    schema: { tags, summary: 'Assignment history (newest first)', querystring: z.object({ positionId: ZId.optional(), personId: ZId.optional() }) },
  }, async (request) => ({ items: (await org.listAssignments(actorOf(request), request.query)).map(presentAssignment) }));

  r.post('/api/assignments', {
    schema: { tags, summary: 'Assign a person to a position (definitif, Plt or Plh)', body: ZCreateAssignmentInput },
  }, async (request, reply) => reply.status(201).send(presentAssignment(await org.createAssignment(actorOf(request), request.body, request.id))));

  r.post('/api/assignments/:id/end', { schema: { tags, params: ZIdParams, body: ZEndAssignmentInput } }, async (request) =>
    presentAssignment(await org.endAssignment(actorOf(request), request.params.id, request.body.endDate, request.id)),
  );
}
