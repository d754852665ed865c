// Shared Jest settings: SWC for speed (same .swcrc as the build, so tests run the code the build emits)
// and the tsconfig path aliases mapped to sources.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const root = __dirname;
const swcrc = JSON.parse(readFileSync(join(root, '.swcrc'), 'utf8'));
delete swcrc.$schema;
const { paths } = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8')).compilerOptions;

const moduleNameMapper = Object.fromEntries(
  Object.entries(paths).map(([alias, [target]]) => [`^${alias.replace(/[/.]/g, '\\$&')}$`, join(root, target)]),
);

/** @param {string} projectRoot @param {string} displayName @param {object} [extra] */
function jestProject(projectRoot, displayName, extra = {}) {
  return {
    displayName,
    rootDir: join(root, projectRoot),
    testEnvironment: 'node',
    testMatch: ['<rootDir>/**/*.spec.ts'],
    transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { ...swcrc, swcrc: false }] },
    moduleNameMapper,
    // NestJS 12 ships ES modules only. Node runs them from our CommonJS build through require(esm),
    // but Jest's module loader cannot (before Node 24.9), so Jest compiles them to CommonJS with SWC.
    transformIgnorePatterns: ['/node_modules/(?!(@nestjs|file-type|strtok3|token-types|uint8array-extras|@tokenizer)/)'],
    ...extra,
  };
}

module.exports = { jestProject, workspaceRoot: root };
