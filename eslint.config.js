// Flat config (ESLint 10). Boundary rules mirror DEVELOPERS.md: app → features → components/hooks;
// features → db, workers, core; db → core; workers → core, db; core → core only.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const FEATURES = ['catalog', 'asset', 'lineage', 'import', 'export', 'licenses', 'curation', 'sync'];

// One writer: every write goes through the catalog worker (src/workers/catalogWrites.ts), which takes the
// cross-tab lock and announces the change. The window reads through the repositories, never writes.
const DB_WRITES = [
  'addImportRun',
  'updateImportRun',
  'importParsedFile',
  'importParsedFiles',
  'restoreExport',
  'clearCatalog',
  'setSetting',
  'setSettings',
  'updateCuration',
  'addTags',
  'removeTags',
  'setStatus',
  'createCollection',
  'addToCollection',
  'removeFromCollection',
  'renameCollection',
  'deleteCollection',
  'deleteAssets',
  'undoDelete',
  'decideEdge',
  'clearEdgeDecision',
  'saveView',
  'deleteSavedView',
  'putPlan',
  'deletePlan',
  'touchCatalog',
  'applySyncBatch',
  'putSearchCache',
  'getDb',
  'setDbForTests',
  'createCatalogDb',
];
const DB_WRITES_PATH = {
  name: '@/db',
  importNames: DB_WRITES,
  message:
    'Writes go through the catalog worker: use @/workers/catalogWrites (one writer, every tab in step).',
};
const DB_DEEP_PATTERN = {
  group: ['@/db/*', '!@/db/rows'],
  message: 'Import the repositories from @/db (types from @/db/rows).',
};

const featureRules = FEATURES.map((f) => ({
  files: [`src/features/${f}/**`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        paths: [{ name: 'dexie', message: 'Use the repositories in src/db' }, DB_WRITES_PATH],
        patterns: [
          {
            group: ['@/features/*', `!@/features/${f}`, `!@/features/${f}/**`, '@/app/*', '../../*'],
            message: 'A feature never imports another feature (or app/); compose in src/app.',
          },
          DB_DEEP_PATTERN,
        ],
      },
    ],
  },
}));

const appRules = {
  files: ['src/app/**'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        paths: [{ name: 'dexie', message: 'Use the repositories in src/db' }, DB_WRITES_PATH],
        patterns: [DB_DEEP_PATTERN],
      },
    ],
  },
};

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-*',
      'node_modules',
      'test-results',
      'playwright-report',
      'public',
      'bench/data',
      '.ci-check',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Async must be awaited or explicitly voided (style rule 14).
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'smart'],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      // Named exports only (style rule 4).
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
      ],
    },
  },
  {
    files: ['src/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'react',
                'react-*',
                'dexie',
                'dexie-*',
                '@xyflow/*',
                '@tanstack/*',
                'dompurify',
                'marked',
              ],
              message: 'core/ is pure TypeScript.',
            },
            {
              group: ['@/app/*', '@/features/*', '@/components/*', '@/hooks/*', '@/db/*', '@/workers/*'],
              message: 'core/ imports only core/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/db/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'react',
                'react-*',
                '@/app/*',
                '@/features/*',
                '@/components/*',
                '@/hooks/*',
                '@/workers/*',
              ],
              message: 'db/ is React-free; it runs in the worker too.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/workers/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-*', '@/app/*', '@/features/*', '@/components/*', '@/hooks/*'],
              message: 'workers/ may import core/ and db/ only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/components/**', 'src/hooks/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'dexie', message: 'Use the repositories in src/db' }],
          patterns: [
            {
              group: ['@/app/*', '@/features/*', '@/db/*', '@/workers/*'],
              message: 'Shared UI imports core types only.',
            },
          ],
        },
      ],
    },
  },
  ...featureRules,
  appRules,
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'e2e/**', 'scripts/**', 'bench/**'],
    rules: {
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
