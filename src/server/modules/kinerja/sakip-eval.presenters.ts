import type { SakipLheItemTable } from '../../db/schema.ts';

/** Decimals in documents and CSV use the Indonesian comma, two places (RULES §2.2 "2 decimals"). */
export const idNum = (x: number) => x.toLocaleString('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

type Item = SakipLheItemTable & { evidence?: Array<{ id: string; originalName: string; mime: string; size: number }> };

/** One LHE finding/recommendation with its follow-up, as the API shows it. */
export function presentLheItem(i: Item) {
  return {
    id: i.id,
    unitId: i.unitId,
    year: i.year,
    seq: i.seq,
    subComponent: i.subComponent,
    finding: i.finding,
    recommendation: i.recommendation,
    status: i.status,
    followUp: i.followUp,
    followUpAt: i.followUpAt,
    reviewNote: i.reviewNote,
    acceptedAt: i.acceptedAt,
    isDemo: i.isDemo === 1,
    evidence: i.evidence ?? [],
  };
}

/** The issued LHE of an evaluation (number, date, verification code), as the API shows it. */
export function presentLheIssued(i: { documentId: string; number: string; documentDate: string; issuedAt: string; verificationCode: string; documentStatus?: string; verificationUrl?: string; sha256: string }) {
  return {
    documentId: i.documentId,
    number: i.number,
    documentDate: i.documentDate,
    issuedAt: i.issuedAt,
    verificationCode: i.verificationCode,
    ...(i.verificationUrl ? { verificationUrl: i.verificationUrl } : {}),
    sha256: i.sha256,
    status: (i.documentStatus ?? 'issued') as 'issued' | 'withdrawn',
  };
}

/** The CSV of the table of all units (year on year), sub-units after their parent with its name. */
export function tableCsvRows(t: { years: number[]; pemda: { years: Row[] } | null; items: Array<{ name: string; parentName: string | null; years: Row[]; followUps: Record<string, number> }> }) {
  const cells = (ys: Row[]) => ys.flatMap((y) => [y.score ? idNum(y.score.total) : '', y.score?.predikat ?? '']);
  const header = ['Perangkat daerah', 'Unit induk', ...t.years.flatMap((y) => [`Nilai ${y}`, `Predikat ${y}`]), 'Rekomendasi terbuka', 'Ditanggapi', 'Diterima'];
  const rows = [
    ...(t.pemda ? [['Pemerintah Daerah (evaluasi mandiri)', '', ...cells(t.pemda.years), '', '', '']] : []),
    ...t.items.map((u) => [u.name, u.parentName ?? '', ...cells(u.years), u.followUps.open, u.followUps.answered, u.followUps.accepted]),
  ];
  return { header, rows };
}
type Row = { year: number; score: { total: number; predikat: string | null } | null };
