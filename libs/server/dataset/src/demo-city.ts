import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { EntityManager } from 'typeorm';
import type { z } from 'zod';
import {
  adminSuccessionRecordSchema,
  adminUnitRecordSchema,
  datasetEnvelopeSchema,
  plateRecordSchema,
  procedureRecordSchema,
  servicePointRecordSchema,
  streetRecordSchema,
} from '@pho-so/shared/contracts';
import { DatasetImporter, type Located } from './dataset-importer';
import { ImportRejected, type ImportSummary } from './import-summary';
import { parseJsonDocument, validateJsonRecords } from './json-records';

/** The project's own dataset files in data/, in the order their references require. */
export const DEMO_CITY_FILES = {
  adminUnits: 'admin-units.json',
  adminSuccessions: 'admin-successions.json',
  streets: 'streets.json',
  plates: 'plates.json',
  procedures: 'procedures.json',
  servicePoints: 'service-points.json',
} as const;

/** Reads one of our dataset files (`{ about, sources, records }`) and validates every record. */
export function readDatasetFile<S extends z.ZodTypeAny>(path: string, schema: S, displayRoot = process.cwd()): Located<z.output<S>>[] {
  const file = relative(displayRoot, path) || path;
  const text = readFileSync(path, 'utf8');
  const { root, value } = parseJsonDocument(file, text);
  const envelope = datasetEnvelopeSchema.safeParse(value);
  if (!envelope.success) {
    const issue = envelope.error.issues[0];
    throw new ImportRejected(file, 1, issue?.path.join('.') || '(file)', issue?.message ?? 'not a dataset file');
  }
  const records = envelope.data.records;
  return validateJsonRecords(file, text, root, ['records'], records, schema);
}

/**
 * Loads the demo city from `dataDir` inside the caller's transaction. Idempotent: a second load
 * reports everything unchanged.
 */
export async function loadDemoCity(manager: EntityManager, dataDir: string): Promise<ImportSummary[]> {
  const path = (name: string) => join(dataDir, name);
  const importer = new DatasetImporter(manager);
  return [
    await importer.adminUnits(readDatasetFile(path(DEMO_CITY_FILES.adminUnits), adminUnitRecordSchema)),
    await importer.adminSuccessions(readDatasetFile(path(DEMO_CITY_FILES.adminSuccessions), adminSuccessionRecordSchema)),
    await importer.streets(readDatasetFile(path(DEMO_CITY_FILES.streets), streetRecordSchema)),
    await importer.plates(readDatasetFile(path(DEMO_CITY_FILES.plates), plateRecordSchema)),
    await importer.procedures(readDatasetFile(path(DEMO_CITY_FILES.procedures), procedureRecordSchema)),
    await importer.servicePoints(readDatasetFile(path(DEMO_CITY_FILES.servicePoints), servicePointRecordSchema)),
  ];
}
