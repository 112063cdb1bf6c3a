import { inflateRawSync } from 'node:zlib';
import { AppError } from '../../errors.ts';

/**
 * Limits an uploaded .xlsx must keep BEFORE it is handed to ExcelJS, which holds the whole
 * workbook in memory (a 1.3 MB upload can unpack to ~250 MB of XML). The zip's central
 * directory is read directly and every entry is inflated with a hard cap on its real output
 * (declared sizes can lie), so a bomb costs at most `maxUnpackedBytes` of work; worksheet XML
 * is counted for rows and cells on the way.
 */
export interface XlsxLimits {
  maxUnpackedBytes: number;
  maxRowsPerSheet: number;
  maxCellsPerSheet: number;
}

const EOCD = 0x06054b50;
const CEN = 0x02014b50;
const LOC = 0x04034b50;
const unreadable = () => new AppError('VALIDATION', 'errors.importFile', {}, [{ field: 'file', messageKey: 'errors.importFile' }]);
const mb = (n: number) => `${Math.round(n / (1024 * 1024))} MB`;

function tooLarge(limits: XlsxLimits) {
  const params = { max: mb(limits.maxUnpackedBytes) };
  return new AppError('PAYLOAD_TOO_LARGE', 'errors.importTooLarge', params, [{ field: 'file', messageKey: 'errors.importTooLarge', params }]);
}

function tooManyRows(max: number) {
  return new AppError('VALIDATION', 'errors.importTooManyRows', { max }, [{ field: 'file', messageKey: 'errors.importTooManyRows', params: { max } }]);
}

function count(xml: string, re: RegExp): number {
  let n = 0;
  re.lastIndex = 0;
  while (re.exec(xml)) n++;
  return n;
}

export function checkXlsxLimits(data: Buffer, limits: XlsxLimits): void {
  // End of central directory: the last 22 bytes plus a comment of up to 65535 bytes.
  let eocd = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 65535); i--) {
    if (data.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw unreadable();
  const entries = data.readUInt16LE(eocd + 10);
  let p = data.readUInt32LE(eocd + 16);
  let unpacked = 0;
  for (let n = 0; n < entries; n++) {
    if (p + 46 > data.length || data.readUInt32LE(p) !== CEN) throw unreadable();
    const method = data.readUInt16LE(p + 10);
    const compressedSize = data.readUInt32LE(p + 20);
    const declaredSize = data.readUInt32LE(p + 24);
    const nameLength = data.readUInt16LE(p + 28);
    const extraLength = data.readUInt16LE(p + 30);
    const commentLength = data.readUInt16LE(p + 32);
    const localOffset = data.readUInt32LE(p + 42);
    const name = data.toString('utf8', p + 46, p + 46 + nameLength);
    p += 46 + nameLength + extraLength + commentLength;

    // ZIP64 markers (0xFFFFFFFF) only appear past 4 GB: never a legitimate import.
    if (declaredSize > limits.maxUnpackedBytes - unpacked) throw tooLarge(limits);
    if (localOffset + 30 > data.length || data.readUInt32LE(localOffset) !== LOC) throw unreadable();
    const start = localOffset + 30 + data.readUInt16LE(localOffset + 26) + data.readUInt16LE(localOffset + 28);
    if (start + compressedSize > data.length) throw unreadable();
    const raw = data.subarray(start, start + compressedSize);
    let content: Buffer;
    if (method === 0) content = raw;
    else if (method === 8) {
      try {
        content = inflateRawSync(raw, { maxOutputLength: Math.max(1, limits.maxUnpackedBytes - unpacked) });
      } catch (err) {
        if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) throw tooLarge(limits);
        throw unreadable();
      }
    } else throw unreadable();
    unpacked += content.length;
    if (unpacked > limits.maxUnpackedBytes) throw tooLarge(limits);

    if (/^xl\/worksheets\/[^/]+\.xml$/.test(name)) {
      const xml = content.toString('latin1');
      if (count(xml, /<(?:\w+:)?row[\s>/]/g) > limits.maxRowsPerSheet) throw tooManyRows(limits.maxRowsPerSheet);
      if (count(xml, /<(?:\w+:)?c[\s>/]/g) > limits.maxCellsPerSheet) throw tooLarge(limits);
    }
  }
}
