import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * PGlite keeps its database in a folder that only one process may open; a second process (an import
 * while `npm start` runs, say) would corrupt it. A lock file holding the owner's pid turns that into a
 * clear refusal. The lock is released when the owning process exits; a lock left by a dead process is
 * taken over. The same process may open the folder again (tests, the API after migrating in-process).
 */
export class PgliteFolderInUse extends Error {
  constructor(readonly dataDir: string, readonly pid: number) {
    super(
      `The embedded database in ${dataDir} is open in another process (pid ${pid}), probably \`npm start\`. ` +
        'Stop that process first, or use a Postgres server (DATABASE_URL), which many processes can share.',
    );
    this.name = 'PgliteFolderInUse';
  }
}

const held = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function lockPgliteFolder(dataDir: string): void {
  const lockFile = join(dataDir, 'pho-so.lock');
  if (held.has(lockFile)) return;
  try {
    writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const owner = Number.parseInt(readFileSync(lockFile, 'utf8'), 10);
    if (Number.isInteger(owner) && owner !== process.pid && isAlive(owner)) throw new PgliteFolderInUse(dataDir, owner);
    writeFileSync(lockFile, String(process.pid));
  }
  held.add(lockFile);
  process.once('exit', () => {
    try {
      if (readFileSync(lockFile, 'utf8') === String(process.pid)) unlinkSync(lockFile);
    } catch {
      // already gone
    }
  });
}
