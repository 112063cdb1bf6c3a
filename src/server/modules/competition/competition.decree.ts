import type { Deps } from '../../deps.ts';
import type { Executor, Tx } from '../../db/db.ts';
import type { CompetitionTable } from '../../db/schema.ts';
import type { AuditRecorder } from '../audit/audit.writer.ts';
import { validation } from '../../errors.ts';
import { renderPdf } from '../../documents/pdf/pdfmake.ts';
import { issueOfficialDocument, type IssuedDocument } from '../../documents/official/issue.ts';
import { keputusanDocx } from '../../documents/official/docx.ts';
import { keputusanLayout, type KeputusanInput } from '../../documents/official/layouts.ts';
import { loadLetterhead, tenantDocSettings, type KopSpec } from '../../documents/official/letterhead.ts';
import { resolveSigner, type SignatureBlock, type SignerSpec } from '../../documents/official/signer.ts';
import { regionToday } from '../tenants/tenants.region.ts';

/** What the Tim Inovasi chooses at decision time (all optional: sensible defaults). */
export interface DecreeOptions {
  signerPositionId?: string;
  onBehalfOf?: string | null;
  menimbang?: string[];
  mengingat?: string[];
  date?: string;
}

export interface RankedEntry {
  rank: number | null;
  title: string;
  unitName: string;
  mean: number;
  spread: number;
  flagged: boolean;
  nominated: boolean;
  /** The proposal version the judges scored (kept at entry; the decree lists exactly that). */
  proposalVersion?: number | null;
}

/** "BUPATI MUARA ENIM" → "Bupati Muara Enim" for use inside a sentence. */
const titleCase = (s: string) => (s === s.toUpperCase() ? s.toLowerCase().replace(/(^|\s)(\p{L})/gu, (m, sp: string, c: string) => sp + c.toUpperCase()).replace(/ Dan /g, ' dan ') : s);

/** Default considerations (editable at decision time). */
export function defaultMenimbang(c: Pick<CompetitionTable, 'name' | 'year'>, maker: string): string[] {
  return [
    `bahwa dalam rangka mendorong inovasi pelayanan publik di lingkungan pemerintah daerah telah dilaksanakan ${c.name} Tahun ${c.year};`,
    `bahwa berdasarkan hasil penilaian tim juri perlu menetapkan hasil ${c.name} Tahun ${c.year};`,
    `bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a dan huruf b, perlu menetapkan Keputusan ${titleCase(maker)} tentang Penetapan Hasil ${c.name} Tahun ${c.year};`,
  ];
}

/** Default legal basis: statutes whose text RULES.md §5.1/§6.1 cite (numbering checked there). */
export const DEFAULT_MENGINGAT = [
  'Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik;',
  'Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah sebagaimana telah beberapa kali diubah terakhir dengan Undang-Undang Nomor 6 Tahun 2023;',
  'Peraturan Pemerintah Nomor 38 Tahun 2017 tentang Inovasi Daerah;',
];

const id2 = (x: number) => x.toLocaleString('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/**
 * The signer of the decree: the chosen position (holderOf at the decree's date), else the head of
 * region from the tenant's letterhead settings; neither → a clear 400 asking for a position.
 */
export async function decreeSigner(db: Executor, tenantId: string, opts: DecreeOptions, date: string): Promise<{ spec: SignerSpec; kop: KopSpec; signer: SignatureBlock }> {
  let spec: SignerSpec;
  if (opts.signerPositionId) spec = { positionId: opts.signerPositionId, onBehalfOf: opts.onBehalfOf ?? null };
  else {
    const t = await tenantDocSettings(db, tenantId);
    if (!t.headTitle || !t.headName) throw validation('signerPositionId', 'errors.docSignerRequired');
    spec = { headOfRegion: true };
  }
  const signer = await resolveSigner(db, tenantId, spec, date);
  const kop: KopSpec = signer.kind === 'kepala_daerah' ? { kind: 'head' } : { kind: 'unit', unitId: signer.unitId! };
  return { spec, kop, signer };
}

export function decreeLayoutInput(c: CompetitionTable, ranking: RankedEntry[], judges: string[], base: Omit<KeputusanInput, 'about' | 'menimbang' | 'mengingat' | 'menetapkan' | 'diktum' | 'lampiran'>, opts: DecreeOptions): KeputusanInput {
  const maker = base.signer.onBehalfOf ?? base.signer.jabatan;
  const nominated = ranking.filter((x) => x.nominated);
  const about = `Penetapan Hasil ${c.name} Tahun ${c.year}`;
  return {
    ...base,
    about,
    menimbang: opts.menimbang?.length ? opts.menimbang : defaultMenimbang(c, maker),
    mengingat: opts.mengingat?.length ? opts.mengingat : DEFAULT_MENGINGAT,
    menetapkan: about,
    diktum: [
      `Menetapkan peringkat proposal ${c.name} Tahun ${c.year} berdasarkan rata-rata nilai tertimbang para juri (${judges.join(', ') || '—'}) sebagaimana tercantum dalam Lampiran Keputusan ini.`,
      nominated.length
        ? `Proposal berikut diusulkan sebagai peserta Kompetisi Inovasi Pelayanan Publik melalui SINOVIK: ${nominated.map((x) => `${x.rank}. ${x.title}${x.unitName ? ` (${x.unitName})` : ''}`).join('; ')}.`
        : `Tidak ada proposal yang diusulkan sebagai peserta Kompetisi Inovasi Pelayanan Publik melalui SINOVIK.`,
      'Keputusan ini mulai berlaku pada tanggal ditetapkan.',
    ],
    lampiran: {
      title: `Peringkat proposal ${c.name} Tahun ${c.year}`,
      table: {
        headers: ['No', 'Judul proposal', 'Unit', 'Rerata', 'Selisih', 'Keterangan'],
        widths: [24, '*', 110, 40, 40, 56],
        rows: ranking.map((x) => [x.rank === null ? '—' : String(x.rank), x.proposalVersion ? `${x.title} (versi ${x.proposalVersion})` : x.title, x.unitName, id2(x.mean), id2(x.spread), x.nominated ? 'Diusulkan' : x.flagged ? 'Kalibrasi' : '']),
      },
    },
  };
}

/** Issue the decree inside the decision's transaction: number, kop, signer, QR, frozen PDF. */
export async function issueCompetitionDecree(
  deps: Deps,
  tx: Tx,
  audit: AuditRecorder,
  p: { c: CompetitionTable; ranking: RankedEntry[]; judges: string[]; opts: DecreeOptions; actorId: string; publicBase: string },
): Promise<IssuedDocument & { signer: SignatureBlock }> {
  const now = deps.clock.now().toISOString();
  const date = p.opts.date ?? (await regionToday(deps, p.c.tenantId, tx));
  const { kop: kopSpec, signer } = await decreeSigner(tx, p.c.tenantId, p.opts, date);
  const kop = await loadLetterhead(tx, deps.blobs, p.c.tenantId, kopSpec);
  const issued = await issueOfficialDocument(tx, deps.blobs, audit, {
    tenantId: p.c.tenantId,
    actorId: p.actorId,
    docType: 'keputusan',
    title: `Penetapan Hasil ${p.c.name} Tahun ${p.c.year}`,
    unitId: signer.unitId,
    unitCode: kop.unitCode,
    issuer: kop.kind === 'head' ? kop.title! : kop.unitName ?? kop.governmentLine,
    signer,
    date,
    now,
    publicBase: p.publicBase,
    entity: { type: 'competition', id: p.c.id },
    build: (number) => keputusanLayout(decreeLayoutInput(p.c, p.ranking, p.judges, { kop, number, date, signer }, p.opts)),
  });
  return { ...issued, signer };
}

/** The input of the draft (RANCANGAN) before the decision: same layout, no number, no QR. */
async function draftDecreeInput(deps: Deps, c: CompetitionTable, ranking: RankedEntry[], judges: string[]): Promise<KeputusanInput> {
  const date = await regionToday(deps, c.tenantId);
  let signer: SignatureBlock;
  let kopSpec: KopSpec = { kind: 'tenant' };
  try {
    const r = await decreeSigner(deps.db, c.tenantId, {}, date);
    signer = r.signer;
    kopSpec = r.kop;
  } catch {
    signer = { onBehalfOf: null, prefix: null, jabatan: '……', name: '……', rank: null, nip: null, kind: 'definitif', positionId: null, personId: null, unitId: null, unitName: null };
  }
  const kop = await loadLetterhead(deps.db, deps.blobs, c.tenantId, kopSpec);
  return decreeLayoutInput(c, ranking, judges, { kop, number: null, date, signer }, {});
}

export async function draftDecreePdf(deps: Deps, c: CompetitionTable, ranking: RankedEntry[], judges: string[]): Promise<Buffer> {
  const layout = keputusanLayout(await draftDecreeInput(deps, c, ranking, judges));
  return renderPdf({ info: { ...layout.info, title: `RANCANGAN — ${layout.info.title}`, creator: 'Serasan' }, pageMargins: layout.pageMargins, watermark: { text: 'RANCANGAN', opacity: 0.12 }, content: layout.content });
}

/** The same draft as an editable DOCX, for the Tim Inovasi to edit before signing ("RANCANGAN" header). */
export async function draftDecreeDocx(deps: Deps, c: CompetitionTable, ranking: RankedEntry[], judges: string[]): Promise<Buffer> {
  return keputusanDocx(await draftDecreeInput(deps, c, ranking, judges), { draft: true });
}
