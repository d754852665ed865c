import { spawnSync } from 'node:child_process';

/**
 * The code that was measured: HEAD and how many files under apps/ and libs/ differ from it (several
 * people work in this checkout, and the compile step builds the working tree, not HEAD).
 */
export function describeCheckout(root: string): string {
  const git = (...args: string[]) => spawnSync('git', args, { cwd: root, encoding: 'utf8' }).stdout?.trim() ?? '';
  const head = git('rev-parse', '--short', 'HEAD') || 'unknown';
  const dirty = git('status', '--porcelain', '--', 'apps', 'libs').split('\n').filter(Boolean);
  return `HEAD ${head}${dirty.length > 0 ? `, ${dirty.length} uncommitted file(s) under apps/ and libs/ (the working tree is what runs)` : ', apps/ and libs/ clean'}`;
}
