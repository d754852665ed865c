import { Writable } from 'node:stream';
import { bindsOwnContext, createLogger } from './create-logger';
import { runWithLogContext } from './log-context';
import { maskUrlCredentials } from './redaction';

/** A logger writing into an array of parsed lines (each chunk pino writes is one line). */
function capture(level: 'info' | 'debug' = 'info') {
  const raw: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      raw.push(chunk.toString());
      done();
    },
  });
  const logger = createLogger({ service: 'api', level, destination });
  const lines = () => raw.join('').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
  return { logger, raw, lines };
}

describe('createLogger', () => {
  it('writes JSON lines with ISO time, level name, service, and the current log context', () => {
    const { logger, lines } = capture();
    logger.info('outside');
    runWithLogContext({ reqId: 'r-1' }, () => logger.warn({ context: 'auth' }, 'inside'));
    const [outside, inside] = lines();
    expect(outside).toMatchObject({ level: 'info', service: 'api', msg: 'outside' });
    expect(outside!['time']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(outside).not.toHaveProperty('reqId');
    expect(inside).toMatchObject({ level: 'warn', reqId: 'r-1', context: 'auth', msg: 'inside' });
  });

  it('keeps the context across awaits, and a child with its own bindings does not get it twice', async () => {
    const { logger, raw, lines } = capture();
    await runWithLogContext({ jobId: 'j-1', job: 'qr.render' }, async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      logger.info('after a timer');
      bindsOwnContext(logger.child({ reqId: 'r-2' })).info('child');
    });
    expect(lines()[0]).toMatchObject({ jobId: 'j-1', job: 'qr.render' });
    expect(raw[1]!.match(/"reqId"/g)).toHaveLength(1);
    expect(lines()[1]).not.toHaveProperty('jobId');
  });

  it('redacts secret keys at every depth our lines have, and headers', () => {
    const { logger, raw } = capture();
    logger.info({
      password: 'p0',
      body: { password: 'p1', newPassword: 'p2', currentPassword: 'p3', nested: { token: 't1', deeper: { secret: 's1' } } },
      req: { headers: { authorization: 'Bearer a1', cookie: 'pho_so_session=c1', 'x-admin-token': 'x1', 'x-csrf-token': 'x2' } },
      res: { headers: { 'set-cookie': 'pho_so_session=c2' } },
    });
    for (const secret of ['p0', 'p1', 'p2', 'p3', 't1', 's1', 'a1', 'c1', 'x1', 'x2', 'c2']) expect(raw.join('')).not.toContain(secret);
    expect(raw.join('')).toContain('[redacted]');
  });

  it('masks the password of connection strings in messages and errors', () => {
    const { logger, raw, lines } = capture();
    logger.warn(`cannot reach postgres://app:hunter2-db@db:5432/pho_so`);
    logger.error({ err: new Error('connect to redis://:hunter2-redis@cache:6379 failed') }, 'redis down');
    const text = raw.join('');
    expect(text).not.toContain('hunter2');
    expect(lines()[0]!['msg']).toBe('cannot reach postgres://app:***@db:5432/pho_so');
    expect((lines()[1]!['err'] as { message: string }).message).toBe('connect to redis://:***@cache:6379 failed');
  });

  it('logs a request without its headers or query string', () => {
    const { logger, lines } = capture();
    logger.info({ req: { method: 'GET', url: '/api/x?token=abc', headers: { cookie: 'c' } } });
    expect(lines()[0]!['req']).toEqual({ method: 'GET', url: '/api/x' });
  });
});

describe('maskUrlCredentials', () => {
  it('masks only the password and leaves other text alone', () => {
    expect(maskUrlCredentials('postgres://u:p%40ss@h/db and redis://h:6379')).toBe('postgres://u:***@h/db and redis://h:6379');
    expect(maskUrlCredentials('no url here: a@b')).toBe('no url here: a@b');
    expect(maskUrlCredentials('https://example.vn/a@b')).toBe('https://example.vn/a@b');
  });
});
