import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';
import tseslint from 'typescript-eslint';

const TS_FILES = ['**/*.{ts,tsx,mts,cts}'];
const JS_FILES = ['**/*.{js,jsx,mjs,cjs}'];

/*
 * Import boundaries (ARCHITECTURE.md). Flat config does not merge the options of one rule across
 * blocks, so each area below lists every restriction that holds in it, and one block per area is
 * generated from that list.
 */
const restrictions = {
  searchEngineClient: {
    patterns: [
      {
        regex: '^meilisearch(/.*)?$',
        message: 'Only lib/search/ talks to Meilisearch; use the search interface in lib/search.',
      },
    ],
  },
  databaseDrivers: {
    patterns: [
      {
        regex: '^(@electric-sql/pglite|drizzle-orm/pglite|drizzle-orm/postgres-js)(/.*)?$',
        message: 'Only db/index.ts knows which database driver runs; use getDb() from @/db.',
      },
    ],
  },
  postgresClient: {
    patterns: [
      {
        regex: '^postgres$',
        message: 'Only db/index.ts knows which database driver runs; use getDb() from @/db.',
      },
    ],
  },
  databaseClient: {
    patterns: [
      {
        regex: '^(@/|(\\.\\.?/)+)db(/index(\\.ts)?)?$',
        allowTypeImports: true,
        message:
          'Routes and components reach the database through lib/<domain>/queries or actions.',
      },
    ],
  },
  databaseSchema: {
    patterns: [
      {
        regex: '^(@/|(\\.\\.?/)+)db/schema(/.*)?$',
        allowTypeImports: true,
        message: 'Components receive DTOs; import types only, never schema values.',
      },
    ],
  },
  dataAccess: {
    patterns: [
      {
        regex: '(^|/)lib/.+/(queries|mutations)(\\.ts)?$',
        allowTypeImports: true,
        message:
          'Components never call queries or mutations; a page loads data and passes DTOs down, forms use actions.',
      },
      {
        regex: '^\\./(queries|mutations)(\\.ts)?$',
        allowTypeImports: true,
        message:
          'Components never call queries or mutations; a page loads data and passes DTOs down, forms use actions.',
      },
    ],
  },
};

/** Areas from general to specific: in flat config the last matching block wins. */
const areas = [
  {
    name: 'everywhere',
    files: TS_FILES,
    apply: ['searchEngineClient', 'databaseDrivers', 'postgresClient'],
  },
  {
    name: 'app',
    files: ['app/**/*.{ts,tsx}'],
    apply: ['searchEngineClient', 'databaseDrivers', 'postgresClient', 'databaseClient'],
  },
  {
    name: 'components',
    files: ['components/**/*.{ts,tsx}'],
    apply: [
      'searchEngineClient',
      'databaseDrivers',
      'postgresClient',
      'databaseClient',
      'databaseSchema',
      'dataAccess',
    ],
  },
  {
    name: 'lib-search',
    files: ['lib/search/**/*.{ts,tsx}'],
    apply: ['databaseDrivers', 'postgresClient'],
  },
  {
    name: 'db-client',
    files: ['db/index.ts'],
    apply: ['searchEngineClient'],
  },
  {
    name: 'test-database',
    files: ['tests/support/database.ts'],
    apply: ['searchEngineClient', 'databaseDrivers'],
  },
];

const boundaryBlocks = areas.map(({ name, files, apply }) => ({
  name: `unknot/boundaries/${name}`,
  files,
  rules: {
    'no-restricted-imports': 'off',
    '@typescript-eslint/no-restricted-imports': [
      'error',
      { patterns: apply.flatMap((key) => restrictions[key].patterns) },
    ],
  },
}));

export default defineConfig(
  {
    name: 'unknot/ignores',
    ignores: [
      '.next/**',
      'node_modules/**',
      '.data/**',
      'db/migrations/**',
      'reports/**',
      'test-results/**',
      'coverage/**',
      'out/**',
      'next-env.d.ts',
    ],
  },
  js.configs.recommended,
  ...nextCoreWebVitals,
  ...nextTypescript,
  ...tseslint.configs.recommendedTypeChecked.map((config) => ({
    ...config,
    files: TS_FILES,
  })),
  {
    name: 'unknot/typed',
    files: TS_FILES,
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            { from: 'package', package: 'node:test', name: ['test', 'describe', 'it', 'suite'] },
          ],
        },
      ],
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-unused-expressions': 'error',
    },
  },
  {
    ...tseslint.configs.disableTypeChecked,
    name: 'unknot/javascript',
    files: JS_FILES,
  },
  {
    name: 'unknot/config-files',
    files: ['*.config.{js,mjs,cjs,ts,mts}'],
    rules: {
      'import/no-anonymous-default-export': 'off',
    },
  },
  ...boundaryBlocks,
);
