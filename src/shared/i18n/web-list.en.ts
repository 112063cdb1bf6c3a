import type { webListId } from './web-list.id.ts';

/** UI texts of the one list component (English). */
export const webListEn: typeof webListId = {
  list: {
    updated: 'Updated',
    sortBy: 'Sort by',
    sortAsc: '{{label}} (ascending)',
    sortDesc: '{{label}} (descending)',
    sortHint: 'Click to sort by {{label}}',
    relevance: 'Most relevant',
    pageOf: 'Page {{page}} of {{pages}}',
    export: 'Export CSV',
    exportHint: 'Download every row matching the filters (not only this page)',
    filters: 'Filters',
    filtersActive: 'Filters ({{count}})',
    loadError: 'The list could not be loaded.',
    retry: 'Try again',
    empty: 'No data yet.',
    downloads: {
      innovationExcelHint: 'The full Excel sheet with the "ID Serasan" column: edit it in Excel and import it back to update the same innovations. Holds the rows matching the filter.',
      innovationCsvHint: 'The rows matching the filter, in the current order, as CSV for other tools (not for re-import).',
      openDataCsv: 'All data (CSV)',
      openDataJson: 'All data (JSON)',
      openDataHint: 'Every innovation this region has published, regardless of the search or filters.',
      filteredCsv: 'Search results (CSV)',
      filteredCsvHint: 'Only the innovations matching the search and filters below, in the order shown.',
    },
    loading: 'Loading the list…',
  },
  adminLists: {
    createdAt: 'Created',
    users: {
      empty: 'No users yet.',
    },
    positions: {
      count_one: '{{formatted}} position',
      count_other: '{{formatted}} positions',
      holder: 'Holder',
      allUnits: 'All units',
    },
    competitions: {
      searchPlaceholder: 'Competition name',
      count_one: '{{formatted}} competition',
      count_other: '{{formatted}} competitions',
      allYears: 'All years',
    },
    proposalStatus: {
      draft: 'Draft',
      entered: 'In a competition',
      decided: 'Competition decided',
    },
  },
};
