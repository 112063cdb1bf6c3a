/**
 * The one CSV module of Serasan: RFC 4180 parsing (seeds) and the one writer every CSV export
 * uses, with the formula guard that XLSX exports share.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Spreadsheet (CSV/formula) injection: a text cell starting with = + - @, tab or CR is prefixed
 * with an apostrophe so Excel/LibreOffice show it as text (OWASP "CSV Injection").
 */
export function neutraliseFormula(s: string): string {
  return FORMULA_START.test(s) ? `'${s}` : s;
}

/** The inverse for imports, so an exported workbook can be imported again unchanged. */
export function unneutraliseFormula(s: string): string {
  return s.startsWith("'") && FORMULA_START.test(s.slice(1)) ? s.slice(1) : s;
}

/**
 * One CSV field: text is neutralised, then quoted when it holds a comma, quote, CR or LF (and
 * semicolon, the list separator of Indonesian Excel); numbers and booleans are written as is.
 */
export function csvField(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  const s = neutraliseFormula(Array.isArray(v) ? v.join('; ') : String(v));
  return /[",\r\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A whole CSV document: UTF-8 BOM (Excel), CRLF line ends, every field through `csvField`. */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<unknown>>): string {
  return '\uFEFF' + rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** RFC 4180 CSV parsing (quoted fields, doubled quotes, CRLF). Small on purpose: seeds only. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.length > 1 || r[0] !== '');
}

export function parseCsvObjects(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text.replace(/^\uFEFF/, ''));
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}
