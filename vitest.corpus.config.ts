import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** Corpus-wide tests: read ../shared (not in the repo). Run with `npm run test:corpus`. */
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  test: {
    include: ['src/**/*.corpus.test.ts'],
    environment: 'node',
    setupFiles: ['src/testing/setup.ts'],
    testTimeout: 120_000,
  },
});
