import type { webSakipId } from './web-sakip.id.ts';

/** English UI text of the SAKIP module's shell; same keys as the Indonesian source. */
export const webSakipEn: typeof webSakipId = {
  sakip: {
    nav: 'SAKIP',
    title: 'SAKIP',
    description: 'Performance agreements (Perjanjian Kinerja), plan and pohon kinerja, quarterly realisation, capaian, LKjIP and the internal evaluation.',
    tabs: { pk: 'Perjanjian Kinerja', plan: 'Plan & pohon kinerja', recap: 'Recap & LKjIP', evaluation: 'SAKIP evaluation' },
  },
};
