/// <reference types="pouchdb-browser" />
// pouchdb-adapter-memory ships no types; unit tests plug it into PouchDB (an in-memory adapter for Node).
declare module 'pouchdb-adapter-memory' {
  const plugin: PouchDB.Plugin;
  export = plugin;
}
