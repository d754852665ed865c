import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '@pho-so/server/config';
import { DataSource } from 'typeorm';
import { databaseSettingsFromConfig, dataSourceOptions } from '@pho-so/server/db';
import { APP_CONFIG } from './config.module';

/**
 * The one DataSource of the process, built by the same factory the CLI tools use. Migrations are not
 * run here: `npm run migrate` (or the compose `migrate` service) owns them.
 */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => dataSourceOptions(databaseSettingsFromConfig(config)),
      dataSourceFactory: async (options) => {
        if (!options) throw new Error('database options missing');
        return new DataSource(options).initialize();
      },
    }),
  ],
  exports: [TypeOrmModule],
})
export class DatabaseModule {}
