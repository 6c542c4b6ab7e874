export { getDb, setDbForTests } from './db';
export { createCatalogDb, DB_NAME, TABLES, type CatalogDb } from './schema';
export * from './catalogRepo';
export * from './importRepo';
export * from './settingsRepo';
export * from './curationRepo';
export type * from './rows';
export * from './savedViewsRepo';
export * from './searchIndexRepo';
