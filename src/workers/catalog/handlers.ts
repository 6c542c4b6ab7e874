/** The catalog worker's handler map (also run in-thread as the fallback). */
import { clearCatalog } from '@/db';
import type { CallContext } from '../rpc';
import { importFiles } from './importFiles';
import type { InputFile } from './intake';
import { markSearchDirty, search } from './search';

export const catalogHandlers = {
  importFiles: async (args: { files: InputFile[] }, ctx: CallContext) => {
    try {
      return await importFiles(args, ctx);
    } finally {
      markSearchDirty();
    }
  },
  clearCatalog: async (_args: Record<string, never>, _ctx: CallContext) => {
    await clearCatalog();
    markSearchDirty();
    return { ok: true };
  },
  catalogChanged: (_args: Record<string, never>, _ctx: CallContext) => {
    markSearchDirty();
    return Promise.resolve({ ok: true });
  },
  search: (args: { q: string }, _ctx: CallContext) => search(args),
};

export type CatalogHandlers = typeof catalogHandlers;
