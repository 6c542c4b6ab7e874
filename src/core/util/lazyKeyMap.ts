/**
 * A key → position map over a list of keys, filled on first use. At 100k rows, filling a Map costs tens of
 * milliseconds; a cold start's first queries (default view, text search over a packed index) never look a
 * key up, so the map is filled later (idle time) or by the first lookup. Until then `size` is the number of
 * keys (they are unique; with duplicates, the filled map is smaller and the last position wins, as with
 * `new Map(keys.map((k, i) => [k, i]))`).
 */
export class LazyKeyMap extends Map<string, number> {
  private pending: readonly string[] | undefined;

  constructor(keys: readonly string[]) {
    super();
    this.pending = keys;
  }

  /** Whether the map has been filled (tests, warm-up). */
  get filled(): boolean {
    return this.pending === undefined;
  }

  /** Fills the map now (a no-op once filled). */
  fill(): this {
    const keys = this.pending;
    if (keys) {
      this.pending = undefined;
      for (let i = 0; i < keys.length; i++) super.set(keys[i] ?? '', i);
    }
    return this;
  }

  override get size(): number {
    return this.pending ? this.pending.length : super.size;
  }
  override get(key: string): number | undefined {
    return this.fill() && super.get(key);
  }
  override has(key: string): boolean {
    return this.fill() && super.has(key);
  }
  override set(key: string, value: number): this {
    this.fill();
    return super.set(key, value);
  }
  override delete(key: string): boolean {
    return this.fill() && super.delete(key);
  }
  override clear(): void {
    this.pending = undefined;
    super.clear();
  }
  override forEach(
    fn: (value: number, key: string, map: Map<string, number>) => void,
    thisArg?: unknown,
  ): void {
    this.fill();
    super.forEach(fn, thisArg);
  }
  override entries(): MapIterator<[string, number]> {
    return this.fill() && super.entries();
  }
  override keys(): MapIterator<string> {
    return this.fill() && super.keys();
  }
  override values(): MapIterator<number> {
    return this.fill() && super.values();
  }
  override [Symbol.iterator](): MapIterator<[string, number]> {
    return this.fill() && super[Symbol.iterator]();
  }
}
