export * from './data-source';
export * from './entities';
export * from './schema-drift';
export * from './pglite-lock';
export * from './queries/nearest-service-points';
