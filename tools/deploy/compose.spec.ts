// docker-compose.yml, .env.example and the Dockerfile held to each other and to the build: every
// variable compose reads is documented, secrets have no defaults, only the edge is published, every
// command and healthcheck script a service runs exists in the image the Dockerfile assembles from the
// build output. (That the healthcheck endpoints answer is shown by production-stack.e2e.spec.ts.)
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DEFAULT_STOP_GRACE_MS,
  durationMs,
  interpolate,
  MissingVariableError,
  parseCompose,
  parseDockerfile,
  readComposeText,
  readDockerfile,
  readEnvExample,
  referencedVariables,
  serviceEnvironment,
} from './compose-file';
import { buildLikeTheImage, installsProductionOnly, runtimeStage, sourceOf } from './image-layout';
import { REPO_ROOT } from '../testing/web-stack';

const composeText = readComposeText(REPO_ROOT);
const compose = parseCompose(composeText);
const envExample = readEnvExample(REPO_ROOT);
const stages = readDockerfile(REPO_ROOT);
const APP_SERVICES = ['migrate', 'api', 'worker', 'web'] as const;
/** What an operator fills in: .env.example with its required values set. */
const FILLED_ENV = {
  ...Object.fromEntries([...envExample].map(([name, { value }]) => [name, value])),
  POSTGRES_PASSWORD: 'a-long-random-password',
  PUBLIC_BASE_URL: 'https://phoso.example.vn',
  REVALIDATE_SECRET: 'a'.repeat(48),
};

/** The script a service runs with node (`node <script> …`), as the image sees it. */
function nodeScript(command: readonly string[] | string | undefined): string {
  if (!Array.isArray(command) || command[0] !== 'node') throw new Error(`not an exec-form node command: ${JSON.stringify(command)}`);
  return command[1]!;
}

function healthcheckCommand(service: string): string[] {
  const test = compose.services[service]?.healthcheck?.test;
  if (!Array.isArray(test) || test[0] !== 'CMD') throw new Error(`${service}: healthcheck is not in exec form`);
  return test.slice(1);
}

describe('.env.example documents docker-compose.yml', () => {
  const referenced = referencedVariables(composeText);

  it('every variable compose reads is in .env.example, with a comment that explains it', () => {
    expect(referenced.size).toBeGreaterThan(5);
    for (const name of referenced.keys()) {
      expect({ name, documented: envExample.has(name) }).toEqual({ name, documented: true });
      expect({ name, comment: (envExample.get(name)?.comment.length ?? 0) > 20 }).toEqual({ name, comment: true });
    }
  });

  it('and .env.example lists nothing compose does not read', () => {
    for (const name of envExample.keys()) expect({ name, referenced: referenced.has(name) }).toEqual({ name, referenced: true });
  });

  it('secrets are required (${VAR:?message}), left empty in .env.example, and compose refuses to start without them', () => {
    const required = [...referenced].filter(([, { required }]) => required).map(([name]) => name).sort();
    expect(required).toEqual(['POSTGRES_PASSWORD', 'PUBLIC_BASE_URL', 'REVALIDATE_SECRET']);
    for (const name of required) {
      expect(envExample.get(name)?.value).toBe('');
      expect(envExample.get(name)?.comment).toMatch(/\(required\)/);
      const withoutIt = { ...FILLED_ENV, [name]: '' };
      expect(() => interpolate(composeText, withoutIt)).toThrow(MissingVariableError);
      expect(() => interpolate(composeText, withoutIt)).toThrow(new RegExp(`^${name}: set ${name} in \\.env`));
    }
    expect(() => interpolate(composeText, FILLED_ENV)).not.toThrow();
  });

  it('no password, secret or token has a default value anywhere in compose', () => {
    for (const [service, definition] of Object.entries(compose.services)) {
      for (const [name, raw] of Object.entries(definition.environment ?? {})) {
        if (!/PASSWORD|SECRET|TOKEN/.test(name)) continue;
        // Only a variable reference, either required or defaulting to empty.
        expect({ service, name, raw }).toEqual({ service, name, raw: expect.stringMatching(/^\$\{[A-Z_]+(:\?[^}]*|:-)\}$/) });
      }
    }
    // The database URL takes its password from the same required variable.
    const env = serviceEnvironment(compose, 'api', FILLED_ENV);
    expect(new URL(env['DATABASE_URL']!).password).toBe('a-long-random-password');
  });
});

describe('docker-compose.yml', () => {
  it('has the project-named services of the platform', () => {
    expect(compose.name).toBe('pho-so');
    expect(Object.keys(compose.services).sort()).toEqual(['api', 'edge', 'migrate', 'postgres', 'redis', 'web', 'worker']);
  });

  it('publishes only the edge; the database and Redis ports stay on the compose network', () => {
    const published = Object.entries(compose.services).filter(([, s]) => (s.ports ?? []).length > 0).map(([name]) => name);
    expect(published).toEqual(['edge']);
    expect(interpolate(compose.services['edge']!.ports![0]!, FILLED_ENV)).toBe('80:80');
  });

  it('checks every long-running service: pg_isready, redis-cli ping, the API and worker readiness, the web app, the edge', () => {
    expect(compose.services['postgres']!.healthcheck!.test).toEqual(['CMD-SHELL', expect.stringMatching(/^pg_isready /)]);
    expect(compose.services['redis']!.healthcheck!.test).toEqual(['CMD', 'redis-cli', 'ping']);
    expect(healthcheckCommand('api').at(-1)).toBe('http://127.0.0.1:3001/api/health/ready');
    expect(healthcheckCommand('worker').at(-1)).toMatch(/^http:\/\/127\.0\.0\.1:9464\/health\/ready$/);
    expect(healthcheckCommand('web').at(-1)).toBe('http://127.0.0.1:3000/healthz');
    expect(healthcheckCommand('edge')).toEqual(['curl', '-fsS', '-o', '/dev/null', 'http://127.0.0.1/edge-healthz']);
    expect(compose.services['migrate']!.healthcheck).toEqual({ disable: true });
    // The ports in the healthchecks are the ones the services are told to listen on.
    expect(serviceEnvironment(compose, 'api', FILLED_ENV)).toMatchObject({ API_PORT: '3001', OPS_PORT: '9464' });
    expect(serviceEnvironment(compose, 'worker', FILLED_ENV)).toMatchObject({ OPS_PORT: '9464' });
    expect(serviceEnvironment(compose, 'web', FILLED_ENV)).toMatchObject({ PORT: '3000' });
    expect(readFileSync(join(REPO_ROOT, 'deploy/nginx/templates/default.conf.template'), 'utf8')).toMatch(/location = \/edge-healthz/);
  });

  it('runs the migrations once, before api and worker, and starts each service after what it needs is healthy', () => {
    const dependsOn = (service: string) =>
      Object.fromEntries(Object.entries(compose.services[service]!.depends_on ?? {}).map(([name, d]) => [name, d.condition]));
    expect(dependsOn('migrate')).toEqual({ postgres: 'service_healthy' });
    for (const service of ['api', 'worker']) {
      expect(dependsOn(service)).toEqual({ postgres: 'service_healthy', redis: 'service_healthy', migrate: 'service_completed_successfully' });
    }
    expect(dependsOn('web')).toEqual({ api: 'service_healthy' });
    expect(dependsOn('edge')).toEqual({ web: 'service_healthy', api: 'service_healthy' });
    expect(compose.services['migrate']!.restart).toBe('no');
    for (const service of ['postgres', 'redis', 'api', 'worker', 'web', 'edge']) expect(compose.services[service]!.restart).toBe('unless-stopped');
  });

  it('keeps Redis from evicting or forgetting queued jobs', () => {
    const command = compose.services['redis']!.command!.join(' ');
    expect(command).toMatch(/--maxmemory-policy noeviction/);
    expect(command).toMatch(/--appendonly yes/);
  });

  it('keeps the database, Redis and the QR assets in named volumes, the assets where api and worker look for them', () => {
    expect(Object.keys(compose.volumes ?? {}).sort()).toEqual(['postgres-data', 'qr-assets', 'redis-data']);
    expect(compose.services['postgres']!.volumes).toEqual(['postgres-data:/var/lib/postgresql/data']);
    expect(compose.services['redis']!.volumes).toEqual(['redis-data:/data']);
    for (const service of ['api', 'worker']) {
      const assetDir = serviceEnvironment(compose, service, FILLED_ENV)['ASSET_DIR'];
      expect(compose.services[service]!.volumes).toEqual([`qr-assets:${assetDir}`]);
    }
  });

  it('gives the worker a long stop grace period, longer than the API and the web app', () => {
    const grace = (service: string) => durationMs(compose.services[service]!.stop_grace_period ?? '10s');
    expect(grace('worker')).toBeGreaterThanOrEqual(60_000);
    expect(grace('worker')).toBeGreaterThan(grace('api'));
    expect(grace('api')).toBeGreaterThanOrEqual(DEFAULT_STOP_GRACE_MS);
  });

  it('builds one image for the four app services, and the worker has no fixed name or port, so it can be scaled', () => {
    for (const service of APP_SERVICES) {
      expect(compose.services[service]!.image).toBe('pho-so:${PHO_SO_VERSION:-latest}');
      expect(compose.services[service]!.build).toBe('.');
    }
    expect(compose.services['worker']!.ports).toBeUndefined();
    expect(composeText).not.toMatch(/container_name/);
  });
});

describe('the Dockerfile', () => {
  const runtime = runtimeStage(stages);

  it('is multi-stage: manifests and lockfile first, then sources, then nx build; production dependencies only in the runtime stage', () => {
    const deps = stages.find((s) => s.name === 'deps')!;
    expect(deps.copies).toEqual([{ from: undefined, sources: ['package.json', 'package-lock.json'], target: '' }]);
    expect(deps.runs.join('\n')).toMatch(/npm ci/);
    const build = stages.find((s) => s.name === 'build')!;
    expect(build.base).toBe('deps');
    expect(build.copies).toEqual([{ from: undefined, sources: ['.'], target: '' }]);
    expect(build.runs.join('\n')).toMatch(/nx run-many -t build/);
    const nodeModules = runtime.copies.find((c) => c.target === 'node_modules')!;
    expect(installsProductionOnly(stages.find((s) => s.name === nodeModules.from))).toBe(true);
    expect(runtime.copies.find((c) => c.target === 'web')?.sources).toEqual(['/app/apps/web/.next/standalone']);
  });

  it('runs as a non-root user, with an exec-form CMD and a healthcheck', () => {
    expect(runtime.user).toBe('node');
    expect(runtime.cmd).toEqual(['node', 'dist/node/apps/api/src/main.js']);
    expect(runtime.healthcheck).toEqual(['node', 'dist/node/tools/ops/healthcheck.js']);
    expect(runtime.env).toMatchObject({ NODE_ENV: 'production' });
  });

  it('parses a COPY with --chown and a continued line the way Docker does', () => {
    const [stage] = parseDockerfile('FROM node:20 AS x\nWORKDIR /app\nCOPY --from=b --chown=node:node /app/a \\\n  ./b\nENV A=1 B=two\n');
    expect(stage).toMatchObject({ name: 'x', workdir: '/app', copies: [{ from: 'b', sources: ['/app/a'], target: 'b' }], env: { A: '1', B: 'two' } });
  });
});

describe('compose commands against the build output', () => {
  beforeAll(() => {
    // The same build the image's build stage runs (the web app only when its sources changed).
    buildLikeTheImage(REPO_ROOT);
  }, 600_000);

  const scripts = (): [string, string][] => [
    ...APP_SERVICES.map((service): [string, string] => [`${service} command`, nodeScript(compose.services[service]!.command)]),
    ...(['api', 'worker', 'web'] as const).map((service): [string, string] => [`${service} healthcheck`, nodeScript(healthcheckCommand(service))]),
    ['Dockerfile CMD', nodeScript(runtimeStage(stages).cmd)],
    ['Dockerfile HEALTHCHECK', nodeScript(runtimeStage(stages).healthcheck)],
  ];

  it('every script a service runs is copied into the image by the Dockerfile and exists in the build output', () => {
    for (const [what, script] of scripts()) {
      const source = sourceOf(stages, script);
      expect({ what, script, copied: !!source }).toEqual({ what, script, copied: true });
      expect({ what, script, built: existsSync(join(REPO_ROOT, source!.repoPath)) }).toEqual({ what, script, built: true });
    }
  });

  it('the tools the README tells operators to run in the image exist too (accounts, migrations)', () => {
    const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
    const documented = [...readme.matchAll(/docker compose (?:run --rm|exec) \w+ node (\S+\.js)/g)].map((m) => m[1]!);
    expect(documented.length).toBeGreaterThan(0);
    for (const script of documented) expect({ script, built: existsSync(join(REPO_ROOT, sourceOf(stages, script)?.repoPath ?? '-')) }).toEqual({ script, built: true });
  });
});
