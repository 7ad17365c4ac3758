import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import { AppError } from "../shared/errors.js";
import { createMatchingIndex, type MatchingIndex } from "./engine/index.js";
import type { ListSnapshot, StoredListEntity } from "./lists-service.js";

/** The part of the lists service the index manager reads (so tests can pass a stand-in source). */
export type ActiveEntitySource = {
  activeSnapshots(): Promise<ListSnapshot[]>;
  iterateActiveEntities(options?: { batchSize?: number }): AsyncGenerator<StoredListEntity[]>;
};

/** A built matching index over one set of active snapshots; never changes once published. */
export type ActiveIndex = {
  index: MatchingIndex;
  /** List id → the snapshot id the index was built from. */
  snapshots: Record<string, string>;
  /** Identifies the snapshot set ("" when no list is loaded). */
  key: string;
  entityCount: number;
  builtAt: Date;
  buildMillis: number;
};

export type IndexStatus = {
  state: "idle" | "building" | "ready" | "failed";
  /** True while a newer index is being built in the background (the previous one still answers). */
  rebuilding: boolean;
  entityCount: number;
  snapshots: Record<string, string>;
  builtAt: string | null;
  buildMillis: number | null;
  progress: { entitiesAdded: number; entitiesTotal: number } | null;
  error: string | null;
};

/** The key of a snapshot set: sorted `source:snapshotId` pairs. */
export function snapshotKey(snapshots: Record<string, string>): string {
  return Object.entries(snapshots)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([s, id]) => `${s}:${id}`)
    .join(",");
}

/** The error screening calls answer while the first index is still being built. */
export function indexBuildingError(status: IndexStatus): AppError {
  const progress = status.progress
    ? ` (${status.progress.entitiesAdded.toLocaleString("en")}/${status.progress.entitiesTotal.toLocaleString("en")})`
    : "";
  return new AppError(503, "index_building", {
    ja: `スクリーニング用の索引を作成中です${progress}。しばらくしてからもう一度お試しください`,
    en: `The screening index is being built${progress}. Please try again in a moment`,
  });
}

/**
 * The error screening calls answer when no list has been imported: an empty index would report
 * every name as clean, which a reviewer could mistake for a real "no hit".
 */
export function noListsError(): AppError {
  return new AppError(409, "no_lists", {
    ja: "照合するリストがまだ取り込まれていません。管理 › リスト でリストを取り込んでください",
    en: "No screening lists have been imported yet. Import lists under Admin › Lists",
  });
}

/**
 * Owns the in-memory matching index built from the active list snapshots. The first build runs in
 * the background so the server answers everything else meanwhile; when the active snapshots change
 * a new index is built beside the old one (which keeps answering) and swapped in atomically, then
 * listeners (re-screening) are told. Why a manager: builds take seconds to a minute at a million
 * entities, must never run twice at once, and callers need one place to wait for "an index".
 */
export function createIndexManager({
  lists,
  threshold,
  waitMs = 20_000,
  batchSize = 5000,
  yieldEvery = 250,
  log = () => undefined,
}: {
  lists: ActiveEntitySource;
  threshold: number;
  /** How long a screening call waits for the first index before answering 503. */
  waitMs?: number;
  batchSize?: number;
  /** Entities added between two yields to the event loop (keeps /api/health answering). */
  yieldEvery?: number;
  log?: (line: string) => void;
}) {
  let current: ActiveIndex | null = null;
  let building: Promise<void> | null = null;
  let again = false;
  let lastError: string | null = null;
  let progress: { entitiesAdded: number; entitiesTotal: number } | null = null;
  let pollTimer: NodeJS.Timeout | null = null;
  const waiters = new Set<() => void>();
  const listeners: ((next: ActiveIndex, previous: ActiveIndex | null) => void | Promise<void>)[] = [];

  async function build(): Promise<void> {
    const started = Date.now();
    const active = await lists.activeSnapshots();
    const snapshots = Object.fromEntries(active.map((s) => [s.source, s.id]));
    const key = snapshotKey(snapshots);
    if (current && current.key === key) return;
    const index = createMatchingIndex({ threshold });
    progress = { entitiesAdded: 0, entitiesTotal: active.reduce((n, s) => n + s.entityCount, 0) };
    const wanted = new Set(Object.values(snapshots));
    let added = 0;
    for await (const batch of lists.iterateActiveEntities({ batchSize })) {
      for (const entity of batch) {
        // A snapshot activated while we read is picked up by the next build, not mixed into this one.
        if (!wanted.has(entity.snapshotId)) continue;
        index.add(entity, entity.id);
        added++;
        if (added % yieldEvery === 0) {
          progress = { ...progress, entitiesAdded: added };
          await yieldToEventLoop();
        }
      }
      progress = { ...progress, entitiesAdded: added };
    }
    index.build();
    const previous = current;
    current = {
      index,
      snapshots,
      key,
      entityCount: added,
      builtAt: new Date(),
      buildMillis: Date.now() - started,
    };
    progress = null;
    lastError = null;
    for (const wake of waiters) wake();
    waiters.clear();
    log(
      `  screening index: ${added.toLocaleString("en")} list entries from ${active.length} list(s) in ${current.buildMillis} ms`,
    );
    // Listeners (re-screening) run on their own: a long re-screen must not hold up the next build.
    const published = current;
    for (const listener of listeners) {
      void Promise.resolve()
        .then(() => listener(published, previous))
        .catch((error: unknown) => log(`  screening index listener failed: ${(error as Error).message}`));
    }
  }

  /** Builds (again) unless a build is running, in which case one more build follows it. */
  function refresh(): Promise<void> {
    if (building) {
      again = true;
      return building;
    }
    building = (async () => {
      do {
        again = false;
        try {
          await build();
        } catch (error) {
          lastError = (error as Error).message;
          progress = null;
          log(`  screening index build failed: ${lastError}`);
        }
      } while (again);
    })().finally(() => {
      building = null;
      // Callers still waiting after a failed build learn of the failure now.
      for (const wake of waiters) wake();
      waiters.clear();
    });
    return building;
  }

  function status(): IndexStatus {
    return {
      state: current ? "ready" : building ? "building" : lastError ? "failed" : "idle",
      rebuilding: current !== null && building !== null,
      entityCount: current?.entityCount ?? 0,
      snapshots: current?.snapshots ?? {},
      builtAt: current?.builtAt.toISOString() ?? null,
      buildMillis: current?.buildMillis ?? null,
      progress,
      error: lastError,
    };
  }

  return {
    refresh,
    status,

    /** The index to screen with: waits for the first build up to `waitMs`, else 503 `index_building`. */
    async acquire(timeoutMs = waitMs): Promise<ActiveIndex> {
      if (current) return current;
      if (!building) void refresh();
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          waiters.delete(resolve);
          resolve();
        }, timeoutMs);
        timer.unref();
        waiters.add(() => {
          clearTimeout(timer);
          resolve();
        });
      });
      if (current) return current;
      if (lastError && !building) {
        throw new AppError(503, "index_failed", {
          ja: `スクリーニング用の索引を作成できませんでした: ${lastError}`,
          en: `The screening index could not be built: ${lastError}`,
        });
      }
      throw indexBuildingError(status());
    },

    /**
     * The index to screen parties and names with: like {@link acquire}, but refuses (409 `no_lists`)
     * when no list is active, so an empty index never reads as "no hit".
     */
    async acquireWithLists(timeoutMs = waitMs): Promise<ActiveIndex> {
      let index = await this.acquire(timeoutMs);
      if (Object.keys(index.snapshots).length === 0 && building) {
        await Promise.race([building, new Promise((resolve) => setTimeout(resolve, timeoutMs).unref())]);
        index = current ?? index;
      }
      if (Object.keys(index.snapshots).length === 0) throw noListsError();
      return index;
    },

    /** The published index, if any, without waiting. */
    peek: (): ActiveIndex | null => current,

    /** Called after every swap with the new and the previous index (e.g. to re-screen parties). */
    onSwap(listener: (next: ActiveIndex, previous: ActiveIndex | null) => void | Promise<void>): void {
      listeners.push(listener);
    },

    /**
     * Checks the active snapshots every `intervalMs` and rebuilds when they changed — catches imports
     * made by another process (`sekimori lists import` against the same PostgreSQL database).
     */
    startPolling(intervalMs: number): void {
      if (pollTimer || intervalMs <= 0) return;
      pollTimer = setInterval(() => {
        void (async () => {
          try {
            const active = await lists.activeSnapshots();
            const key = snapshotKey(Object.fromEntries(active.map((s) => [s.source, s.id])));
            if (!current || current.key !== key) await refresh();
          } catch (error) {
            log(`  screening index poll failed: ${(error as Error).message}`);
          }
        })();
      }, intervalMs);
      pollTimer.unref();
    },

    /** Stops polling and waits for a running build (for shutdown and tests). */
    async stop(): Promise<void> {
      if (pollTimer) clearInterval(pollTimer);
      pollTimer = null;
      await building?.catch(() => undefined);
    },

    /** Resolves once no build is running. */
    async idle(): Promise<void> {
      while (building) await building.catch(() => undefined);
    },
  };
}

export type IndexManager = ReturnType<typeof createIndexManager>;
