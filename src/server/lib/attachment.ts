/**
 * Download names that say what the file holds (the survey's service, the region), ASCII-safe in
 * `filename=` for every browser, with the exact UTF-8 name in `filename*=` (RFC 6266 / 8187).
 */
export function asciiSlug(text: string, max = 80): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  return slug.slice(0, max).replace(/-+$/, '') || 'berkas';
}

/** `parts` joined into one name: `fileName(['poster skm', 'Akta Kelahiran', '2026-01-01'], 'pdf')`. */
export function fileName(parts: Array<string | null | undefined>, ext: string): string {
  return `${asciiSlug(parts.filter(Boolean).join(' '), 120)}.${ext}`;
}

export function contentDisposition(type: 'inline' | 'attachment', name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
