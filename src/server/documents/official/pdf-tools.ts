import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Test helpers over poppler-utils and zbar-tools (installed in CI). */
export function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'serasan-pdf-'));
  try {
    const f = path.join(dir, 'doc.pdf');
    writeFileSync(f, pdf);
    return execFileSync('pdftotext', ['-layout', f, '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const hasZbar = () => spawnSync('zbarimg', ['--version']).status === 0;

/** Render every page at 150 dpi and decode the QR codes found (zbarimg). */
export function decodeQrCodes(pdf: Buffer): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'serasan-qr-'));
  try {
    const f = path.join(dir, 'doc.pdf');
    writeFileSync(f, pdf);
    execFileSync('pdftoppm', ['-png', '-r', '150', f, path.join(dir, 'page')]);
    const out: string[] = [];
    for (const png of readdirSync(dir).filter((x) => x.endsWith('.png')).sort()) {
      const r = spawnSync('zbarimg', ['--quiet', '--raw', '-Sdisable', '-Sqrcode.enable', path.join(dir, png)], { encoding: 'utf8' });
      if (r.status === 0) out.push(...r.stdout.split('\n').filter(Boolean));
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
