import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
// pdfmake 0.3 is CommonJS; its Roboto TTFs (full Latin) ship inside the package: no downloads,
// no system fonts, and Indonesian text renders correctly (standard-14 fonts are WinAnsi only).
const pdfmake = require('pdfmake') as {
  setFonts(f: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(cb: (url: string) => boolean): void;
  setLocalAccessPolicy(cb: (p: string) => boolean): void;
  createPdf(doc: unknown): { getBuffer(): Promise<Buffer> };
};
const fontDir = path.join(path.dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
pdfmake.setFonts({
  Roboto: {
    normal: path.join(fontDir, 'Roboto-Regular.ttf'),
    bold: path.join(fontDir, 'Roboto-Medium.ttf'),
    italics: path.join(fontDir, 'Roboto-Italic.ttf'),
    bolditalics: path.join(fontDir, 'Roboto-MediumItalic.ttf'),
  },
});
// Documents never fetch anything: no URLs, and local files only from the font directory.
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((p) => path.resolve(p).startsWith(fontDir));

export type PdfContent = Record<string, unknown> | string | Array<unknown>;

export async function renderPdf(doc: Record<string, unknown>): Promise<Buffer> {
  const buffer = await pdfmake.createPdf({ pageSize: 'A4', defaultStyle: { font: 'Roboto', fontSize: 10 }, ...doc }).getBuffer();
  return Buffer.from(buffer);
}
