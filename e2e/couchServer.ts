/**
 * Playwright global setup: a CouchDB-compatible server for the team-sync specs (pouchdb-server, in memory,
 * on TARN_COUCH_PORT or 5985), with one admin the specs sign in as. Started with this Node (not npx, whose
 * parent would outlive a kill) in a scratch folder (it writes config.json and log.txt), stopped by PID.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COUCH_ADMIN, COUCH_ORIGIN, COUCH_PASSWORD } from './pages/syncPanel';

const BIN = fileURLToPath(new URL('../node_modules/pouchdb-server/bin/pouchdb-server', import.meta.url));

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false;
  }
}

// Playwright loads a global setup by its default export.
export default async function globalSetup(): Promise<() => void> {
  const dir = mkdtempSync(join(tmpdir(), 'tarn-couch-'));
  const port = new URL(COUCH_ORIGIN).port;
  const child = spawn(
    process.execPath,
    [BIN, '--in-memory', '--port', port, '--host', '127.0.0.1', '--no-stdout-logs'],
    {
      cwd: dir,
      stdio: 'ignore',
    },
  );
  const stop = () => {
    if (child.exitCode === null) child.kill();
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 30_000;
  while (!(await answers(`${COUCH_ORIGIN}/`))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      stop();
      throw new Error(`pouchdb-server did not start on ${COUCH_ORIGIN}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  // Leaves the "admin party": the specs sync with a user and password, as a team would.
  const admin = await fetch(`${COUCH_ORIGIN}/_config/admins/${COUCH_ADMIN}`, {
    method: 'PUT',
    body: JSON.stringify(COUCH_PASSWORD),
  });
  if (!admin.ok) {
    stop();
    throw new Error(`could not create the CouchDB admin: ${admin.status}`);
  }
  return stop;
}
