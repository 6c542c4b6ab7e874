/// <reference lib="webworker" />
// Worker entry: wires the RPC protocol to the layout handlers. Keep it thin.
import { serveHandlers } from '../rpc';
import { layoutHandlers } from './handlers';

// elkjs' bundled build installs its own `self.onmessage` dispatcher when it detects a worker
// scope; the RPC listener below is the only one that should answer.
self.onmessage = null;
serveHandlers(self, layoutHandlers);
