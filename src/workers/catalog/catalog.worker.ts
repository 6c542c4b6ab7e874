/// <reference lib="webworker" />
// Worker entry: wires the RPC protocol to the catalog handlers. Keep it thin.
import { serveHandlers } from '../rpc';
import { catalogHandlers } from './handlers';

serveHandlers(self, catalogHandlers);
