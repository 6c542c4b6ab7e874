import { createCatalogDb, type CatalogDb } from './schema';

let instance: CatalogDb | undefined;

/** The app's single database handle (lazily created; works in the window and in workers). */
export function getDb(): CatalogDb {
  instance ??= createCatalogDb();
  return instance;
}

/** Tests: replace the handle (e.g. with a uniquely named database). */
export function setDbForTests(db: CatalogDb): void {
  instance = db;
}
