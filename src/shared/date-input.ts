/**
 * Dates as people in Indonesian offices type them: DD/MM/YYYY (also D/M/YYYY, DD-MM-YYYY, DD.MM.YYYY)
 * and the ISO form YYYY-MM-DD that the API speaks. Pure, shared by the SPA's date field and tests.
 */
const DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

function iso(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return null;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > last) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Typed text → ISO date (YYYY-MM-DD), or null when it is not a real calendar date. */
export function parseDateInput(text: string): string | null {
  const s = text.trim();
  const dmy = DMY.exec(s);
  if (dmy) return iso(Number(dmy[3]), Number(dmy[2]), Number(dmy[1]));
  const ymd = ISO.exec(s);
  if (ymd) return iso(Number(ymd[1]), Number(ymd[2]), Number(ymd[3]));
  return null;
}

/** ISO date (YYYY-MM-DD, or a timestamp starting with one) → DD/MM/YYYY; '' for empty input. */
export function formatDateDMY(value: string | null | undefined): string {
  if (!value) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : value;
}
