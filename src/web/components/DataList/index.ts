export { DataList, type Column, type DataListProps, type FilterDef, type ListResult } from './DataList.tsx';
export { useListState, type ListState } from './useListState.ts';
