import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lockPgliteFolder, PgliteFolderInUse } from './pglite-lock';

describe('lockPgliteFolder', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'pho-so-lock-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a folder another live process holds, naming it', async () => {
    // A real second process takes the lock and stays alive until we end it.
    const other = spawn(process.execPath, ['-e', `require('fs').writeFileSync(${JSON.stringify(join(dir, 'pho-so.lock'))}, String(process.pid)); setInterval(() => {}, 1000)`]);
    // Wait until it holds the lock (a fixed sleep raced Node's start-up on a loaded machine).
    const lockFile = join(dir, 'pho-so.lock');
    for (let i = 0; i < 300 && !(existsSync(lockFile) && readFileSync(lockFile, 'utf8') === String(other.pid)); i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    try {
      expect(() => lockPgliteFolder(dir)).toThrow(PgliteFolderInUse);
      expect(() => lockPgliteFolder(dir)).toThrow(new RegExp(`pid ${other.pid}`));
    } finally {
      other.kill();
    }
  });

  it('takes over a lock left by a process that is gone, and lets its own process in again', () => {
    writeFileSync(join(dir, 'pho-so.lock'), '999999999');
    lockPgliteFolder(dir);
    expect(readFileSync(join(dir, 'pho-so.lock'), 'utf8')).toBe(String(process.pid));
    expect(() => lockPgliteFolder(dir)).not.toThrow();
  });
});
