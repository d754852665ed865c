import { resolve } from 'node:path';
import type { DatabaseSeed } from '@pho-so/server/db/testing';
import { loadDemoCity } from '../demo-city';

/** The library's own code: the loader and its parsers shape the rows as much as the data files do. */
const DATASET_LIBRARY_DIR = resolve(__dirname, '..');

/**
 * The demo city (`dataDir`, the repository's `data/` folder) as a database seed, so tests get a copy
 * of a database that has it instead of loading it again each time (see database-templates.ts).
 */
export function demoCitySeed(dataDir: string): DatabaseSeed {
  return {
    name: 'democity',
    inputs: [dataDir, DATASET_LIBRARY_DIR],
    load: (dataSource) => dataSource.transaction((manager) => loadDemoCity(manager, dataDir)).then(() => undefined),
  };
}
