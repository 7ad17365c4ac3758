import { describe, expect, it } from "vitest";
import { AppError } from "../shared/errors.js";
import { createIndexManager, snapshotKey } from "./index-manager.js";
import type { ListSnapshot, StoredListEntity } from "./lists-service.js";

function snapshot(source: string, id: string, entityCount: number): ListSnapshot {
  return {
    id,
    source,
    version: 1,
    status: "active",
    format: "custom_csv",
    fileNames: [],
    sha256: "",
    byteSize: 0,
    entityCount,
    nameCount: entityCount,
    schemaCounts: {},
    error: null,
    importedBy: "test",
    startedAt: "2026-01-01T00:00:00.000Z",
    finishedAt: null,
    activatedAt: null,
    supersededAt: null,
    entitiesPruned: false,
    sample: false,
  };
}

function entity(snapshotId: string, source: string, i: number, name: string): StoredListEntity {
  return {
    id: `${snapshotId}-${i}`,
    snapshotId,
    position: i,
    contentHash: `h${i}`,
    source,
    sourceId: `S-${i}`,
    schema: "Organization",
    names: [{ name, kind: "primary" }],
    countries: [],
    birthDates: [],
    identifiers: [],
    programs: [],
  };
}

/**
 * A list source whose active snapshots the test controls, and whose reading can be held at a gate
 * (standing in for a large list still being read from the database).
 */
function fakeLists() {
  let active: { snapshot: ListSnapshot; entities: StoredListEntity[] }[] = [];
  let gate: Promise<void> = Promise.resolve();
  let open: () => void = () => undefined;
  return {
    set(lists: typeof active) {
      active = lists;
    },
    hold() {
      gate = new Promise((resolve) => {
        open = resolve;
      });
    },
    release: () => open(),
    source: {
      async activeSnapshots() {
        return active.map((a) => a.snapshot);
      },
      async *iterateActiveEntities() {
        await gate;
        for (const a of active) yield a.entities;
      },
    },
  };
}

describe("index manager", () => {
  it("answers 503 index_building in both languages while the first index is built, then serves it", async () => {
    const lists = fakeLists();
    lists.set([
      {
        snapshot: snapshot("un", "s1", 1),
        entities: [entity("s1", "un", 1, "MUNITIONS INDUSTRY DEPARTMENT")],
      },
    ]);
    lists.hold();
    const manager = createIndexManager({ lists: lists.source, threshold: 0.7, waitMs: 20 });
    const building = manager.refresh();
    expect(manager.status().state).toBe("building");
    const error = await manager.acquire().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(503);
    expect((error as AppError).code).toBe("index_building");
    expect((error as AppError).messages.ja).toMatch(/索引を作成中/);
    expect((error as AppError).messages.en).toMatch(/being built/);
    // a caller that waits long enough gets the index as soon as it is built
    const waiting = manager.acquire(5000);
    lists.release();
    const active = await waiting;
    await building;
    expect(active.entityCount).toBe(1);
    expect(active.snapshots).toEqual({ un: "s1" });
    expect(active.index.match({ name: "Munitions Industry Department" })[0]?.sourceId).toBe("S-1");
    expect(manager.status()).toMatchObject({ state: "ready", rebuilding: false, entityCount: 1 });
  });

  it("keeps answering with the old index while a new one is built, then swaps and tells listeners", async () => {
    const lists = fakeLists();
    lists.set([{ snapshot: snapshot("un", "s1", 1), entities: [entity("s1", "un", 1, "ALPHA TRADING")] }]);
    const manager = createIndexManager({ lists: lists.source, threshold: 0.7 });
    const swaps: [string, string | null][] = [];
    manager.onSwap((next, previous) => {
      swaps.push([next.key, previous?.key ?? null]);
    });
    await manager.refresh();
    const first = await manager.acquire();

    lists.set([
      {
        snapshot: snapshot("un", "s2", 2),
        entities: [entity("s2", "un", 1, "ALPHA TRADING"), entity("s2", "un", 2, "BETA OPTICS")],
      },
    ]);
    lists.hold();
    const rebuilding = manager.refresh();
    expect(manager.status()).toMatchObject({ state: "ready", rebuilding: true });
    expect(await manager.acquire()).toBe(first); // still the old one
    lists.release();
    await rebuilding;
    const second = await manager.acquire();
    expect(second).not.toBe(first);
    expect(second.entityCount).toBe(2);
    expect(second.index.match({ name: "Beta Optics" })[0]?.name).toBe("BETA OPTICS");
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(swaps).toEqual([
      ["un:s1", null],
      ["un:s2", "un:s1"],
    ]);
    // Nothing changed: no rebuild, no swap.
    await manager.refresh();
    expect(await manager.acquire()).toBe(second);
    expect(swaps).toHaveLength(2);
  });

  it("yields to the event loop while adding entities, so the server keeps answering", async () => {
    const lists = fakeLists();
    const entities = Array.from({ length: 1200 }, (_, i) => entity("s1", "un", i, `COMPANY NUMBER ${i} LTD`));
    lists.set([{ snapshot: snapshot("un", "s1", entities.length), entities }]);
    const manager = createIndexManager({ lists: lists.source, threshold: 0.7, yieldEvery: 100 });
    let ticks = 0;
    const timer = setInterval(() => {
      ticks++;
    }, 0);
    await manager.refresh();
    clearInterval(timer);
    expect(manager.status().entityCount).toBe(1200);
    expect(ticks).toBeGreaterThan(0);
  });

  it("reports a failed build and recovers on the next refresh", async () => {
    let fail = true;
    const manager = createIndexManager({
      threshold: 0.7,
      waitMs: 50,
      lists: {
        async activeSnapshots() {
          if (fail) throw new Error("database unavailable");
          return [];
        },
        async *iterateActiveEntities() {},
      },
    });
    await manager.refresh();
    expect(manager.status()).toMatchObject({ state: "failed", error: "database unavailable" });
    const error = (await manager.acquire().catch((e: unknown) => e)) as AppError;
    expect(error.code).toBe("index_failed");
    fail = false;
    await manager.refresh();
    expect(manager.status()).toMatchObject({ state: "ready", error: null });
    // Recovered, but with no list imported it refuses rather than report every name as clean.
    expect(Object.keys((await manager.acquire()).snapshots)).toEqual([]);
    const empty = (await manager.acquireWithLists().catch((e: unknown) => e)) as AppError;
    expect(empty.code).toBe("no_lists");
    expect(empty.messages.ja).toContain("リスト");
  });

  it("a caller waiting for the first build of an empty index learns there are no lists, not that it is building", async () => {
    const manager = createIndexManager({
      threshold: 0.7,
      waitMs: 5_000,
      lists: {
        async activeSnapshots() {
          return [];
        },
        async *iterateActiveEntities() {},
      },
    });
    // No refresh yet: acquireWithLists starts the build and waits for it.
    const error = (await manager.acquireWithLists().catch((e: unknown) => e)) as AppError;
    expect(error.code).toBe("no_lists");
  });

  it("keys a snapshot set independently of order", () => {
    expect(snapshotKey({ un: "a", ofac_sdn: "b" })).toBe(snapshotKey({ ofac_sdn: "b", un: "a" }));
    expect(snapshotKey({})).toBe("");
  });
});
