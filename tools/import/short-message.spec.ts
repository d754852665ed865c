import { shortMessage } from './short-message';

describe('shortMessage', () => {
  it('keeps the first line of a message, with a Postgres detail and SQLSTATE', () => {
    const error = Object.assign(new Error('duplicate key value violates unique constraint "UQ_x"\n    at huge WASM stack'), {
      code: '23505',
      detail: 'Key (code)=(12452) already exists.',
    });
    expect(shortMessage(error)).toBe('duplicate key value violates unique constraint "UQ_x" Key (code)=(12452) already exists. (SQLSTATE 23505)');
  });

  it('cuts a giant one-line message and copes with things that are not errors', () => {
    expect(shortMessage(new Error('x'.repeat(5000))).length).toBe(400);
    expect(shortMessage('plain')).toBe('plain');
    expect(shortMessage(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))).toBe('connect ECONNREFUSED');
  });
});
