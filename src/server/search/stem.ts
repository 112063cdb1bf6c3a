import { createRequire } from 'node:module';
import type { Stemmer as StemmerType } from 'sastrawijs';

const require = createRequire(import.meta.url);
const { Stemmer } = require('sastrawijs') as typeof import('sastrawijs');

/**
 * Indonesian stemming for search (sastrawijs) with a small, tested override list for the
 * dictionary's known mistakes (STACK.md: "penilaian" → "ilai" because the dictionary holds "ilai").
 */
const stemmer: StemmerType = new Stemmer();
stemmer.remove(['ilai']);

/** Words whose sastrawijs stem is wrong or too aggressive for search. */
export const STEM_OVERRIDES: Record<string, string> = {
  penilaian: 'nilai',
  dinilai: 'nilai',
  menilai: 'nilai',
  pelayanan: 'layan',
  inovasi: 'inovasi',
  inovatif: 'inovasi',
  kependudukan: 'duduk',
  stunting: 'stunting',
  desa: 'desa',
  puskesmas: 'puskesmas',
};

/** Function words that carry no meaning for finding an innovation. */
const STOPWORDS = new Set(
  'yang dan di ke dari untuk dengan dalam pada ini itu atau oleh sebagai adalah akan juga serta bagi agar tidak sudah telah dapat bisa lebih para secara melalui tersebut antara setiap hingga sampai karena maka jika kami kita mereka ia dia nya pun lah kah the of and'.split(' '),
);

const cache = new Map<string, string>();
export function stemWord(word: string): string {
  const w = word.toLowerCase();
  const hit = cache.get(w);
  if (hit !== undefined) return hit;
  const s = STEM_OVERRIDES[w] ?? (/^[a-z]+$/.test(w) ? stemmer.stem(w) : w);
  if (cache.size < 50_000) cache.set(w, s);
  return s;
}

/**
 * Text → stems. Letters are stemmed; numbers and codes (years, "16.03", "KTP-el" parts) are kept
 * as tokens of their own, because sastrawijs' tokenizer drops digits.
 */
export function stemText(text: string): string[] {
  return words(text).map(stemToken);
}

/** A word as indexed: letters are stemmed, numbers and codes kept as they are. */
export const stemToken = (t: string) => (/^[a-z]+$/.test(t) ? stemWord(t) : t);

/** The searchable words of a text, lower-cased and unaccented, without stopwords, not stemmed. */
export function words(text: string): string[] {
  const tokens = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .match(/[a-z0-9]+/g);
  if (!tokens) return [];
  return tokens.filter((t) => t.length >= 2 && !STOPWORDS.has(t));
}
