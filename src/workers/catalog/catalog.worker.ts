/// <reference lib="webworker" />
// Worker entry: wires the RPC protocol to the catalog handlers. Keep it thin.
import { serveHandlers } from '../rpc';
import { catalogHandlers } from './handlers';
import { preload } from './search';

serveHandlers(self, catalogHandlers);
// Read the catalog while the window boots.
preload();
