import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatRegionTime, zoneOfRegion } from './region-time.ts';

test('the time zone follows the province: WIB, WITA, WIT', () => {
  assert.equal(zoneOfRegion('16.03').label, 'WIB', 'Sumatera Selatan');
  assert.equal(zoneOfRegion('61.01').label, 'WIB', 'Kalimantan Barat');
  assert.equal(zoneOfRegion('63.71').label, 'WITA', 'Kalimantan Selatan');
  assert.equal(zoneOfRegion('51').label, 'WITA', 'Bali');
  assert.equal(zoneOfRegion('73.71').label, 'WITA', 'Sulawesi Selatan');
  assert.equal(zoneOfRegion('81.71').label, 'WIT', 'Maluku');
  assert.equal(zoneOfRegion('94.01').label, 'WIT', 'Papua Tengah');
  assert.equal(zoneOfRegion(null).label, 'WIB');
});

test('printed times are in the region’s own time with the zone suffix', () => {
  const at = '2026-11-30T09:05:00.000Z';
  assert.equal(formatRegionTime(at, '16.03'), '30 November 2026 16.05 WIB');
  assert.equal(formatRegionTime(at, '73.71'), '30 November 2026 17.05 WITA');
  assert.equal(formatRegionTime(at, '91.71'), '30 November 2026 18.05 WIT');
  assert.equal(formatRegionTime('2026-11-30T20:00:00Z', '16.03'), '1 Desember 2026 03.00 WIB', 'the date follows the local day');
  assert.equal(formatRegionTime(at, '16.03', 'en'), '30 November 2026 16:05 WIB');
});
