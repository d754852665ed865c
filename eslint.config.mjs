// Lint rules for the whole monorepo. The module-boundary rule is the architecture in executable form:
// shared libs stay framework-free, the web app never reaches into server code, libraries never import apps.
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

const serverOnlyPackages = ['@nestjs/*', 'typeorm', 'typeorm-*', 'pg', 'bullmq', 'ioredis', '@electric-sql/*', 'express'];
const uiPackages = ['react', 'react-dom', 'next', 'next/*'];

export default [
  { ignores: ['**/node_modules/**', '**/dist/**', '**/.next/**', '.data/**', 'tmp/**', '.nx/**', '**/fixtures/**', 'apps/web/next-env.d.ts'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            {
              sourceTag: 'scope:shared',
              onlyDependOnLibsWithTags: ['scope:shared'],
              bannedExternalImports: [...serverOnlyPackages, ...uiPackages],
            },
            { sourceTag: 'scope:server', onlyDependOnLibsWithTags: ['scope:shared', 'scope:server'], bannedExternalImports: uiPackages },
            { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:shared'], bannedExternalImports: serverOnlyPackages },
            { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:shared', 'scope:server'], bannedExternalImports: uiPackages },
            { sourceTag: 'scope:worker', onlyDependOnLibsWithTags: ['scope:shared', 'scope:server'], bannedExternalImports: uiPackages },
            { sourceTag: 'scope:tools', onlyDependOnLibsWithTags: ['scope:shared', 'scope:server'] },
            { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
];
