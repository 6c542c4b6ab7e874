/// <reference lib="webworker" />
// Worker entry: wires the RPC protocol to the catalog handlers. Keep it thin.
import type { CatalogChange } from '../catalogEvents';
import { serveHandlers } from '../rpc';
import { catalogHandlers, catalogWriter } from './handlers';
import { catalogEngine } from './search';

const server = serveHandlers<CatalogChange>(self, catalogHandlers);
// Every committed write (this tab's, and other tabs' once applied here) goes to the window as an event.
catalogWriter.subscribe(server.emit);
// Read the catalog while the window boots.
catalogEngine.preload();
