import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Absolute path of ../shared beside the repo (corpus, licenses). Corpus tests require it. */
export const SHARED_DIR = fileURLToPath(new URL('../../../shared', import.meta.url));
export const CORPUS_DIR = `${SHARED_DIR}/corpus`;

export function requireShared(): void {
  if (!existsSync(CORPUS_DIR)) {
    throw new Error(`../shared/corpus not found at ${CORPUS_DIR}; corpus tests need it beside the repo.`);
  }
}
