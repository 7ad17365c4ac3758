/** Append-only typed arrays: the index stores millions of small records without JS objects. */

export class GrowableUint32 {
  data: Uint32Array<ArrayBuffer>;
  length = 0;
  constructor(initial = 1024) {
    this.data = new Uint32Array(initial);
  }
  push(v: number): void {
    if (this.length === this.data.length) this.grow();
    this.data[this.length++] = v;
  }
  private grow(): void {
    const next = new Uint32Array(Math.max(1024, Math.floor(this.data.length * 1.6)));
    next.set(this.data);
    this.data = next;
  }
  /** A right-sized copy, releasing the slack. */
  trimmed(): Uint32Array<ArrayBuffer> {
    return this.data.slice(0, this.length);
  }
}

export class GrowableUint8 {
  data: Uint8Array<ArrayBuffer>;
  length = 0;
  constructor(initial = 1024) {
    this.data = new Uint8Array(initial);
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Uint8Array(Math.max(1024, Math.floor(this.data.length * 1.6)));
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  trimmed(): Uint8Array<ArrayBuffer> {
    return this.data.slice(0, this.length);
  }
}

/**
 * A set of 32-bit keys that keeps insertion order and clears in O(1): the distinct blocking keys
 * of one entity while it is indexed. A `Map<number, number>` did the same job but boxes every key
 * above 2^30 (half of all hashes) and was a tenth of the build time at a million entities.
 */
export class Uint32KeySet {
  private slots: Uint32Array<ArrayBuffer>;
  private stamps: Uint32Array<ArrayBuffer>;
  private generation = 1;
  private mask: number;
  /** The keys in insertion order: `order[0 … size)`. */
  order: Uint32Array<ArrayBuffer>;
  size = 0;

  constructor(capacity = 1024) {
    let cap = 16;
    while (cap < capacity * 2) cap *= 2;
    this.slots = new Uint32Array(cap);
    this.stamps = new Uint32Array(cap);
    this.mask = cap - 1;
    this.order = new Uint32Array(cap >>> 1);
  }

  add(key: number): void {
    const k = key >>> 0;
    const gen = this.generation;
    let i = Math.imul(k, 0x9e3779b1) >>> 0;
    i = (i ^ (i >>> 16)) & this.mask;
    while (this.stamps[i] === gen) {
      if (this.slots[i] === k) return;
      i = (i + 1) & this.mask;
    }
    this.stamps[i] = gen;
    this.slots[i] = k;
    this.order[this.size++] = k;
    if (this.size === this.order.length) this.grow();
  }

  clear(): void {
    this.size = 0;
    this.generation++;
    if (this.generation === 0xffffffff) {
      this.stamps.fill(0);
      this.generation = 1;
    }
  }

  private grow(): void {
    const keys = this.order.slice(0, this.size);
    const cap = this.slots.length * 2;
    this.slots = new Uint32Array(cap);
    this.stamps = new Uint32Array(cap);
    this.mask = cap - 1;
    this.order = new Uint32Array(cap >>> 1);
    this.generation = 1;
    this.size = 0;
    for (const k of keys) this.add(k);
  }
}
