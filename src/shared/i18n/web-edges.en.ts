import type { webEdgesId } from './web-edges.id.ts';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** UI texts of the public navigation, charts, date inputs and poster warnings (English). */
export const webEdgesEn: Widen<typeof webEdgesId> = {
  publicNav: {
    label: 'Public pages of the region',
    catalogue: 'Innovation catalogue',
    skm: 'SKM results',
    allRegions: 'All regions',
    unknownRegion: {
      title: 'Unknown region code',
      body: 'No region with region code "{{code}}" is on Serasan. Check the address, or pick a region from the catalogue.',
      toCatalogue: 'Open the catalogue of all regions',
    },
  },
  a11y: {
    previousPage: 'Previous page',
    nextPage: 'Next page',
  },
  charts: {
    count: 'Count',
    ikm: 'IKM',
    trendLabel: 'IKM trend per period',
  },
  dates: {
    placeholder: 'DD/MM/YYYY',
  },
  poster: {
    localhostTitle: 'The public address is still localhost',
    localhostBody: 'The QR code on the poster will point to {{url}}, which citizens cannot open from their phones. Ask the admin to set SERASAN_PUBLIC_URL to Serasan\'s public address before printing the poster.',
    printAnyway: 'Download the poster anyway',
  },
};
