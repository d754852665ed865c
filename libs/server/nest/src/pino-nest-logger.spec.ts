import { Writable } from 'node:stream';
import { Logger } from '@nestjs/common';
import { createLogger, runWithLogContext } from '@pho-so/server/logging';
import { PinoNestLogger } from './pino-nest-logger';

describe('PinoNestLogger', () => {
  const output: string[] = [];
  const lines = () => output.join('').split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);

  beforeAll(() => {
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        output.push(chunk.toString());
        done();
      },
    });
    Logger.overrideLogger(new PinoNestLogger(createLogger({ service: 'worker', level: 'trace', destination })));
  });
  afterAll(() => Logger.overrideLogger(false));
  beforeEach(() => output.splice(0));

  it("turns a Nest Logger's calls into JSON lines with their context and level", () => {
    const logger = new Logger('sweeper');
    runWithLogContext({ jobId: 'j-9', job: 'qr.render' }, () => logger.log('swept 3 files'));
    logger.warn('slow');
    logger.verbose('details');
    expect(lines()).toEqual([
      expect.objectContaining({ level: 'info', service: 'worker', context: 'sweeper', msg: 'swept 3 files', jobId: 'j-9', job: 'qr.render' }),
      expect.objectContaining({ level: 'warn', context: 'sweeper', msg: 'slow' }),
      expect.objectContaining({ level: 'trace', context: 'sweeper', msg: 'details' }),
    ]);
  });

  it('keeps an error and a stack apart from the context', () => {
    const logger = new Logger('filter');
    const error = new Error('boom at postgres://u:pw-secret@db/x');
    logger.error(error);
    logger.error('failed', error.stack);
    const [first, second] = lines();
    expect(first).toMatchObject({ level: 'error', context: 'filter', msg: 'boom at postgres://u:***@db/x', err: { type: 'Error' } });
    expect(second).toMatchObject({ level: 'error', context: 'filter', msg: 'failed', stack: expect.stringContaining('\n    at ') });
    expect(output.join('')).not.toContain('pw-secret');
  });

  it('puts an object message under data, where redaction still applies', () => {
    new Logger('x').log({ user: 'a', password: 'hunter2-pass' });
    expect(lines()[0]).toMatchObject({ context: 'x', data: { user: 'a', password: '[redacted]' } });
  });
});
