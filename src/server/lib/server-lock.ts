import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The running server leaves its process id in the data directory, so commands that must not run
 * under a live server (restore: the server would keep the old database open and overwrite the
 * restored file) can refuse. A lock left by a killed server names a dead process and is ignored.
 */
export const SERVER_LOCK_FILE = 'serasan.pid';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Writes the lock; the returned function removes it (only while it is still this process's). */
export function acquireServerLock(dataDir: string): () => void {
  const file = path.join(dataDir, SERVER_LOCK_FILE);
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, String(process.pid));
  return () => {
    if (runningServerPid(dataDir) === process.pid) rmSync(file, { force: true });
  };
}

/** The process id of a live server on this data directory, or null. */
export function runningServerPid(dataDir: string): number | null {
  let text: string;
  try {
    text = readFileSync(path.join(dataDir, SERVER_LOCK_FILE), 'utf8');
  } catch {
    return null;
  }
  const pid = Number.parseInt(text.trim(), 10);
  return Number.isInteger(pid) && pid > 0 && isAlive(pid) ? pid : null;
}
