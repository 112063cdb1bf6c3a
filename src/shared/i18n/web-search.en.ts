/** UI texts of search suggestions and the similar-innovations reasons (English). */
export const webSearchEn: typeof import('./web-search.id.ts').webSearchId = {
  search: {
    didYouMean: 'Did you mean:',
    likelyDuplicate: 'Likely duplicate',
    sharedWords: 'shared words: {{words}}',
  },
};
