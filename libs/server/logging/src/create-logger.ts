import { hostname } from 'node:os';
import pino, { type DestinationStream, type Level, type Logger, type LoggerOptions } from 'pino';
import { currentLogContext } from './log-context';
import { maskUrlCredentials, REDACT_PATHS, REDACTED } from './redaction';

export type { Logger } from 'pino';
export type LogLevel = Level;
/** The process writing the line; one field to filter on when every container logs to one place. */
export type ServiceName = 'api' | 'worker' | 'migrate';

export interface LoggerSettings {
  service: ServiceName;
  level: LogLevel;
  /**
   * Where lines go; by default process.stdout, which is synchronous for files and pipes on Linux (a
   * crash does not lose the last lines) and which tests that watch the process's output can see.
   */
  destination?: DestinationStream;
}

/**
 * Child loggers that carry their unit of work in their own bindings (Fastify's per-request logger):
 * the mixin leaves them alone, so a line never has the same key twice.
 */
const boundLoggers = new WeakSet<object>();

/**
 * Marks a child logger that carries its unit of work in its own bindings (e.g. `reqId`): the log
 * context is then not added to its lines again. Returns the child.
 */
export function bindsOwnContext<L extends object>(child: L): L {
  boundLoggers.add(child);
  return child;
}

/**
 * Error serializer: pino's, with connection strings' passwords masked in the message and stack, and
 * without a failed query's bound values (TypeORM's QueryFailedError carries them as `parameters`:
 * password hashes, session ids, personal data). The SQL text itself has only placeholders.
 */
function serializeError(error: Error): pino.SerializedError {
  const serialized = pino.stdSerializers.err(error);
  serialized.message = maskUrlCredentials(serialized.message);
  serialized.stack = maskUrlCredentials(serialized.stack);
  if ('parameters' in serialized) serialized['parameters'] = REDACTED;
  return serialized;
}

/**
 * An HTTP request as a log field: method and path only. No headers (cookies, tokens) and no query
 * string (a token in a link would end up in the logs).
 */
function serializeRequest(request: { method?: string; url?: string }): { method?: string; url?: string } {
  return { method: request.method, url: request.url?.split('?')[0] };
}

/**
 * The pino options of every server process: JSON lines on stdout with ISO time, level names, the
 * service, and the current request or job (from the log context); secrets redacted.
 */
export function loggerOptions({ service, level }: Pick<LoggerSettings, 'service' | 'level'>): LoggerOptions {
  return {
    level,
    base: { service, pid: process.pid, hostname: hostname() },
    timestamp: pino.stdTimeFunctions.isoTime,
    // "level":"warn" rather than 40: readable by people, and every log store can still filter on it.
    formatters: {
      level: (label) => ({ level: label }),
      // Free text next to the message (a stack passed as a string, a URL) gets the same masking.
      log: (object) => {
        for (const [key, value] of Object.entries(object)) if (typeof value === 'string') object[key] = maskUrlCredentials(value);
        return object;
      },
    },
    redact: { paths: [...REDACT_PATHS], censor: REDACTED },
    serializers: { err: serializeError, error: serializeError, req: serializeRequest, res: (reply: { statusCode?: number }) => ({ statusCode: reply.statusCode }) },
    mixin: (_object, _level, logger) => (boundLoggers.has(logger) ? {} : { ...currentLogContext() }),
    hooks: {
      // Messages are free text (`logger.warn(`redis: ${error.message}`)`): mask credentials in them too.
      logMethod(args, method) {
        const masked = args.map((arg: unknown) => (typeof arg === 'string' ? maskUrlCredentials(arg) : arg));
        return method.apply(this, masked as Parameters<typeof method>);
      },
    },
  };
}

/** The root logger of a process (`service` api, worker or migrate). */
export function createLogger(settings: LoggerSettings): Logger {
  return pino(loggerOptions(settings), settings.destination ?? process.stdout);
}
