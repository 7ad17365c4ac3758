/**
 * A short-lived, in-process cache of session lookups (token hash → session and user row).
 *
 * Why: every API request resolves its session cookie. On PostgreSQL that lookup was the only
 * database round trip of a screening search or match and about a fifth of the request's Node CPU
 * (query building, the socket write, parsing the user row). A user's page load sends a burst of
 * requests with the same cookie, so a cache of a second or two removes nearly all of them.
 *
 * Correctness (the decision; docs/architecture.md, "Security model"):
 * - Only positive answers are cached, and every hit still checks idle and absolute expiry against
 *   the cached times; anything that looks expired, disabled or unknown goes to the database.
 * - Any write to `users` or `sessions` that can end or change a session (logout, logout everywhere,
 *   password change, role change, disabling, directory leaver, SSO role sync, expiry) calls
 *   {@link sessionsChanged} at the statement: every cache in the process is emptied, a lookup that
 *   was running across the change does not store its answer, and for {@link SETTLE_MS} afterwards
 *   nothing is stored at all, so the old row read just before the writer's commit cannot be cached.
 *   In this process a revoked session is therefore refused from the next request on.
 * - Another process writing to the same PostgreSQL database (the `sekimori` CLI, a second server)
 *   cannot reach this cache: its revocations take effect here after at most the TTL (default 2 s).
 *   Set the TTL to 0 to turn the cache off where that window is not acceptable.
 */

/** What the cache keeps for one token: the same data the database lookup returns. */
export type CachedSession<T> = { value: T; storedAt: number; epoch: number };

/** After a revocation nothing is cached for this long: the revoking transaction commits first. */
export const SETTLE_MS = 1_000;

let epoch = 0;
let lastChangeAt = Number.NEGATIVE_INFINITY;

/**
 * Records that a session or user row changed (or is about to, inside an open transaction): every
 * session cache in this process forgets everything and stores nothing for {@link SETTLE_MS}.
 * Called by the repositories that write `users` and `sessions`, so no service can forget it.
 */
export function sessionsChanged(): void {
  epoch++;
  lastChangeAt = performance.now();
}

/**
 * A bounded map from token hash to a looked-up session; `ttlMs` 0 turns it off. Read with `get`,
 * and store with `put` the epoch taken by `begin()` before the database was asked.
 */
export function createSessionCache<T>(options: { ttlMs: number; maxEntries?: number }) {
  const maxEntries = options.maxEntries ?? 10_000;
  const entries = new Map<string, CachedSession<T>>();
  let seenEpoch = epoch;

  function sync(): void {
    if (seenEpoch !== epoch) {
      entries.clear();
      seenEpoch = epoch;
    }
  }

  return {
    /** True when caching is on. */
    enabled: options.ttlMs > 0,
    /** The cached value for a token hash, if stored within the TTL and since the last change. */
    get(key: string): T | undefined {
      if (options.ttlMs <= 0) return undefined;
      sync();
      const hit = entries.get(key);
      if (!hit) return undefined;
      if (performance.now() - hit.storedAt > options.ttlMs) {
        entries.delete(key);
        return undefined;
      }
      return hit.value;
    },
    /** The epoch to pass to `put`: taken before asking the database. */
    begin(): number {
      return epoch;
    },
    /** Stores a looked-up value unless a change happened since `begin` or only just before. */
    put(key: string, value: T, begunAt: number): void {
      if (options.ttlMs <= 0) return;
      sync();
      const now = performance.now();
      if (begunAt !== epoch || now - lastChangeAt < SETTLE_MS) return;
      entries.delete(key);
      entries.set(key, { value, storedAt: now, epoch });
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
    },
    /** Forgets one token (its session was found expired or ended). */
    forget(key: string): void {
      entries.delete(key);
    },
    /** How many tokens are cached (for tests). */
    size(): number {
      sync();
      return entries.size;
    },
  };
}
