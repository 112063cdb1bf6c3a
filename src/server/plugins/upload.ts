import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import { fieldLabel, labelScopeOf } from './errors.ts';

const SIZE_LIMIT_CODES = new Set(['FST_REQ_FILE_TOO_LARGE', 'FST_FILES_LIMIT', 'FST_PARTS_LIMIT', 'FST_FIELDS_LIMIT', 'FST_ERR_CTP_BODY_TOO_LARGE']);

/** Read one multipart file (field "file") and the small text fields beside it. */
export async function readUpload(request: FastifyRequest, maxBytes: number): Promise<{ file: { data: Buffer; filename: string }; fields: Record<string, string> }> {
  if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'errors.unsupportedMediaType');
  let file: { data: Buffer; filename: string } | undefined;
  const fields: Record<string, string> = {};
  try {
    await readParts();
  } catch (err) {
    // Size limits keep their own 413; anything else the parser throws (no boundary, a truncated
    // body, a broken part header) is the client's malformed request, not a server failure.
    const code = (err as { code?: string }).code;
    if (err instanceof AppError || (code && SIZE_LIMIT_CODES.has(code))) throw err;
    throw new AppError('VALIDATION', 'errors.multipartInvalid', {}, [{ field: 'file', messageKey: 'errors.multipartInvalid' }]);
  }
  if (!file || file.data.length === 0) throw new AppError('VALIDATION', 'errors.fileMissing', {}, [{ field: 'file', messageKey: 'errors.fileMissing' }]);
  // The NUL guard of plugins/input.ts sees JSON bodies only: text fields of a multipart body are
  // refused the same way here (the file name has its NUL replaced where it is stored).
  for (const [name, value] of Object.entries(fields)) {
    if (name.includes('\u0000') || value.includes('\u0000')) {
      const field = name.replace(/\u0000/g, '');
      const label = fieldLabel(request.lang ?? 'id', field, labelScopeOf(request.routeOptions.url));
      throw new AppError('VALIDATION', 'errors.nulCharacter', { field: label }, [{ field, messageKey: 'errors.nulCharacter', params: { field: label } }]);
    }
  }
  return { file, fields };

  async function readParts() {
    for await (const part of request.parts({ limits: { fileSize: maxBytes, files: 1, fields: 10 } })) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file' || file) {
          part.file.resume();
          continue;
        }
        file = { data: await part.toBuffer(), filename: part.filename }; // throws FST_REQ_FILE_TOO_LARGE past the limit
      } else if (typeof part.value === 'string') {
        fields[part.fieldname] = part.value.slice(0, 100);
      }
    }
  }
}
