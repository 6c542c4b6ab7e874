/// <reference lib="webworker" />
// Worker entry: wires the RPC protocol to the layout handlers. Keep it thin.
import { serveHandlers } from '../rpc';
import { layoutHandlers } from './handlers';

serveHandlers(self, layoutHandlers);
