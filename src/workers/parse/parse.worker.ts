/// <reference lib="webworker" />
// Parse worker of the import pool: prepares the files it is sent (see prepare.ts). Keep it thin.
import { prepareFile, type ParseRequest, type ParseResponse } from './prepare';

const decoder = new TextDecoder('utf-8');

self.addEventListener('message', (e: MessageEvent<ParseRequest>) => {
  const { id, inputs } = e.data;
  void (async () => {
    const t0 = performance.now();
    const prepared = [];
    for (const input of inputs) prepared.push(await prepareFile(input, decoder));
    self.postMessage({ id, prepared, ms: performance.now() - t0 } satisfies ParseResponse);
  })();
});
self.postMessage({ ready: true });
