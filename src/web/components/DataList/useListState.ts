import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

/**
 * The state of a list lives in the URL query string (issue 10 item 5): filters, `sort` and
 * `page`. Back/forward and reload keep it, and a shared link opens the same view. Changing a
 * filter or the sort goes back to page 1.
 */
export interface ListState<F extends string = string> {
  /** Filter values by URL parameter (null when not set). */
  filters: Record<F, string | null>;
  /** The sort in effect for the headers: the URL's, else the list's default. */
  sort: string;
  /** The sort the URL asks for (undefined: let the server pick, e.g. relevance when searching). */
  sortParam: string | undefined;
  page: number;
  pageSize: number;
  activeFilters: number;
  set(patch: Partial<Record<F | 'sort' | 'page', string | null>>): void;
  reset(): void;
  /** Query for the list endpoint: filters, sort (if chosen), page and pageSize. */
  query: Record<string, string | number | undefined>;
  /** The same without paging: for the export of the filtered rows. */
  exportQuery: Record<string, string | undefined>;
}

export function useListState<F extends string>(opts: { filters: readonly F[]; defaultSort: string; pageSize?: number; keep?: readonly string[] }): ListState<F> {
  const [params, setParams] = useSearchParams();
  const pageSize = opts.pageSize ?? 25;
  const key = params.toString();
  const filterKeys = opts.filters;

  const set = useCallback(
    (patch: Partial<Record<string, string | null>>) =>
      setParams(
        () => {
          // From the address bar, not the render's copy: two quick changes (a filter, then a
          // sort) before React re-renders must both stay.
          const p = new URLSearchParams(window.location.search);
          for (const [k, v] of Object.entries(patch)) {
            if (v) p.set(k, v);
            else p.delete(k);
          }
          if (!('page' in patch) || patch.page === '1') p.delete('page');
          return p;
        },
        // Filters and sorting replace the entry (typing does not flood history); paging pushes one.
        { replace: !('page' in patch) },
      ),
    [setParams],
  );

  return useMemo(() => {
    const filters = Object.fromEntries(filterKeys.map((k) => [k, params.get(k) || null])) as Record<F, string | null>;
    const sortParam = params.get('sort') || undefined;
    const page = Math.max(1, Number(params.get('page') ?? 1) || 1);
    const exportQuery: Record<string, string | undefined> = Object.fromEntries(filterKeys.map((k) => [k, filters[k] ?? undefined]));
    if (sortParam) exportQuery.sort = sortParam;
    return {
      filters,
      sort: sortParam ?? opts.defaultSort,
      sortParam,
      page,
      pageSize,
      activeFilters: filterKeys.filter((k) => filters[k]).length,
      set,
      reset: () =>
        setParams(
          (p) => {
            const next = new URLSearchParams();
            for (const k of opts.keep ?? []) if (p.get(k)) next.set(k, p.get(k)!);
            return next;
          },
          { replace: true },
        ),
      query: { ...exportQuery, page, pageSize },
      exportQuery,
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, opts.defaultSort, pageSize, set]);
}
