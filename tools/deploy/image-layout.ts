// The runtime image's file layout as the Dockerfile builds it, reproduced on this machine from the
// repository's own build output: the deployment tests run the compose commands inside it, so a command
// the image cannot run (a file the Dockerfile does not copy, a package only in devDependencies) fails
// here as it would in the container.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { DockerfileCopy, DockerfileStage } from './compose-file';
import { privateWebServer } from '../testing/web-stack';

/** The folder the build stage builds in (its WORKDIR): the repository's root in the image. */
const BUILD_ROOT = '/app/';
const STANDALONE_WEB = 'apps/web/.next/standalone';

export function runtimeStage(stages: readonly DockerfileStage[]): DockerfileStage {
  const stage = stages.at(-1);
  if (!stage) throw new Error('the Dockerfile has no stage');
  return stage;
}

/** The runtime stage's COPY that puts `path` (relative to WORKDIR) in the image, and where it comes from in the repository. */
export function sourceOf(stages: readonly DockerfileStage[], path: string): { copy: DockerfileCopy; repoPath: string } | undefined {
  const runtime = runtimeStage(stages);
  const relative = path.startsWith(`${runtime.workdir}/`) ? path.slice(runtime.workdir!.length + 1) : path;
  for (const copy of runtime.copies) {
    if (!copy.from || copy.sources.length !== 1) continue;
    const target = copy.target.replace(/\/$/, '');
    if (relative !== target && !relative.startsWith(`${target}/`)) continue;
    const source = copy.sources[0]!;
    if (!source.startsWith(BUILD_ROOT)) continue;
    return { copy, repoPath: join(source.slice(BUILD_ROOT.length), relative.slice(target.length)) };
  }
  return undefined;
}

/**
 * The build output the image's build stage produces (`nx run-many -t build`), made here the way the
 * tests need it: the server code compiled, the web app built only when its sources changed.
 */
export function buildLikeTheImage(repoRoot: string): void {
  for (const script of ['tools/build/compile-node.mjs', 'tools/build/web-build.mjs']) {
    const result = spawnSync(process.execPath, [join(repoRoot, script)], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
    if (result.status !== 0) throw new Error(`${script} failed:\n${result.stdout}\n${result.stderr}`);
  }
}

/** Whether a stage's node_modules holds production dependencies only. */
export function installsProductionOnly(stage: DockerfileStage | undefined): boolean {
  return !!stage?.runs.some((run) => /\bnpm ci\b.*--omit=dev\b/.test(run));
}

/**
 * Builds the runtime image's /app in `into`: build output linked from the repository, the web app's
 * standalone folder copied (Next writes into it at run time), and node_modules installed the way the
 * production-dependencies stage installs it (`npm ci --omit=dev`, from npm's cache when it can).
 * Returns the image's ENV, which the containers start with.
 */
export function assembleImageRoot(repoRoot: string, stages: readonly DockerfileStage[], into: string): Record<string, string> {
  const runtime = runtimeStage(stages);
  mkdirSync(into, { recursive: true });
  for (const copy of runtime.copies) {
    if (!copy.from) throw new Error(`the runtime stage copies from the build context (${copy.sources.join(' ')}); copy from a stage`);
    const target = join(into, copy.target);
    mkdirSync(dirname(target), { recursive: true });
    const source = copy.sources[0]!.slice(BUILD_ROOT.length);
    const stage = stages.find((s) => s.name === copy.from);
    if (source === 'node_modules' && installsProductionOnly(stage)) {
      for (const manifest of ['package.json', 'package-lock.json']) copyFileSync(join(repoRoot, manifest), join(into, manifest));
      const install = spawnSync('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], {
        cwd: into,
        encoding: 'utf8',
        env: { ...process.env, NODE_ENV: 'production' },
      });
      if (install.status !== 0) throw new Error(`npm ci --omit=dev failed:\n${install.stderr}`);
    } else if (source === STANDALONE_WEB) {
      privateWebServer(target);
    } else if (!existsSync(target)) {
      if (!existsSync(join(repoRoot, source))) throw new Error(`the Dockerfile copies ${source}, which the build did not produce`);
      symlinkSync(join(repoRoot, source), target);
    }
  }
  return { ...runtime.env };
}
