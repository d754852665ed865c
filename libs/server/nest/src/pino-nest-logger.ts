import type { LoggerService } from '@nestjs/common';
import type { Logger, LogLevel } from '@pho-so/server/logging';

type NestLevel = 'log' | 'error' | 'warn' | 'debug' | 'verbose' | 'fatal';

const PINO_LEVEL: Record<NestLevel, LogLevel> = {
  log: 'info',
  error: 'error',
  warn: 'warn',
  debug: 'debug',
  verbose: 'trace',
  fatal: 'fatal',
};

const looksLikeStack = (value: unknown): value is string => typeof value === 'string' && /\n\s+at /.test(value);

/**
 * Nest's `LoggerService` on a pino logger, so `new Logger('x').log(...)` anywhere (ours or Nest's own
 * start-up lines) becomes one JSON line with `context: 'x'`, the request or job from the log context,
 * and the redaction the logger applies. Written here because nestjs-pino needs Node 22.
 *
 * Nest calls `log(message, ...params, context)`: the context, when the Logger has one, is always the
 * last argument; `error` may carry a stack before it.
 */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('log', message, params);
  }

  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.write('verbose', message, params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  private write(level: NestLevel, message: unknown, params: unknown[]): void {
    const pinoLevel = PINO_LEVEL[level];
    if (!this.logger.isLevelEnabled(pinoLevel)) return;
    const rest = [...params];
    const fields: Record<string, unknown> = {};
    const last = rest[rest.length - 1];
    if (typeof last === 'string' && !looksLikeStack(last)) fields['context'] = rest.pop();
    const stack = rest.find(looksLikeStack);
    const details = rest.filter((param) => param !== stack && param !== undefined);
    if (stack) fields['stack'] = stack;
    if (details.length > 0) fields['details'] = details;

    let text: string | undefined;
    if (message instanceof Error) {
      fields['err'] = message;
      text = message.message;
    } else if (typeof message === 'object' && message !== null) {
      fields['data'] = message;
    } else {
      text = String(message);
    }
    this.logger[pinoLevel](fields, text);
  }
}
