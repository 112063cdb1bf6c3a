import type { webSakipRecapId } from './web-sakip-recap.id.ts';

/** English UI text of the SAKIP recap and LKjIP tab; same keys as the Indonesian source. */
export const webSakipRecapEn: typeof webSakipRecapId = {
  sakipRecap: {
    year: 'Year',
    quarter: 'Quarter',
    tw: 'Q{{n}}',
    excel: 'Download recap (Excel)',
    lkjipPemda: 'Pemda LKjIP',
    lkjipUnit: 'Unit LKjIP',
    docx: 'DOCX',
    pdf: 'PDF',
    notula: 'Quarter notula',
    unitPicker: 'Choose a unit',
    note: 'Capaian counts verified realisations only. Status: red < 70 %, yellow 70–90 %, green > 90 %.',
    summary: '{{withPk}} of {{units}} units have a PK ({{signed}} signed); {{reported}} of {{indicators}} indicators reported, {{verified}} verified.',
    average: 'Pemda average capaian',
    noRecapAccess: 'The pemda-wide recap is for the Tim RB, Inspektorat, leaders and admins. Download your unit’s LKjIP below.',
    empty: 'No Perjanjian Kinerja for this year yet.',
    columns: { unit: 'Unit', pk: 'PK status', indicators: 'Indicators', reported: 'Reported', verified: 'Verified', capaian: 'Average capaian', documents: 'Documents' },
    pkStatus: { none: 'No PK', draft: 'Draft', submitted: 'Submitted', agreed: 'Agreed', signed: 'Signed' },
    status: { merah: 'Red', kuning: 'Yellow', hijau: 'Green' },
    pemda: 'Regional government (head of region’s PK)',
  },
};
