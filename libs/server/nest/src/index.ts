export * from './config.module';
export * from './database.module';
export * from './pino-nest-logger';
export * from './readiness.service';
export * from './redis.module';
