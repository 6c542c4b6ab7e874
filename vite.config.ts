/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

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

export default defineConfig({
  plugins: [
    react(),
    cspPlugin(),
    // Installable, and works offline after the first visit: the app shell (every built file and the demo
    // catalog) is precached by a Workbox service worker; a new version waits until the person reloads
    // ("update available", components/UpdatePrompt registers it).
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['favicon.svg'],
      manifest: {
        name: 'Tarn — model lake',
        short_name: 'Tarn',
        description:
          'A model lake in your browser: catalog, lineage and license checks for ML models and datasets.',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#f8fafc',
        theme_color: '#2563eb',
        icons: [
          { src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,json,webmanifest}'],
        // The demo catalog (1.4 MB) is fetched on demand, not installed with the app.
        globIgnores: ['demo-catalog.json'],
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        navigateFallback: '/index.html',
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  // pouchdb-browser imports Node's `events`: the `events` package answers (knip.json names it, as no file of ours imports it).
  resolve: { alias: { '@': src } },
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
