/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

/**
 * Production CSP: the app talks to its own origin only and never runs inline or remote scripts, so a
 * card's markdown cannot load anything from elsewhere even if sanitizing missed something.
 * connect-src also admits https origins and loopback ports: the Hugging Face endpoint, a published catalog and a
 * CouchDB server are origins the person configures at run time, and the app contacts them only on that person's
 * explicit action (every remote fetch goes to a configured origin; e2e fails on any other request).
 * (Not in dev: Vite's dev server injects inline scripts.)
 */
const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "connect-src 'self' https: http://127.0.0.1:* http://localhost:*; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'none'";

function cspPlugin(): Plugin {
  return {
    name: 'tarn-csp',
    apply: 'build',
    transformIndexHtml: (html) =>
      html.replace(
        '<meta charset="UTF-8" />',
        `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`,
      ),
  };
}

const src = fileURLToPath(new URL('./src', import.meta.url));
// pouchdb-browser imports Node's `events`; browsers have none, so it gets a small EventEmitter of ours.
const eventsShim = fileURLToPath(new URL('./src/workers/catalog/sync/eventsShim.ts', import.meta.url));

export default defineConfig({
  plugins: [react(), cspPlugin()],
  resolve: { alias: { '@': src, events: eventsShim } },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
    outDir: process.env.TARN_DIST ?? 'dist',
  },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    exclude: ['src/**/*.corpus.test.ts', 'node_modules/**'],
    environment: 'node',
    setupFiles: ['src/testing/setup.ts'],
  },
});
