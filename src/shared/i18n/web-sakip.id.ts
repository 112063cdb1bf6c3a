/** UI text of the SAKIP module's shell (issue 11). Each part of the module keeps its own catalog. Indonesian is the source. */
export const webSakipId = {
  sakip: {
    nav: 'SAKIP',
    title: 'SAKIP',
    description: 'Perjanjian Kinerja, rencana dan pohon kinerja, realisasi triwulanan, capaian, LKjIP, dan evaluasi internal.',
    tabs: { pk: 'Perjanjian Kinerja', plan: 'Rencana & pohon kinerja', recap: 'Rekap & LKjIP', evaluation: 'Evaluasi SAKIP' },
  },
};
