import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync } from 'node:fs';
import { rename, writeFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';

/** Content-addressed storage: a file is stored once, by its SHA-256. */
export interface BlobStore {
  put(data: Buffer): Promise<{ sha256: string; size: number; created: boolean }>;
  open(sha256: string): Readable;
  has(sha256: string): boolean;
}

export function sha256Hex(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

export function createFsBlobStore(root: string): BlobStore {
  mkdirSync(root, { recursive: true });
  const pathOf = (sha: string) => {
    if (!/^[0-9a-f]{64}$/.test(sha)) throw new Error('invalid blob id');
    return path.join(root, sha.slice(0, 2), sha.slice(2, 4), sha);
  };
  return {
    async put(data) {
      const sha256 = sha256Hex(data);
      const target = pathOf(sha256);
      if (existsSync(target)) return { sha256, size: data.length, created: false };
      mkdirSync(path.dirname(target), { recursive: true });
      // Write to a temporary name and rename: a crash never leaves a half-written blob.
      const tmp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
      try {
        await writeFile(tmp, data, { flag: 'wx' });
        await rename(tmp, target);
      } catch (e) {
        await unlink(tmp).catch(() => {});
        throw e;
      }
      return { sha256, size: data.length, created: true };
    },
    open(sha256) {
      return createReadStream(pathOf(sha256));
    },
    has(sha256) {
      return existsSync(pathOf(sha256));
    },
  };
}
