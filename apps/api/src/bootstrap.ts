import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { AppConfig } from '@pho-so/server/config';
import { createLogger, type Logger } from '@pho-so/server/logging';
import { AppModule } from './app.module';
import { ProblemDetailsFilter } from './common/problem-details.filter';
import { registerHttpPlugins } from './common/http-plugins';
import { RequestValidationPipe } from './common/request-validation.pipe';
import { answerRoutingErrorAsProblem } from './common/problem-details.filter';
import { PinoNestLogger, REDIS_CLIENT } from '@pho-so/server/nest';
import { AccessLog, registerRequestContext, requestChildLogger, requestIdOf } from './common/request-logging';
import type Redis from 'ioredis';

export const API_PREFIX = 'api';

/**
 * Builds the HTTP application; `main.ts` listens, tests call this directly. Fastify and Nest's
 * `Logger` write through one pino logger (JSON lines on stdout unless a test passes its own).
 */
export async function createApiApp(
  config: AppConfig,
  { logger = createLogger({ service: 'api', level: config.LOG_LEVEL }) }: { logger?: Logger } = {},
): Promise<NestFastifyApplication> {
  // Fastify, not Express: on this 2-core target Nest on Fastify serves small JSON at several times the
  // rate of Nest on Express 5 (see docs/benchmarks.md), and every citizen's scan hits this path.
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), new FastifyAdapter({
      trustProxy: config.TRUST_PROXY,
      // Street slugs may be 120 characters; Fastify's default limit for a path parameter is 100. Under
      // routerOptions: the top-level option is deprecated and prints a warning, a non-JSON line, at start.
      routerOptions: { maxParamLength: 160 },
      frameworkErrors: answerRoutingErrorAsProblem,
      loggerInstance: logger,
      genReqId: requestIdOf,
      childLoggerFactory: requestChildLogger,
      logController: new AccessLog(),
    }), {
    // The level is the logger's (LOG_LEVEL: warn under NODE_ENV=test, so tests stay quiet).
    logger: new PinoNestLogger(logger),
  });
  registerRequestContext(app.getHttpAdapter().getInstance());
  await registerHttpPlugins(app, config, app.get<Redis | null>(REDIS_CLIENT));
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.useGlobalPipes(new RequestValidationPipe());
  // Shutdown on SIGTERM/SIGINT is main.ts's (exitOnShutdownSignals): tests start many apps in one process.
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Phố Số API')
      .setDescription('Street plates, service points and public-service procedures of Hưng Yên (old Thái Bình city).')
      .setVersion('1')
      .build(),
  );
  SwaggerModule.setup(`${API_PREFIX}/docs`, app, document, { jsonDocumentUrl: `${API_PREFIX}/docs/openapi.json` });
  return app;
}
