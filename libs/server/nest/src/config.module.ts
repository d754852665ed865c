import { DynamicModule, Global, Inject, Module } from '@nestjs/common';
import type { AppConfig } from '@pho-so/server/config';

export const APP_CONFIG = Symbol('APP_CONFIG');
/** Injects the typed configuration validated once at start-up. */
export const InjectConfig = () => Inject(APP_CONFIG);

@Global()
@Module({})
export class AppConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: AppConfigModule, providers: [{ provide: APP_CONFIG, useValue: config }], exports: [APP_CONFIG] };
  }
}
