import type { LinkProfile } from "./approach-link-engine.js";
import type { LinkKey } from "./approach-pattern-engine.js";

/** What clustering compares of an earlier report, fixed for one version of it. */
export type CandidateDetails = {
  readonly signature: readonly number[] | null;
  readonly keys: readonly LinkKey[];
  readonly profile: Readonly<LinkProfile>;
};

/**
 * The parsed text signatures, link keys and link profiles of recently compared reports, kept in
 * memory so that a submission does not read and parse them again for every candidate (issue 11
 * §6: in a flood of similar reports each one is a candidate for the next hundred). Keyed by report
 * id and version: every change to a report bumps its version, so an entry is never stale — a
 * process that has not seen a change (another server process, a rolled-back transaction) simply
 * misses and reads the row. Least recently used entries go first; bounded by `capacity`.
 */
export class CandidateCache {
  readonly #entries = new Map<string, { version: number; details: CandidateDetails }>();
  constructor(readonly capacity = 2_000) {}

  /** The details of this version of a report, if known. */
  get(id: string, version: number): CandidateDetails | undefined {
    const e = this.#entries.get(id);
    if (!e || e.version !== version) return undefined;
    // Most recently used last.
    this.#entries.delete(id);
    this.#entries.set(id, e);
    return e.details;
  }

  /** Remembers the details of a committed version of a report (replacing any other version). */
  set(id: string, version: number, details: CandidateDetails): void {
    this.#entries.delete(id);
    this.#entries.set(id, { version, details });
    while (this.#entries.size > this.capacity) {
      const oldest = this.#entries.keys().next().value as string;
      this.#entries.delete(oldest);
    }
  }

  get size(): number {
    return this.#entries.size;
  }
}
