import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Readable } from 'node:stream';

/**
 * Where rendered files live. Processors only see this interface; the driver is chosen from the
 * configuration (`createAssetStorage`), so an S3-compatible driver is one more class here and one
 * more case there, with no change to the processors.
 *
 * Keys are content addresses (`<sha256>.<ext>`) or other flat names (`bundle-<id>.zip`): no folders.
 */
export interface AssetStorage {
  /** Stores the bytes under the key, atomically: a reader sees the whole file or none. */
  put(key: string, bytes: Uint8Array): Promise<void>;
  get(key: string): Promise<Buffer>;
  stream(key: string): Promise<Readable>;
  exists(key: string): Promise<boolean>;
  /** Drivers whose writes can leave temporary files behind remove the stale ones here. */
  sweepTemporary?(olderThanMs?: number): Promise<number>;
}

const KEY = /^[a-z0-9][a-z0-9._-]{0,127}$/;

export function assertKey(key: string): void {
  if (!KEY.test(key) || key.includes('..')) throw new RangeError(`invalid storage key "${key}"`);
}

/** The content-addressed key of a file: `<sha256>.<ext>`. */
export const contentKey = (sha256: string, ext: string): string => `${sha256}.${ext}`;

/** Files in one local folder (a Docker volume in production). */
export class LocalFolderStorage implements AssetStorage {
  readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    assertKey(key);
    await mkdir(this.root, { recursive: true });
    const target = join(this.root, key);
    // Same folder, so rename(2) is atomic: a crash leaves a stray temp file, never a partial target.
    const temp = join(this.root, `.tmp-${key}-${process.pid}-${randomBytes(4).toString('hex')}`);
    try {
      await writeFile(temp, bytes, { flag: 'wx' });
      await rename(temp, target);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<Buffer> {
    assertKey(key);
    return readFile(join(this.root, key));
  }

  async stream(key: string): Promise<Readable> {
    assertKey(key);
    const path = join(this.root, key);
    await stat(path); // fail here (ENOENT) rather than on the first read
    return createReadStream(path);
  }

  async exists(key: string): Promise<boolean> {
    assertKey(key);
    return stat(join(this.root, key)).then(
      (s) => s.isFile(),
      () => false,
    );
  }

  /**
   * Removes temporary files older than `olderThanMs` (left by a process killed mid-write; a live
   * write takes milliseconds). The worker calls it at start. Returns how many it removed.
   */
  async sweepTemporary(olderThanMs = 10 * 60_000): Promise<number> {
    const names = await readdir(this.root).catch(() => [] as string[]);
    let removed = 0;
    for (const name of names.filter((n) => n.startsWith('.tmp-'))) {
      const path = join(this.root, name);
      const info = await stat(path).catch(() => null);
      if (info && Date.now() - info.mtimeMs >= olderThanMs) {
        await rm(path, { force: true });
        removed++;
      }
    }
    return removed;
  }
}

export interface AssetStorageSettings {
  ASSET_DIR: string;
}

/** The configured driver. Only the local folder exists today. */
export function createAssetStorage(config: AssetStorageSettings): AssetStorage {
  return new LocalFolderStorage(config.ASSET_DIR);
}
