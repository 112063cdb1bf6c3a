import assert from 'node:assert/strict';
import type { TestClient } from './harness.ts';

/**
 * Helpers for list endpoint tests (issue 10 item 5): read every page of a list (checking that
 * pages neither overlap nor skip), and compute the expected order independently of the server.
 */
export async function allPages(c: TestClient, url: string, pageSize: number) {
  const out: any[] = [];
  let total = -1;
  for (let page = 1; page < 200; page++) {
    const res = await c.get(`${url}${url.includes('?') ? '&' : '?'}page=${page}&pageSize=${pageSize}`);
    assert.equal(res.status, 200, res.raw);
    total = res.body.total;
    out.push(...res.body.items);
    if (res.body.items.length < pageSize) break;
  }
  assert.equal(out.length, total, `${url}: pages add up to the total`);
  assert.equal(new Set(out.map((x) => x.id)).size, out.length, `${url}: no row on two pages`);
  return out;
}

/** The expected order: NULLs last, text case-insensitively (byte-wise), then id ascending. */
export function expectOrder<T extends { id: string }>(rows: T[], key: (r: T) => string | number | null, desc: boolean): string[] {
  return [...rows]
    .sort((a, b) => {
      const x = key(a);
      const y = key(b);
      if (x === null || y === null) return x === y ? (a.id < b.id ? -1 : 1) : x === null ? 1 : -1;
      const xs = typeof x === 'string' ? x.toLowerCase() : x;
      const ys = typeof y === 'string' ? y.toLowerCase() : y;
      if (xs !== ys) return (xs < ys ? -1 : 1) * (desc ? -1 : 1);
      return a.id < b.id ? -1 : 1;
    })
    .map((r) => r.id);
}
