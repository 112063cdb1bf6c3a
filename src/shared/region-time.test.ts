import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatRegionStamp, formatRegionTime, nextDay, regionDate, regionDayStart, zoneOfRegion } from './region-time.ts';

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

test('the region’s calendar day: file names, date filters and exported stamps follow the local day', () => {
  // 17:30 UTC on 1 March is already 2 March in a WITA region, still 2 March 00.30 in WIB.
  assert.equal(regionDate('2026-03-01T17:30:00.000Z', '64.72'), '2026-03-02', 'Samarinda (WITA)');
  assert.equal(regionDate('2026-03-01T16:30:00.000Z', '16.03'), '2026-03-01', 'Muara Enim (WIB): 23.30 the same day');
  assert.equal(regionDate(new Date('2026-03-01T15:30:00.000Z'), '91.71'), '2026-03-02', 'Jayapura (WIT)');
  assert.equal(formatRegionStamp('2026-03-01T17:30:00.000Z', '64.72'), '2026-03-02 01.30 WITA');
  assert.equal(formatRegionStamp('2026-03-01T17:30:00.000Z', '16.03'), '2026-03-02 00.30 WIB');
  assert.equal(regionDayStart('2026-03-02', '64.72'), '2026-03-01T16:00:00.000Z');
  assert.equal(regionDayStart('2026-03-02', '94.01'), '2026-03-01T15:00:00.000Z');
  assert.equal(nextDay('2026-02-28'), '2026-03-01');
  assert.equal(nextDay('2026-12-31'), '2027-01-01');
});
