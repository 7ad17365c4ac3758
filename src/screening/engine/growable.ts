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
