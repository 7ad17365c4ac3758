/**
 * Bounded memoisation for the pure steps of name analysis (readings of a Han stretch, the
 * segmentation of a CJK run, Japanese readings of a kanji word). Names repeat their words heavily
 * — in real lists and in the synthetic benchmark set — and a million-entity index build reads the
 * same surnames, given-name pairs and organisation words many times over.
 *
 * The server keeps an index (and this module) alive for days, so every cache is bounded: two
 * generations of at most `capacity` entries each. A hit in the older generation moves the entry to
 * the newer one; when the newer one is full, the older one is dropped. The memoised functions are
 * pure and their callers only read the cached results (copying what they put into tokens), so a hit
 * returns exactly what a fresh call would: the result never depends on what was analysed before,
 * nor on the order list entities are added in (analysis-memo.test.ts). Results are not frozen:
 * freezing every cached object cost more than the caches saved.
 */
export class BoundedCache<K, V> {
  private young = new Map<K, V>();
  private old = new Map<K, V>();
  constructor(private readonly capacity: number) {}

  get(key: K): V | undefined {
    const v = this.young.get(key);
    if (v !== undefined) return v;
    const o = this.old.get(key);
    if (o !== undefined) this.set(key, o);
    return o;
  }

  set(key: K, value: V): void {
    if (this.young.size >= this.capacity) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, value);
  }

  /** Entries held (both generations; at most twice the capacity). */
  get size(): number {
    return this.young.size + this.old.size;
  }

  /** Every entry held, each once (an entry in both generations is the newer one's). */
  *entries(): IterableIterator<[K, V]> {
    yield* this.young;
    for (const e of this.old) if (!this.young.has(e[0])) yield e;
  }

  clear(): void {
    this.young.clear();
    this.old.clear();
  }
}
