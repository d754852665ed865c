// Shared Jest settings: SWC for speed (same .swcrc as the build, so tests run the code the build emits)
// and the tsconfig path aliases mapped to sources.
const { existsSync, readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

const root = __dirname;
const swcrc = JSON.parse(readFileSync(join(root, '.swcrc'), 'utf8'));
delete swcrc.$schema;
const { paths } = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8')).compilerOptions;

/**
 * Packages that ship ES modules (`"type": "module"`), found by scanning node_modules once per run:
 * NestJS 12 and a growing number of its dependencies. Node runs them from our CommonJS build through
 * require(esm), but Jest's module loader cannot (before Node 24.9), so Jest compiles them with SWC.
 * Scanning instead of a hand-kept list means a dependency that turns ESM-only does not break tests.
 */
function esmPackageNames(dir = join(root, 'node_modules'), names = new Set()) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    const full = join(dir, entry.name);
    if (entry.name.startsWith('@')) {
      esmPackageNames(full, names);
      continue;
    }
    try {
      const pkg = JSON.parse(readFileSync(join(full, 'package.json'), 'utf8'));
      if (pkg.type === 'module' && pkg.name) names.add(pkg.name);
    } catch {
      // not a package
    }
    if (existsSync(join(full, 'node_modules'))) esmPackageNames(join(full, 'node_modules'), names);
  }
  return names;
}
const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const esmPackages = [...esmPackageNames()].map(escapeRegExp).join('|');
// Leave node_modules untransformed, except files inside an ES-module package (at any nesting depth).
const transformIgnorePatterns = [`^(?!.*/node_modules/(?:${esmPackages})/).*/node_modules/`];

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
    transformIgnorePatterns,
    ...extra,
  };
}

module.exports = { jestProject, swcrc, workspaceRoot: root };
