/**
 * NIP (Nomor Induk Pegawai) and NI PPPK validation — domain/RULES.md §7.1.
 * Structure: YYYYMMDD (birth date) · YYYYMM (TMT CPNS) · G (1 = laki-laki, 2 = perempuan) · NNN.
 * NI PPPK has the same length but digits 13–14 are "21" instead of a month, so a naive month check
 * would reject every PPPK: the check branches on the ASN kind. (Perka BKN 22/2007.)
 */
export type AsnKind = 'PNS' | 'PPPK';

export interface NipParts {
  birthDate: string; // YYYY-MM-DD
  tmtYear: number;
  tmtMonth: number | null; // null for PPPK
  sex: 'L' | 'P';
  sequence: number;
}

export type NipResult =
  | { ok: true; nip: string; parts: NipParts }
  | { ok: false; reason: NipReason; params?: Record<string, string | number> };

export type NipReason =
  | 'length'
  | 'digits'
  | 'birthDate'
  | 'birthYear'
  | 'tmtMonth'
  | 'tmtYear'
  | 'pppkCode'
  | 'looksPppk'
  | 'sex'
  | 'sequence';

/** Strip the display spaces (8-6-1-3) and dots some forms add. */
export function normalizeNip(raw: string): string {
  return raw.replace(/[\s.]/g, '');
}

export function formatNip(nip: string): string {
  return nip.length === 18 ? `${nip.slice(0, 8)} ${nip.slice(8, 14)} ${nip.slice(14, 15)} ${nip.slice(15)}` : nip;
}

function isCalendarDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const dim = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= dim;
}

/** `currentYear` is injected so the rule is pure (tests pin it). */
export function validateNip(raw: string, kind: AsnKind, currentYear: number): NipResult {
  const nip = normalizeNip(raw);
  if (!/^\d+$/.test(nip)) return { ok: false, reason: 'digits' };
  if (nip.length !== 18) return { ok: false, reason: 'length', params: { length: nip.length } };

  const by = Number(nip.slice(0, 4));
  const bm = Number(nip.slice(4, 6));
  const bd = Number(nip.slice(6, 8));
  if (!isCalendarDate(by, bm, bd)) return { ok: false, reason: 'birthDate', params: { value: nip.slice(0, 8) } };
  // Plausible working age: born no earlier than 1930 and at least 17 years before now.
  if (by < 1930 || by > currentYear - 17) return { ok: false, reason: 'birthYear', params: { year: by } };

  const ty = Number(nip.slice(8, 12));
  const tail = nip.slice(12, 14);
  let tmtMonth: number | null = null;
  if (kind === 'PNS') {
    const tm = Number(tail);
    if (tm < 1 || tm > 12) {
      return tail === '21'
        ? { ok: false, reason: 'looksPppk' }
        : { ok: false, reason: 'tmtMonth', params: { value: tail } };
    }
    tmtMonth = tm;
  } else if (tail !== '21') {
    return { ok: false, reason: 'pppkCode', params: { value: tail } };
  }
  if (ty < by + 17 || ty > currentYear + 1) return { ok: false, reason: 'tmtYear', params: { year: ty, birthYear: by } };

  const g = nip.slice(14, 15);
  if (g !== '1' && g !== '2') return { ok: false, reason: 'sex', params: { value: g } };
  const seq = Number(nip.slice(15, 18));
  if (seq < 1) return { ok: false, reason: 'sequence' };

  return {
    ok: true,
    nip,
    parts: {
      birthDate: `${nip.slice(0, 4)}-${nip.slice(4, 6)}-${nip.slice(6, 8)}`,
      tmtYear: ty,
      tmtMonth,
      sex: g === '1' ? 'L' : 'P',
      sequence: seq,
    },
  };
}
