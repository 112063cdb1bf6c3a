import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { csvField, neutraliseFormula, parseCsv, toCsv, unneutraliseFormula } from './csv.ts';

describe('the one CSV writer', () => {
  test('cells that a spreadsheet would run as a formula get a leading apostrophe (OWASP)', () => {
    for (const s of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', "=cmd|' /C calc'!A0"]) assert.equal(neutraliseFormula(s), `'${s}`);
    for (const s of ['', 'Perekaman KTP-el', "'=1", ' =1', 'a=b', '1-2']) assert.equal(neutraliseFormula(s), s);
  });

  test('the import takes back exactly what the export neutralised', () => {
    for (const s of ['=1+1', '-x', "'plain", 'plain', "''=x"]) assert.equal(unneutraliseFormula(neutraliseFormula(s)), s);
  });

  test('a field is quoted when it holds a comma, quote, CR, LF or semicolon; quotes are doubled', () => {
    assert.equal(csvField('plain'), 'plain');
    assert.equal(csvField('a,b'), '"a,b"');
    assert.equal(csvField('a;b'), '"a;b"');
    assert.equal(csvField('say "hi"'), '"say ""hi"""');
    assert.equal(csvField('a\rb'), '"a\rb"');
    assert.equal(csvField('a\nb'), '"a\nb"');
    assert.equal(csvField(null), '');
    assert.equal(csvField(undefined), '');
    assert.equal(csvField(-3), '-3', 'numbers are data, not formulas');
    assert.equal(csvField(['a', 'b']), '"a; b"');
  });

  test('a service name with CR and a formula stays one cell of one row, neutralised', () => {
    const evil = "Layanan\r=cmd|' /C calc'!A0";
    const text = toCsv([['unit', 'jenis_layanan'], ['Disdukcapil', evil], ['x', "=cmd|' /C calc'!A0"]]);
    assert.ok(text.startsWith('\uFEFF'));
    assert.ok(text.endsWith('\r\n'));
    const rows = parseCsv(text.slice(1));
    assert.deepEqual(rows, [['unit', 'jenis_layanan'], ['Disdukcapil', evil], ['x', "'=cmd|' /C calc'!A0"]]);
    for (const row of rows) for (const cell of row) assert.doesNotMatch(cell, /^[=+\-@\t\r]/);
  });
});

/** Every non-test source file of the server, relative to src/server. */
function serverSources(dir = path.resolve(import.meta.dirname, '..')): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const p = path.join(dir, entry);
    if (statSync(p).isDirectory()) out.push(...serverSources(p));
    else if (entry.endsWith('.ts') && !entry.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

test('one writer: every CSV download goes through toCsv/csvDownload, every Excel data row through safeCells', () => {
  const root = path.resolve(import.meta.dirname, '..');
  const csvFiles: string[] = [];
  const offenders: string[] = [];
  for (const file of serverSources()) {
    const rel = path.relative(root, file);
    if (rel === path.join('lib', 'csv.ts')) continue;
    const text = readFileSync(file, 'utf8');
    if (text.includes('text/csv')) {
      csvFiles.push(rel);
      if (!/\b(toCsv|csvDownload)\(/.test(text)) offenders.push(`${rel}: serves text/csv without toCsv/csvDownload`);
    }
    // A hand-made CSV line (values joined by commas and CRLF) outside the one writer.
    if (/join\(['"`],['"`]\)[^\n]*join\(['"`]\\r?\\n['"`]\)/.test(text)) offenders.push(`${rel}: joins CSV lines by hand`);
    for (const m of text.matchAll(/\.addRows?\((?!safeCells\()/g)) offenders.push(`${rel}: Excel row without safeCells at offset ${m.index}`);
  }
  assert.ok(csvFiles.length >= 2, `CSV downloads found: ${csvFiles.join(', ')}`);
  assert.deepEqual(offenders, []);
});
