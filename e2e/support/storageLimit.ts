import type { Page } from '@playwright/test';

const KEY = 'e2e:storage-limit';

/**
 * A full disk for the catalog worker. Chromium ignores DevTools' `Storage.overrideQuotaForOrigin` now (the call
 * succeeds, nothing is enforced), so this stands in for the browser: the catalog worker is started from a small
 * module that first makes IndexedDB's `put` and `add` throw `QuotaExceededError` (as a full disk does) once the
 * values written by that worker pass `bytes`, then imports the real worker. The limit is read from localStorage
 * when the page loads: `lift()` and a reload give the worker its disk back.
 */
export async function limitCatalogStorage(page: Page): Promise<{
  set: (bytes: number) => Promise<void>;
  lift: () => Promise<void>;
}> {
  await page.addInitScript((key: string) => {
    const limit = Number(localStorage.getItem(key) ?? 0);
    if (!limit) return;
    const Native = window.Worker;
    const patch = (budget: number) => {
      let used = 0;
      const size = (v: unknown): number => {
        try {
          return JSON.stringify(v)?.length ?? 0;
        } catch {
          return 1_000;
        }
      };
      for (const method of ['put', 'add'] as const) {
        const { [method]: native } = Object.getOwnPropertyDescriptors(
          IDBObjectStore.prototype,
        ) as unknown as Record<
          typeof method,
          { value: (this: IDBObjectStore, value: unknown, key?: IDBValidKey) => IDBRequest<IDBValidKey> }
        >;
        IDBObjectStore.prototype[method] = function (
          this: IDBObjectStore,
          value: unknown,
          key?: IDBValidKey,
        ) {
          used += size(value);
          if (used > budget) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          return native.value.call(this, value, key);
        };
      }
    };
    class LimitedWorker extends Native {
      constructor(url: string | URL, options?: WorkerOptions) {
        if (options?.name !== 'tarn-catalog' || options.type !== 'module') {
          super(url, options);
          return;
        }
        const target = new URL(String(url), location.href).href;
        // Static imports run in order, before the worker takes its first message.
        const blob = (text: string) => URL.createObjectURL(new Blob([text], { type: 'text/javascript' }));
        const first = blob(`(${patch.toString()})(${limit});\n`);
        super(blob(`import ${JSON.stringify(first)};\nimport ${JSON.stringify(target)};\n`), options);
      }
    }
    window.Worker = LimitedWorker;
  }, KEY);
  return {
    set: async (bytes) => {
      await page.evaluate(([k, b]) => localStorage.setItem(k, String(b)), [KEY, bytes] as const);
    },
    lift: async () => {
      await page.evaluate((k) => localStorage.removeItem(k), KEY);
    },
  };
}
