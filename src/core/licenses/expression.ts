/**
 * SPDX-style licence expressions: a small AST, a tolerant parser, a formatter and OR-branch expansion.
 * Precedence (SPDX annex D): `+`, `WITH`, `AND`, `OR`; parentheses override.
 */

/** One licence atom (`MIT`, `LicenseRef-x`, `GPL-2.0-only WITH Classpath-exception-2.0`). */
export type LicenseAtom = { type: 'license'; id: string; exception?: string; plus?: boolean };

/** Expression tree. */
export type LicenseNode = LicenseAtom | { type: 'and' | 'or'; args: LicenseNode[] };

type Token =
  | { kind: 'op'; op: 'AND' | 'OR' | 'WITH' }
  | { kind: 'open' }
  | { kind: 'close' }
  | { kind: 'word'; text: string };

/** Upper bound on OR-expansion so hostile input stays cheap. */
const MAX_BRANCHES = 64;

function tokenize(input: string, lowerOps: boolean): Token[] {
  const tokens: Token[] = [];
  const parts = input.replace(/\(/g, ' ( ').replace(/\)/g, ' ) ').split(/\s+/).filter(Boolean);
  for (const p of parts) {
    if (p === '(') tokens.push({ kind: 'open' });
    else if (p === ')') tokens.push({ kind: 'close' });
    else if (p === 'AND' || p === 'OR' || p === 'WITH') tokens.push({ kind: 'op', op: p });
    else if (lowerOps && /^(and|or|with)$/i.test(p))
      tokens.push({ kind: 'op', op: p.toUpperCase() as 'AND' | 'OR' | 'WITH' });
    else tokens.push({ kind: 'word', text: p });
  }
  return tokens;
}

/** Raw parse result: atoms hold the unresolved text of each licence term (words joined by a space). */
export type RawNode =
  { type: 'raw'; text: string; exception?: string } | { type: 'and' | 'or'; args: RawNode[] };

/**
 * Tolerant parse of an expression whose atoms may be free text ("Apache 2.0 OR MIT").
 * Returns `null` when the structure is broken (unbalanced parentheses, dangling operator).
 */
export function parseRawExpression(input: string, lowerOps = true): RawNode | null {
  const tokens = tokenize(input, lowerOps);
  let pos = 0;
  const peek = (): Token | undefined => tokens[pos];

  function atom(): RawNode | null {
    const t = peek();
    if (!t) return null;
    if (t.kind === 'open') {
      pos++;
      const inner = orExpr();
      if (!inner || peek()?.kind !== 'close') return null;
      pos++;
      return inner;
    }
    if (t.kind !== 'word') return null;
    const words: string[] = [];
    while (peek()?.kind === 'word') {
      const w = peek() as { kind: 'word'; text: string };
      words.push(w.text);
      pos++;
    }
    const node: RawNode = { type: 'raw', text: words.join(' ') };
    const next = peek();
    if (next?.kind === 'op' && next.op === 'WITH') {
      pos++;
      const exc: string[] = [];
      while (peek()?.kind === 'word') {
        exc.push((peek() as { kind: 'word'; text: string }).text);
        pos++;
      }
      if (exc.length === 0) return null;
      node.exception = exc.join(' ');
    }
    return node;
  }

  function andExpr(): RawNode | null {
    const first = atom();
    if (!first) return null;
    const args = [first];
    while (peek()?.kind === 'op' && (peek() as { op: string }).op === 'AND') {
      pos++;
      const n = atom();
      if (!n) return null;
      args.push(n);
    }
    return args.length === 1 ? first : { type: 'and', args };
  }

  function orExpr(): RawNode | null {
    const first = andExpr();
    if (!first) return null;
    const args = [first];
    while (peek()?.kind === 'op' && (peek() as { op: string }).op === 'OR') {
      pos++;
      const n = andExpr();
      if (!n) return null;
      args.push(n);
    }
    return args.length === 1 ? first : { type: 'or', args };
  }

  const result = orExpr();
  if (!result || pos !== tokens.length) return null;
  return result;
}

/** Flattens nested AND/AND and OR/OR and removes duplicate atoms inside one operator. */
export function simplify(node: LicenseNode): LicenseNode {
  if (node.type === 'license') return node;
  const args: LicenseNode[] = [];
  const seen = new Set<string>();
  for (const a of node.args.map(simplify)) {
    const parts = a.type === node.type ? (a as { args: LicenseNode[] }).args : [a];
    for (const p of parts) {
      const key = formatExpression(p);
      if (seen.has(key)) continue;
      seen.add(key);
      args.push(p);
    }
  }
  if (args.length === 1 && args[0]) return args[0];
  return { type: node.type, args };
}

function atomText(a: LicenseAtom): string {
  return `${a.id}${a.plus ? '+' : ''}${a.exception ? ` WITH ${a.exception}` : ''}`;
}

/** Formats an AST as a canonical SPDX expression string (parentheses only where precedence needs them). */
export function formatExpression(node: LicenseNode): string {
  if (node.type === 'license') return atomText(node);
  const parts = node.args.map((a) => {
    const s = formatExpression(a);
    return node.type === 'and' && a.type === 'or' ? `(${s})` : s;
  });
  return parts.join(node.type === 'and' ? ' AND ' : ' OR ');
}

/** All atoms of an expression, in order. */
export function expressionAtoms(node: LicenseNode): LicenseAtom[] {
  if (node.type === 'license') return [node];
  return node.args.flatMap(expressionAtoms);
}

/**
 * Disjunctive normal form: every way a licensee may satisfy the expression, each a list of atoms that all apply.
 * Capped at 64 branches.
 */
export function orBranches(node: LicenseNode): LicenseAtom[][] {
  if (node.type === 'license') return [[node]];
  if (node.type === 'or') {
    const out: LicenseAtom[][] = [];
    for (const a of node.args) {
      for (const b of orBranches(a)) {
        if (out.length < MAX_BRANCHES) out.push(b);
      }
    }
    return out;
  }
  let acc: LicenseAtom[][] = [[]];
  for (const a of node.args) {
    const next: LicenseAtom[][] = [];
    for (const left of acc) {
      for (const right of orBranches(a)) {
        if (next.length < MAX_BRANCHES) next.push([...left, ...right]);
      }
    }
    acc = next;
  }
  return acc;
}

/** Joins several nodes with AND (returns the single node when there is one). */
export function andAll(nodes: LicenseNode[]): LicenseNode | null {
  if (nodes.length === 0) return null;
  if (nodes.length === 1) return nodes[0] ?? null;
  return simplify({ type: 'and', args: nodes });
}
