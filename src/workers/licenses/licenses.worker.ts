/// <reference lib="webworker" />
// Worker entry: wires the RPC protocol to the licence handlers. Keep it thin.
import { serveHandlers } from '../rpc';
import { licenseHandlers } from './handlers';

serveHandlers(self, licenseHandlers);
