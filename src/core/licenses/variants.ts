/**
 * Variant applier for license-cases.json: keys are dotted paths (`assets.<id>.<field>`, `intended_use.<field>`,
 * `relations.<index>.attrs`, `profile`, `target`), `assets+` appends assets and `relations` replaces the list.
 * Array segments match an element by `id` or by numeric index. Never mutates its input.
 */

type Json = unknown;

function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function childOf(container: unknown, seg: string, create: boolean): unknown {
  if (Array.isArray(container)) {
    const byId: unknown = (container as unknown[]).find((el) => isRecord(el) && el.id === seg);
    if (byId !== undefined) return byId;
    if (/^\d+$/.test(seg)) {
      const i = Number(seg);
      if (container[i] === undefined && create) container[i] = {};
      return container[i];
    }
    if (create) {
      const el: Record<string, unknown> = { id: seg };
      container.push(el);
      return el;
    }
    return undefined;
  }
  if (isRecord(container)) {
    if (container[seg] === undefined && create) container[seg] = {};
    return container[seg];
  }
  return undefined;
}

function setPath(root: Record<string, unknown>, path: string[], value: Json): void {
  let cur: unknown = root;
  for (let i = 0; i < path.length - 1; i++) {
    cur = childOf(cur, path[i] as string, true);
    if (cur === undefined) return;
  }
  const last = path[path.length - 1] as string;
  if (Array.isArray(cur)) {
    const idx = /^\d+$/.test(last) ? Number(last) : cur.findIndex((el) => isRecord(el) && el.id === last);
    if (idx >= 0) cur[idx] = clone(value);
    else cur.push(clone(value));
  } else if (isRecord(cur)) {
    cur[last] = clone(value);
  }
}

/**
 * Splits a dotted path. Asset ids may contain dots, so after `assets` the id is matched greedily against the
 * existing asset ids.
 */
function splitPath(root: Record<string, unknown>, key: string): string[] {
  const parts = key.split('.');
  if (parts[0] === 'assets' && Array.isArray(root.assets) && parts.length > 2) {
    const ids = new Set(root.assets.filter(isRecord).map((a) => String(a.id)));
    for (let n = parts.length - 1; n >= 2; n--) {
      const candidate = parts.slice(1, n).join('.');
      if (ids.has(candidate)) return ['assets', candidate, ...parts.slice(n)];
    }
  }
  return parts;
}

/** Applies one variant `change` object to a case and returns the new case. */
export function applyVariant<T extends object>(base: T, change: Record<string, unknown>): T {
  const out = clone<T>(base);
  const rec = out as Record<string, unknown>;
  for (const [key, value] of Object.entries(change ?? {})) {
    if (key === 'assets+') {
      const list = Array.isArray(rec.assets) ? (rec.assets as unknown[]) : [];
      const added: unknown[] = Array.isArray(value) ? clone<unknown[]>(value) : [clone<unknown>(value)];
      rec.assets = [...list, ...added];
    } else if (key === 'relations') {
      rec.relations = clone(value);
    } else {
      setPath(rec, splitPath(rec, key), value);
    }
  }
  return out;
}

/** One runnable scenario derived from a case: the case itself or one of its variants. */
export type ExpandedCase<T> = { label: string; scenario: T; variantIndex: number | null };

/** Expands a case into itself plus one scenario per variant. */
export function expandVariants<T extends { id?: string; variants?: { change?: Record<string, unknown> }[] }>(
  c: T,
): ExpandedCase<T>[] {
  const out: ExpandedCase<T>[] = [{ label: c.id ?? 'case', scenario: c, variantIndex: null }];
  (c.variants ?? []).forEach((v, i) => {
    out.push({
      label: `${c.id ?? 'case'} variant ${i + 1}`,
      scenario: applyVariant(c, v.change ?? {}),
      variantIndex: i,
    });
  });
  return out;
}
