import { useEffect, useId, useRef, useState } from 'react';
import { existingKeys } from '@/db';
import {
  DEFAULT_HUB_ENDPOINT,
  HubClient,
  hubOrigin,
  parseHubInput,
  type HubRef,
  type HubResult,
} from '@/core/hub/client';
import { assetKey } from '@/core/model';
import { startImport, useImportState } from './importStore';

/**
 * Hub settings live in this browser only (localStorage): never in the catalog database, so never in an export.
 */
const KEYS = { endpoint: 'tarn.hub.endpoint', token: 'tarn.hub.token', depth: 'tarn.hub.depth' } as const;

function readSetting(key: string, fallback: string): string {
  try {
    return window.localStorage.getItem(key) ?? fallback;
  } catch {
    return fallback;
  }
}

function writeSetting(key: string, value: string): void {
  try {
    if (value === '') window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, value);
  } catch {
    // Storage unavailable (private mode): the value lasts for this dialog only.
  }
}

const STATUS_TEXT: Readonly<Record<HubResult['status'], string>> = {
  imported: 'fetched',
  'not-found': 'not found',
  gated: 'gated',
  'rate-limited': 'rate-limited',
  offline: 'offline',
  error: 'error',
  cancelled: 'cancelled',
};

/** How many repositories are fetched at once. */
const PARALLEL = 4;

function browserFetch(url: string, init: { headers: Record<string, string>; signal?: AbortSignal }) {
  return fetch(url, { ...init, credentials: 'omit', mode: 'cors', referrerPolicy: 'no-referrer' });
}

/** The "Import from Hugging Face" dialog. */
function HubImportDialog({ onClose }: { onClose: () => void }) {
  const importing = useImportState().running;
  const [text, setText] = useState('');
  const [endpoint, setEndpoint] = useState(() => readSetting(KEYS.endpoint, DEFAULT_HUB_ENDPOINT));
  const [token, setToken] = useState(() => readSetting(KEYS.token, ''));
  const [depth, setDepth] = useState(() => Number(readSetting(KEYS.depth, '2')) || 2);
  const [results, setResults] = useState<HubResult[]>([]);
  const [progress, setProgress] = useState<{ done: number; total: number }>();
  const [missing, setMissing] = useState<{ ids: string[]; round: number }>();
  const [message, setMessage] = useState<string>();
  const attempted = useRef(new Set<string>());
  const controller = useRef<AbortController | undefined>(undefined);
  const titleId = useId();
  const running = progress !== undefined;

  useEffect(() => () => controller.current?.abort(), []);

  const run = async (refs: HubRef[], round: number) => {
    if (!hubOrigin(endpoint)) {
      setMessage('The Hugging Face endpoint must be an http(s) URL.');
      return;
    }
    setMessage(undefined);
    setMissing(undefined);
    const ctrl = new AbortController();
    controller.current = ctrl;
    const client = new HubClient({ endpoint, token, fetch: browserFetch });
    const out: HubResult[] = [];
    const push = (r: HubResult) => {
      out.push(r);
      setResults((prev) => [...prev, r]);
    };
    // Owners expand to their repositories first.
    const repos: { kind: 'model' | 'dataset'; id: string }[] = [];
    for (const ref of refs) {
      if (ref.kind === 'invalid') push({ label: ref.input, status: 'error', message: ref.message });
      else if (ref.kind === 'owner') {
        setProgress({ done: 0, total: refs.length });
        const listed = await client.listOwner(ref.owner, ctrl.signal);
        if (listed.result) push(listed.result);
        for (const r of listed.refs) if (r.kind === 'model' || r.kind === 'dataset') repos.push(r);
      } else repos.push(ref);
    }
    const todo = repos.filter((r) => {
      const k = `${r.kind}:${assetKey(r.id)}`;
      if (attempted.current.has(k)) return false;
      attempted.current.add(k);
      return true;
    });
    setProgress({ done: 0, total: todo.length });
    let done = 0;
    for (let i = 0; i < todo.length && !ctrl.signal.aborted; i += PARALLEL) {
      const batch = await Promise.all(
        todo.slice(i, i + PARALLEL).map((r) => client.fetchRepo(r.kind, r.id, ctrl.signal)),
      );
      for (const r of batch) push(r);
      done += batch.length;
      setProgress({ done, total: todo.length });
    }
    setProgress(undefined);
    controller.current = undefined;
    const files = out.flatMap((r) =>
      r.file ? [{ name: r.file.name, blob: new Blob([r.file.text], { type: 'text/markdown' }) }] : [],
    );
    if (files.length > 0) await startImport(files, 'Importing from Hugging Face');
    if (round >= depth) return;
    const named = [...new Set(out.flatMap((r) => r.baseModels ?? []))].filter(
      (id) => !attempted.current.has(`model:${assetKey(id)}`),
    );
    const present = await existingKeys(named);
    const ids = named.filter((id) => !present.has(assetKey(id)));
    if (ids.length > 0) setMissing({ ids, round: round + 1 });
  };

  const fetchTyped = () => {
    const refs = parseHubInput(text, endpoint);
    if (refs.length === 0) {
      setMessage('Type at least one model id, dataset id (datasets/owner/name), owner name or Hub URL.');
      return;
    }
    setResults([]);
    attempted.current.clear();
    void run(refs, 0);
  };

  return (
    <div className="dialog-backdrop" onClick={(e) => e.target === e.currentTarget && !running && onClose()}>
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        className="dialog hub-dialog"
        onKeyDown={(e) => e.key === 'Escape' && !running && onClose()}
      >
        <h2 id={titleId}>Import from Hugging Face</h2>
        <label className="stack">
          Hugging Face ids or URLs
          <textarea
            rows={5}
            value={text}
            placeholder={
              'meta-llama/Llama-3.1-8B\ndatasets/HuggingFaceH4/ultrachat_200k\nhttps://huggingface.co/mistralai'
            }
            onChange={(e) => setText(e.currentTarget.value)}
          />
        </label>
        <p className="muted">
          One per line: model ids, dataset ids (datasets/owner/name), owner names or Hub URLs. Tarn asks only
          the endpoint below, only when you click Fetch.
        </p>
        <details>
          <summary>Settings</summary>
          <label className="stack">
            Hugging Face endpoint
            <input
              type="text"
              value={endpoint}
              onChange={(e) => {
                setEndpoint(e.currentTarget.value);
                writeSetting(KEYS.endpoint, e.currentTarget.value.trim());
              }}
            />
          </label>
          <label className="stack">
            Hugging Face access token
            <input
              type="password"
              autoComplete="off"
              value={token}
              placeholder="optional, for gated repositories"
              onChange={(e) => {
                setToken(e.currentTarget.value);
                writeSetting(KEYS.token, e.currentTarget.value.trim());
              }}
            />
          </label>
          <p className="muted">The token stays in this browser (not in the catalog, not in exports).</p>
          <label className="stack">
            Ancestor depth
            <input
              type="number"
              min={0}
              max={10}
              value={depth}
              onChange={(e) => {
                const n = Math.max(0, Math.min(10, Math.round(Number(e.currentTarget.value) || 0)));
                setDepth(n);
                writeSetting(KEYS.depth, String(n));
              }}
            />
          </label>
        </details>
        {message ? (
          <p role="alert" className="issue-error">
            {message}
          </p>
        ) : null}
        {progress ? (
          <div role="group" aria-label="Hugging Face progress" className="inline">
            <progress
              max={Math.max(1, progress.total)}
              value={progress.done}
              aria-label="Hugging Face progress"
            />
            <span>
              Fetched {progress.done} of {progress.total}
            </span>
            <button type="button" onClick={() => controller.current?.abort()}>
              Cancel
            </button>
          </div>
        ) : null}
        {results.length > 0 ? (
          <ul aria-label="Hugging Face results" className="hub-results">
            {results.map((r, i) => (
              <li key={`${r.label}-${i}`} data-status={r.status}>
                <strong>{r.label}</strong>: {STATUS_TEXT[r.status]} — {r.message}
              </li>
            ))}
          </ul>
        ) : null}
        {missing && !running ? (
          <p>
            {missing.ids.length} base model{missing.ids.length === 1 ? '' : 's'} named in base_model{' '}
            {missing.ids.length === 1 ? 'is' : 'are'} not in the catalog: {missing.ids.join(', ')}.{' '}
            <button
              type="button"
              onClick={() =>
                void run(
                  missing.ids.map((id) => ({ kind: 'model', id, input: id })),
                  missing.round,
                )
              }
            >
              Fetch {missing.ids.length} missing ancestor{missing.ids.length === 1 ? '' : 's'}
            </button>
          </p>
        ) : null}
        <div className="dialog-actions">
          <button type="button" className="primary" disabled={running || importing} onClick={fetchTyped}>
            Fetch
          </button>
          <button type="button" disabled={running} onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </div>
  );
}

/** "Import from Hugging Face": opens the dialog. */
export function HubImportButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        Import from Hugging Face
      </button>
      {open ? <HubImportDialog onClose={() => setOpen(false)} /> : null}
    </>
  );
}
