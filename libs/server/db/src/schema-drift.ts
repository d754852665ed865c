import type { DataSource } from 'typeorm';

/**
 * The SQL TypeORM would run to make the database match the entities: what `migration:generate`
 * would write. Empty on a freshly migrated database means migrations and entities agree.
 */
export async function pendingSchemaChanges(dataSource: DataSource): Promise<string[]> {
  const sqlInMemory = await dataSource.driver.createSchemaBuilder().log();
  return sqlInMemory.upQueries.map((q) => q.query);
}
