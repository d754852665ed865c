// Reads a password without echo from a terminal, or the first line of piped standard input.
import type { Readable, Writable } from 'node:stream';

/** First line of a piped stream (without its line ending). */
export async function readFirstLine(input: Readable): Promise<string> {
  let text = '';
  for await (const chunk of input) {
    text += String(chunk);
    const end = text.search(/\r?\n/);
    if (end >= 0) return text.slice(0, end);
  }
  return text;
}

/** Prompts on `output` (stderr) and reads characters from a TTY in raw mode, showing nothing. */
export function promptHidden(prompt: string, input: NodeJS.ReadStream, output: Writable): Promise<string> {
  return new Promise((resolve, reject) => {
    output.write(prompt);
    let value = '';
    input.setRawMode(true);
    input.setEncoding('utf8');
    input.resume();
    const done = (error?: Error) => {
      input.setRawMode(false);
      input.pause();
      input.off('data', onData);
      output.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') return done();
        if (char === '\u0003') return done(new Error('cancelled'));
        if (char === '\u007f' || char === '\b') value = [...value].slice(0, -1).join('');
        else if (char >= ' ') value += char;
      }
    };
    input.on('data', onData);
  });
}

/** The new password: asked twice on a terminal, or read once from a pipe. */
export async function readNewPassword(stdin: NodeJS.ReadStream = process.stdin, stderr: Writable = process.stderr): Promise<string> {
  if (!stdin.isTTY) return readFirstLine(stdin);
  const first = await promptHidden('New password (not shown): ', stdin, stderr);
  const second = await promptHidden('Again: ', stdin, stderr);
  if (first !== second) throw new Error('the two passwords differ; nothing changed');
  return first;
}
