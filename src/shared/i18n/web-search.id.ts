/** UI texts of search suggestions and the similar-innovations reasons (Bahasa Indonesia). */
export const webSearchId = {
  search: {
    didYouMean: 'Mungkin maksud Anda:',
    likelyDuplicate: 'Kemungkinan duplikat',
    sharedWords: 'kata yang sama: {{words}}',
  },
};
