import { crc32, deflateSync } from 'node:zlib';
import type { Tx } from '../db/db.ts';
import type { BlobStore } from '../modules/evidence/blob-store.ts';
import { newId } from '../lib/ids.ts';

/** A minimal RGB PNG encoder (for the placeholder emblem; no image library needed). */
export function encodePng(width: number, height: number, pixel: (x: number, y: number) => [number, number, number]): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 3 + 1)] = 0; // filter: none
    for (let x = 0; x < width; x++) raw.set(pixel(x, y), y * (width * 3 + 1) + 1 + x * 3);
  }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(td) >>> 0);
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** A plain shield placeholder, clearly not a real lambang daerah. */
export function placeholderEmblem(): Buffer {
  const w = 96;
  const h = 112;
  return encodePng(w, h, (x, y) => {
    const cx = Math.abs(x - w / 2);
    // Shield outline: straight sides to 60 % of the height, then a point.
    const half = y < h * 0.6 ? w / 2 - 4 : (w / 2 - 4) * (1 - (y - h * 0.6) / (h * 0.4 - 4));
    if (y < 4 || cx > half) return [255, 255, 255];
    if (cx > half - 5 || y < 9) return [22, 101, 52]; // green border
    return y > h * 0.35 && y < h * 0.45 ? [22, 101, 52] : [234, 179, 8]; // gold field, green band
  });
}

/**
 * Demo letterhead data (marked is_demo): the tenant's government line, the head of region
 * (fictional name "(demo)"), a placeholder emblem generated here, and unit letterheads with
 * plausible but invented addresses for a few units.
 */
export async function seedDemoLetterheads(tx: Tx, blobs: BlobStore, tenantId: string, now: string) {
  const png = placeholderEmblem();
  const stored = await blobs.put(png);
  const evidenceId = newId();
  await tx.insertInto('evidence').values({ tenantId, id: evidenceId, sha256: stored.sha256, size: stored.size, mime: 'image/png', ext: 'png', originalName: 'lambang-placeholder-demo.png', uploadedBy: null, createdAt: now }).execute();
  await tx
    .insertInto('docTenantSettings')
    .values({
      tenantId,
      emblemEvidenceId: evidenceId,
      governmentLine: 'PEMERINTAH KABUPATEN MUARA ENIM',
      headTitle: 'BUPATI MUARA ENIM',
      headName: 'Bupati Muara Enim (demo)',
      place: 'Muara Enim',
      address: 'Jalan Demo Perkantoran No. 1, Muara Enim',
      phone: '(0734) 000000',
      website: 'demo.muaraenimkab.go.id',
      email: 'setda@demo.muaraenimkab.go.id',
      postalCode: '31311',
      isDemo: 1,
      updatedAt: now,
    })
    .execute();
  const units = await tx.selectFrom('units').select(['id', 'shortName']).where('tenantId', '=', tenantId).where('shortName', 'in', ['Disdukcapil', 'Balitbangda', 'Bappeda', 'Diskominfo']).execute();
  let n = 0;
  for (const u of units) {
    n++;
    const slug = (u.shortName ?? 'unit').toLowerCase();
    await tx
      .insertInto('docUnitLetterheads')
      .values({ tenantId, unitId: u.id, unitCode: u.shortName?.toUpperCase() ?? null, address: `Jalan Demo Perkantoran No. ${n + 1}, Muara Enim`, phone: `(0734) 00000${n}`, website: `${slug}.demo.muaraenimkab.go.id`, email: `${slug}@demo.muaraenimkab.go.id`, postalCode: '31311', isDemo: 1, updatedAt: now })
      .execute();
  }
}
