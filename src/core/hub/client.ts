/**
 * Hugging Face Hub client for "Import from Hugging Face": reads what the person typed (model ids, `datasets/...`
 * ids, owner names, Hub URLs), fetches each repository's raw README and its metadata from the public API, and hands
 * back the README as a file for the ordinary import (same parsers, same report). Every request goes to the
 * configured endpoint's origin only; `fetch` and `sleep` are injected (tests pass fakes). Never throws: each id gets
 * a result (imported, not found, gated, rate-limited, offline, error).
 */
import { stringify } from 'yaml';
import { parseFile } from '../formats/parseFile';
import { isObject } from '../util/values';

export const DEFAULT_HUB_ENDPOINT = 'https://huggingface.co';

export type HubRepoKind = 'model' | 'dataset';

export type HubRef =
  | { kind: HubRepoKind; id: string; input: string }
  | { kind: 'owner'; owner: string; input: string }
  | { kind: 'invalid'; input: string; message: string };

export type HubFile = { name: string; text: string };

export type HubStatus =
  'imported' | 'not-found' | 'gated' | 'rate-limited' | 'offline' | 'error' | 'cancelled';

export type HubResult = {
  /** `owner/name` (datasets prefixed `datasets/`), or the owner name / typed text. */
  label: string;
  status: HubStatus;
  message: string;
  file?: HubFile;
  /** Base models the card names (for "fetch missing ancestors"). */
  baseModels?: string[];
};

type FetchLike = (
  url: string,
  init: { headers: Record<string, string>; signal?: AbortSignal },
) => Promise<{
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}>;

export type HubClientOptions = {
  endpoint?: string;
  token?: string;
  fetch: FetchLike;
  sleep?: (ms: number) => Promise<void>;
  /** Retries after a 429 (with backoff) before reporting "rate-limited". */
  retries?: number;
  /** Repositories listed per owner (models and datasets each). */
  ownerLimit?: number;
};

const REPO = /^[A-Za-z0-9][\w.-]*(?:\/[\w.-]+)?$/;
const OWNER = /^[A-Za-z0-9][\w.-]*$/;

/** The endpoint's origin (`https://huggingface.co`), or undefined when it is not an http(s) URL. */
export function hubOrigin(endpoint: string): string | undefined {
  try {
    const u = new URL(endpoint.trim());
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * One line of input → what to fetch. Accepts `owner/name`, `datasets/owner/name`, a bare owner name (`owner`),
 * and URLs on huggingface.co, hf.co or the configured endpoint (`/owner/name`, `/datasets/owner/name`, `/owner`,
 * with `/tree/main/...` and the like ignored).
 */
export function parseHubLine(line: string, endpoint = DEFAULT_HUB_ENDPOINT): HubRef | undefined {
  const input = line.trim();
  if (input === '' || input.startsWith('#')) return undefined;
  let path = input;
  const url = /^(?:https?:\/\/)?([^/\s]+)(\/.*)?$/i.exec(input);
  const endpointHost = hubOrigin(endpoint) ? new URL(endpoint).host.toLowerCase() : '';
  if (url?.[1] && (/^https?:\/\//i.test(input) || /\.(?:co|com|org|io)$/i.test(url[1]))) {
    const host = url[1].toLowerCase().replace(/^www\./, '');
    if (host !== 'huggingface.co' && host !== 'hf.co' && host !== endpointHost)
      return { kind: 'invalid', input, message: `not a Hugging Face URL (${host})` };
    path = (url[2] ?? '').replace(/[?#].*$/, '');
  }
  const parts = path.split('/').filter((p) => p !== '');
  let kind: HubRepoKind = 'model';
  if (parts[0] === 'datasets') {
    kind = 'dataset';
    parts.shift();
  } else if (parts[0] === 'models') parts.shift();
  else if (parts[0] === 'spaces') return { kind: 'invalid', input, message: 'Spaces are not imported' };
  if (parts.length === 0) return { kind: 'invalid', input, message: 'no repository id' };
  if (parts.length === 1 && kind === 'model') {
    const owner = parts[0] ?? '';
    return OWNER.test(owner)
      ? { kind: 'owner', owner, input }
      : { kind: 'invalid', input, message: 'not an owner name' };
  }
  const id = parts.slice(0, 2).join('/');
  if (!REPO.test(id)) return { kind: 'invalid', input, message: 'not a repository id' };
  return { kind, id, input };
}

/** Every line of the textbox, de-duplicated. */
export function parseHubInput(text: string, endpoint = DEFAULT_HUB_ENDPOINT): HubRef[] {
  const seen = new Set<string>();
  const out: HubRef[] = [];
  for (const line of text.split(/\r?\n/)) {
    const ref = parseHubLine(line, endpoint);
    if (!ref) continue;
    const key =
      ref.kind === 'owner'
        ? `owner:${ref.owner.toLowerCase()}`
        : ref.kind === 'invalid'
          ? `x:${ref.input}`
          : `${ref.kind}:${ref.id.toLowerCase()}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(ref);
  }
  return out;
}

type Got = { ok: true; status: number; text: string } | { ok: false; result: Omit<HubResult, 'label'> };

function labelOf(kind: HubRepoKind, id: string): string {
  return kind === 'dataset' ? `datasets/${id}` : id;
}

/** A Hub client bound to one endpoint and token. */
export class HubClient {
  private readonly origin: string | undefined;
  private readonly token: string | undefined;
  private readonly fetchImpl: FetchLike;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly retries: number;
  private readonly ownerLimit: number;

  constructor(opts: HubClientOptions) {
    this.origin = hubOrigin(opts.endpoint ?? DEFAULT_HUB_ENDPOINT);
    this.token = opts.token?.trim() || undefined;
    this.fetchImpl = opts.fetch;
    this.sleep = opts.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    this.retries = opts.retries ?? 3;
    this.ownerLimit = opts.ownerLimit ?? 50;
  }

  /** GET `path` on the endpoint's origin; 429 retried with backoff; transport failures reported as offline. */
  private async get(path: string, signal?: AbortSignal): Promise<Got> {
    if (!this.origin)
      return {
        ok: false,
        result: {
          status: 'error',
          message: 'The Hugging Face endpoint is not an http(s) URL (see Settings).',
        },
      };
    const headers: Record<string, string> = {};
    if (this.token) headers.Authorization = `Bearer ${this.token}`;
    for (let attempt = 0; ; attempt++) {
      if (signal?.aborted) return { ok: false, result: { status: 'cancelled', message: 'cancelled' } };
      let res: Awaited<ReturnType<FetchLike>>;
      try {
        res = await this.fetchImpl(`${this.origin}${path}`, { headers, ...(signal ? { signal } : {}) });
      } catch (e) {
        if (signal?.aborted) return { ok: false, result: { status: 'cancelled', message: 'cancelled' } };
        return {
          ok: false,
          result: {
            status: 'offline',
            message: `offline: ${this.origin} could not be reached (${e instanceof Error ? e.message : String(e)}). Check the connection or the endpoint setting, then fetch again.`,
          },
        };
      }
      if (res.status === 429) {
        if (attempt < this.retries) {
          const after = Number(res.headers.get('retry-after'));
          const wait = Number.isFinite(after) && after > 0 ? Math.min(after, 30) * 1000 : 1000 * 2 ** attempt;
          await this.sleep(wait);
          continue;
        }
        return {
          ok: false,
          result: {
            status: 'rate-limited',
            message: `rate-limited: the Hub answered 429 Too Many Requests ${this.retries + 1} times; wait a few minutes and fetch again${this.token ? '' : ' (an access token raises the limit)'}.`,
          },
        };
      }
      if (res.status === 401 || res.status === 403)
        return {
          ok: false,
          result: {
            status: 'gated',
            message: this.token
              ? `gated (${res.status}): this access token may not read the repository. Accept its conditions on the Hub page with the token's account, or use a token with read access.`
              : `gated (${res.status}): the repository needs sign-in. Accept its conditions on the Hub page, then paste a read access token in Settings and fetch again.`,
          },
        };
      if (res.status === 404)
        return { ok: false, result: { status: 'not-found', message: 'not found on the Hub (404)' } };
      if (res.status < 200 || res.status >= 300)
        return { ok: false, result: { status: 'error', message: `the Hub answered ${res.status}` } };
      return { ok: true, status: res.status, text: await res.text() };
    }
  }

  /** Fetches one model or dataset repository: API metadata, then the raw README (or the API's card data). */
  async fetchRepo(kind: HubRepoKind, id: string, signal?: AbortSignal): Promise<HubResult> {
    const label = labelOf(kind, id);
    const seg = kind === 'dataset' ? 'datasets' : 'models';
    const api = await this.get(`/api/${seg}/${id}`, signal);
    if (!api.ok) return { label, ...api.result };
    let meta: unknown;
    try {
      meta = JSON.parse(api.text);
    } catch {
      meta = undefined;
    }
    const readmePath = `${kind === 'dataset' ? '/datasets' : ''}/${id}/raw/main/README.md`;
    const readme = await this.get(readmePath, signal);
    let text: string;
    let how = 'README.md';
    if (readme.ok) text = readme.text;
    else if (readme.result.status === 'not-found' && isObject(meta) && isObject(meta.cardData)) {
      text = `---\n${stringify(meta.cardData)}---\n`;
      how = 'the API card data (no README.md)';
    } else if (readme.result.status === 'not-found') {
      return { label, status: 'not-found', message: 'the repository has no README.md card' };
    } else return { label, ...readme.result };
    const file: HubFile = { name: `${seg}/${id.replace('/', '__')}/README.md`, text };
    const parsed = parseFile(file);
    const baseModels = [...new Set(parsed.assets.flatMap((a) => a.baseModels ?? []))];
    const gated =
      isObject(meta) && meta.gated !== undefined && meta.gated !== false ? ' (gated repository)' : '';
    return { label, status: 'imported', message: `fetched ${how}${gated}`, file, baseModels };
  }

  /** Lists an owner's models and datasets (up to `ownerLimit` each). */
  async listOwner(owner: string, signal?: AbortSignal): Promise<{ refs: HubRef[]; result?: HubResult }> {
    const refs: HubRef[] = [];
    for (const kind of ['model', 'dataset'] as const) {
      const got = await this.get(
        `/api/${kind === 'model' ? 'models' : 'datasets'}?author=${encodeURIComponent(owner)}&limit=${this.ownerLimit}`,
        signal,
      );
      if (!got.ok) return { refs, result: { label: owner, ...got.result } };
      let list: unknown;
      try {
        list = JSON.parse(got.text);
      } catch {
        list = [];
      }
      for (const item of Array.isArray(list) ? list : []) {
        const id = isObject(item) && typeof item.id === 'string' ? item.id : undefined;
        if (id && REPO.test(id)) refs.push({ kind, id, input: owner });
      }
    }
    if (refs.length === 0)
      return {
        refs,
        result: { label: owner, status: 'not-found', message: 'no models or datasets for this owner' },
      };
    return { refs };
  }
}
