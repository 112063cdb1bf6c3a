import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
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
