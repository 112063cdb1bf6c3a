/**
 * Acronyms expanded from the text. Indonesian innovations are named by acronyms ("BELAH DADOKU",
 * "SIMPAPDES") whose long form is written next to them: "Begitu Lahir Dapat Dokumen Kependudukan",
 * "XYZ (Kepanjangan Yang Zeta)", "Kepanjangan Yang Zeta (XYZ)", "Simpeldes = Sistem Informasi
 * Pelayanan Desa". The long form of the innovation's own name says what it is, so it is weighted
 * like the title.
 */

const letters = (s: string) => s.toLowerCase().normalize('NFKD').replace(/[^a-z]/g, '');

/**
 * True when `acronym` reads as built from `longForm`: same first letter, its letters in order in
 * the long form's letters (syllable acronyms like BELAH DADOKU = BEgitu LAhir DApat DOKUmen), and
 * the long form has at least two words but is not far longer than the acronym could cover
 * (syllable acronyms take letters from inside words, so initials alone are not required).
 */
export function isAcronymOf(acronym: string, longForm: string): boolean {
  const a = letters(acronym);
  const words = longForm.trim().split(/\s+/).filter((w) => /[a-z]/i.test(w));
  const l = letters(longForm);
  if (a.length < 3 || a.length > 20 || words.length < 2 || words.length > Math.max(4, a.length + 2)) return false;
  // A phrase that spells the name out in full is the name, not its long form.
  if (a[0] !== l[0] || l.includes(a)) return false;
  // The acronym's letters in order in the long form; one letter may be missing in a long acronym
  // (sources misspell them: KAPSUL CINTA has no "t" in its long form).
  let pos = 0;
  let missing = 0;
  for (const ch of a) {
    const at = l.indexOf(ch, pos);
    if (at < 0) missing++;
    else pos = at + 1;
  }
  if (missing > (a.length >= 8 ? 1 : 0)) return false;
  return l.length <= a.length * 8;
}

/** The first clause of a text: up to the first sentence end, semicolon, colon or bracket. */
const firstClause = (text: string) => text.split(/[.;:(\n]|\s[-–=]\s/)[0]!.trim();

/**
 * Long forms of the innovation's name found in its texts: its acronym field or its title read as
 * an acronym, expanded by the first clause of the description or a bracketed / "=" long form.
 */
export function nameExpansions(title: string, acronym: string | null, texts: string[]): string[] {
  const names = [title, acronym ?? '', ...[...title.matchAll(/\(([^()]{3,30})\)/g)].map((m) => m[1]!)].filter((n) => n.trim().length >= 3);
  const candidates = new Set<string>();
  for (const t of texts) {
    if (!t) continue;
    candidates.add(firstClause(t));
    for (const m of t.matchAll(/\(([^()]{6,160})\)/g)) candidates.add(m[1]!.trim());
    for (const m of t.matchAll(/=\s*([^.;()=]{6,160})/g)) candidates.add(m[1]!.trim());
  }
  const out: string[] = [];
  for (const c of candidates) {
    if (!c || out.includes(c)) continue;
    if (names.some((n) => letters(n) !== letters(c) && isAcronymOf(n, c))) out.push(c);
  }
  return out;
}
