// Test setup shared by unit and corpus suites: an in-memory IndexedDB for db/ tests.
import 'fake-indexeddb/auto';
