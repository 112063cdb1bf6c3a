import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeIndonesianPhone, waShareLink } from './whatsapp.ts';

test('an Indonesian mobile number is normalised to 62… from 08…, +62…, 62… and with separators', () => {
  for (const input of ['081234567890', '+6281234567890', '6281234567890', '0812-3456-7890', '+62 812 3456 7890', '(0812) 3456 7890', '+62 0812 3456 7890']) {
    assert.equal(normalizeIndonesianPhone(input), '6281234567890', input);
  }
  assert.equal(normalizeIndonesianPhone('0811234567'), '62811234567', 'shortest mobile numbers (10 digits with 0)');
});

test('numbers that are not Indonesian mobile numbers are refused', () => {
  for (const input of ['', '0711-123456', '021 5551234', '+1 415 555 0100', '08123', '0812345678901234', 'abc', '0812x4567890']) {
    assert.equal(normalizeIndonesianPhone(input), null, input);
  }
});

test('the share link carries the whole text encoded, and a chosen number when given', () => {
  const text = 'Pengingat: periode SKM "Layanan KTP" berakhir 7 Desember 2026 & perlu ditutup.\nBuka: https://serasan.example/skm/1?a=b';
  const link = waShareLink(text);
  assert.ok(link.startsWith('https://wa.me/?text='));
  assert.equal(new URL(link).searchParams.get('text'), text);
  const direct = waShareLink(text, '0812-3456-7890');
  assert.ok(direct.startsWith('https://wa.me/6281234567890?text='));
  assert.equal(new URL(direct).searchParams.get('text'), text);
  assert.equal(waShareLink('x', '  '), 'https://wa.me/?text=x');
  assert.throws(() => waShareLink('x', '021 5551234'));
});
