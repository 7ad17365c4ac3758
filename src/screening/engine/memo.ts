/**
 * Bounded memoisation for the pure steps of name analysis (readings of a Han stretch, the
 * segmentation of a CJK run, Japanese readings of a kanji word). Names repeat their words heavily
 * — in real lists and in the synthetic benchmark set — and a million-entity index build spends most
 * of its time analysing the same surnames, given-name pairs and organisation words again.
 *
 * The server keeps an index (and this module) alive for days, so every cache is bounded: two
 * generations of at most `capacity` entries each. A hit in the older generation moves the entry to
 * the newer one; when the newer one is full, the older one is dropped. The memoised functions are
 * pure and their cached results are frozen, so a hit returns exactly what a fresh call would: the
 * result never depends on what was analysed before (nor on the order list entities are added in).
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

  clear(): void {
    this.young.clear();
    this.old.clear();
  }
}

/**
 * Freezes a value and everything reachable from it (plain objects and arrays), so that a cached
 * analysis result shared between callers cannot be changed by one of them: a caller that tried
 * would throw (modules run in strict mode) instead of silently altering later results.
 */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== "object" || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const v of Object.values(value as object)) deepFreeze(v);
  return value;
}
