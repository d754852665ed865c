// Reads the deployment files as Docker reads them, for the tests that hold them to the code:
// docker-compose.yml (YAML with merge keys, then compose's variable interpolation), .env.example, and
// the runtime stage of the Dockerfile. No Docker engine is needed (none runs on the CI machines).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export interface ComposeHealthcheck {
  test?: string[] | string;
  disable?: boolean;
  interval?: string;
  timeout?: string;
  start_period?: string;
  retries?: number;
}

export interface ComposeService {
  image?: string;
  build?: unknown;
  command?: string[];
  environment?: Record<string, string | number | boolean | null>;
  healthcheck?: ComposeHealthcheck;
  depends_on?: Record<string, { condition: string; restart?: boolean }>;
  ports?: string[];
  volumes?: string[];
  restart?: string;
  stop_grace_period?: string;
}

export interface ComposeFile {
  name?: string;
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

/** `${NAME}`, `${NAME:-default}`, `${NAME-default}`, `${NAME:?message}`, `${NAME?message}`; `$$` is a literal `$`. */
const VARIABLE = /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])((?:[^}])*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;

export class MissingVariableError extends Error {
  constructor(readonly variable: string, message: string) {
    super(`${variable}: ${message}`);
  }
}

/** Compose's interpolation of one string against the variables of `.env` and the shell. */
export function interpolate(text: string, env: Readonly<Record<string, string | undefined>>): string {
  return text.replace(VARIABLE, (match, braced?: string, operator?: string, argument?: string, bare?: string) => {
    if (match === '$$') return '$';
    const name = (braced ?? bare)!;
    const value = env[name];
    const unsetOrEmpty = value === undefined || value === '';
    switch (operator) {
      case ':-':
        return unsetOrEmpty ? interpolate(argument ?? '', env) : value;
      case '-':
        return value === undefined ? interpolate(argument ?? '', env) : value;
      case ':?':
        if (unsetOrEmpty) throw new MissingVariableError(name, argument || 'required');
        return value;
      case '?':
        if (value === undefined) throw new MissingVariableError(name, argument || 'required');
        return value;
      default:
        return value ?? '';
    }
  });
}

/** Every variable the text refers to, with whether it is required (`:?` or `?`). */
export function referencedVariables(text: string): Map<string, { required: boolean }> {
  const found = new Map<string, { required: boolean }>();
  for (const match of text.matchAll(VARIABLE)) {
    const name = match[1] ?? match[4];
    if (!name) continue;
    const required = match[2] === ':?' || match[2] === '?';
    found.set(name, { required: required || (found.get(name)?.required ?? false) });
  }
  return found;
}

export function readComposeText(root: string): string {
  return readFileSync(join(root, 'docker-compose.yml'), 'utf8');
}

/** The compose file with `<<:` merges applied and its variables left as written. */
export function parseCompose(text: string): ComposeFile {
  return parse(text, { merge: true }) as ComposeFile;
}

/**
 * One service's environment as the container would get it: variables interpolated from `env` (what
 * `.env` and the shell hold), values as strings.
 */
export function serviceEnvironment(
  compose: ComposeFile,
  service: string,
  env: Readonly<Record<string, string | undefined>>,
): Record<string, string> {
  const definition = compose.services[service];
  if (!definition) throw new Error(`docker-compose.yml has no service ${service}`);
  return Object.fromEntries(
    Object.entries(definition.environment ?? {}).map(([name, value]) => [name, interpolate(value === null ? '' : String(value), env)]),
  );
}

/** Compose durations such as `2m`, `30s`, `1m30s`, in milliseconds. */
export function durationMs(text: string): number {
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== text) throw new Error(`not a compose duration: ${text}`);
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const;
  return parts.reduce((sum, [, amount, u]) => sum + Number(amount) * unit[u as keyof typeof unit], 0);
}

/** Docker's default when a service sets no stop_grace_period. */
export const DEFAULT_STOP_GRACE_MS = 10_000;

/** The variables `.env.example` documents (`NAME=value` lines), with the comment lines just above each. */
export function readEnvExample(root: string): Map<string, { value: string; comment: string }> {
  const variables = new Map<string, { value: string; comment: string }>();
  // A comment block explains the assignments right below it (POSTGRES_USER and POSTGRES_DB share one).
  let comment: string[] = [];
  let afterAssignment = false;
  for (const line of readFileSync(join(root, '.env.example'), 'utf8').split('\n')) {
    const assignment = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (assignment) {
      variables.set(assignment[1]!, { value: assignment[2]!, comment: comment.join('\n') });
      afterAssignment = true;
    } else if (line.startsWith('#')) {
      if (afterAssignment) comment = [];
      afterAssignment = false;
      comment.push(line.replace(/^#\s?/, ''));
    } else if (line.trim() === '') {
      comment = [];
      afterAssignment = false;
    }
  }
  return variables;
}

export interface DockerfileCopy {
  /** The stage copied from; undefined for the build context. */
  from?: string;
  /** Paths in that stage (absolute) or in the build context (relative). */
  sources: string[];
  /** Path in the runtime image, relative to its WORKDIR. */
  target: string;
}

export interface DockerfileStage {
  name: string;
  base: string;
  workdir?: string;
  env: Record<string, string>;
  runs: string[];
  copies: DockerfileCopy[];
  user?: string;
  cmd?: string[];
  healthcheck?: string[];
}

/** The stages of a Dockerfile: enough of its syntax for ours (line continuations, FROM … AS, WORKDIR, ENV k=v, RUN, COPY --from, USER, CMD and HEALTHCHECK in exec form). */
export function parseDockerfile(text: string): DockerfileStage[] {
  const stages: DockerfileStage[] = [];
  const logicalLines = text.replace(/\\\n/g, ' ').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  for (const line of logicalLines) {
    const [instruction, ...rest] = line.split(/\s+/);
    const args = rest.join(' ');
    const stage = stages.at(-1);
    switch (instruction!.toUpperCase()) {
      case 'FROM': {
        const match = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(args);
        if (!match) throw new Error(`FROM not understood: ${line}`);
        const parent = stages.find((s) => s.name === match[1]);
        stages.push({
          name: match[2] ?? String(stages.length),
          base: match[1]!,
          workdir: parent?.workdir,
          env: { ...(parent?.env ?? {}) },
          runs: [],
          copies: [],
        });
        break;
      }
      case 'WORKDIR':
        stage!.workdir = args;
        break;
      case 'ENV':
        for (const pair of args.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=(\S+)/g)) stage!.env[pair[1]!] = pair[2]!;
        break;
      case 'RUN':
        stage!.runs.push(args);
        break;
      case 'COPY': {
        const tokens = args.split(/\s+/);
        const from = tokens.find((t) => t.startsWith('--from='))?.slice('--from='.length);
        const paths = tokens.filter((t) => !t.startsWith('--'));
        if (paths.length < 2) throw new Error(`COPY not understood: ${line}`);
        stage!.copies.push({ from, sources: paths.slice(0, -1), target: paths.at(-1)!.replace(/^\.\/?/, '') });
        break;
      }
      case 'USER':
        stage!.user = args;
        break;
      case 'CMD':
        stage!.cmd = JSON.parse(args) as string[];
        break;
      case 'HEALTHCHECK': {
        const cmd = /CMD\s+(\[.*\])$/.exec(args);
        if (cmd) stage!.healthcheck = JSON.parse(cmd[1]!) as string[];
        break;
      }
    }
  }
  return stages;
}

export function readDockerfile(root: string): DockerfileStage[] {
  return parseDockerfile(readFileSync(join(root, 'Dockerfile'), 'utf8'));
}
