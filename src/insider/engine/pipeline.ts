/**
 * Runs a whole dataset through the engine: discover the files, read the directory and assets, open
 * every activity file (skipping rows already ingested), merge them by time and push the events.
 * Shared by the CLI, the ingestion service, the eval harness and the benchmark, so all four measure
 * the same code path.
 */
import type { AssetRegistry } from "./assets.js";
import type { CertRelease } from "./cert-adapter.js";
import type { Directory } from "./directory.js";
import { domainOfEmail } from "./domains.js";
import {
  createInsiderEngine,
  type EngineOptions,
  type EngineSink,
  type EngineSnapshot,
  type InsiderEngine,
} from "./engine.js";
import {
  type ContextProblem,
  type DatasetLayout,
  discoverDataset,
  fileIdentity,
  loadDatasetContext,
  mergeByTime,
  type OpenedSource,
  openActivityFile,
  type SourceCursor,
} from "./sources.js";

/** The organisation's own e-mail domains, guessed from the directory when not configured. */
export function inferInternalDomains(directory: Directory): string[] {
  const counts = new Map<string, number>();
  for (const p of directory.people.values()) {
    const email = p.versions[p.versions.length - 1]?.attrs.email ?? "";
    const d = domainOfEmail(email);
    if (d) counts.set(d, (counts.get(d) ?? 0) + 1);
  }
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  return [...counts].filter(([, n]) => n >= Math.max(1, total * 0.05)).map(([d]) => d);
}

export type AnalyseOptions = {
  target: string;
  release?: CertRelease;
  /** Engine settings; `internalDomains` defaults to the directory's e-mail domains. */
  engine?: Partial<EngineOptions>;
  sink: EngineSink;
  utcOffsetMinutes?: number;
  /** Per file identity: where an earlier run stopped (rows up to there are skipped). */
  cursors?: ReadonlyMap<string, SourceCursor>;
  snapshot?: EngineSnapshot;
  /** Replaces the dataset's own directory / assets (e.g. the ones stored in the database). */
  directory?: Directory;
  assets?: AssetRegistry;
  onProgress?: (bytesRead: number, bytesTotal: number) => void;
  /** Close every open day at the end (the data is complete); default true. */
  finish?: boolean;
  /** Stops after this many events (benchmarks). */
  maxEvents?: number;
  /** Called with the engine before any event is pushed (e.g. to close triaged alerts). */
  onEngine?: (engine: InsiderEngine) => void;
  /** Already-read context of the dataset (saves reading LDAP/HR/asset files twice). */
  context?: DatasetContext;
};

export type DatasetContext = Awaited<ReturnType<typeof loadDatasetContext>>;

export type AnalyseResult = {
  engine: InsiderEngine;
  layout: DatasetLayout;
  sources: OpenedSource[];
  contextProblems: ContextProblem[];
  notes: string[];
  internalDomains: readonly string[];
  /** The directory the engine read (the dataset's, or the one passed in). */
  directory: Directory;
};

/** Streams a dataset through a (new or restored) engine. */
export async function analyseDataset(options: AnalyseOptions): Promise<AnalyseResult> {
  const layout = discoverDataset(options.target);
  const context = options.context ?? (await loadDatasetContext(layout));
  const directory = options.directory ?? context.directory;
  const assets = options.assets ?? context.assets;
  const internalDomains = options.engine?.internalDomains ?? inferInternalDomains(directory);
  const engine = createInsiderEngine({
    options: { ...options.engine, internalDomains },
    directory,
    assets,
    sink: options.sink,
    ...(options.snapshot ? { snapshot: options.snapshot } : {}),
  });
  options.onEngine?.(engine);
  const utcOffsetMinutes = options.utcOffsetMinutes ?? 540;
  const sources = layout.activity.map((file) => {
    const identity = fileIdentity(file.path);
    return openActivityFile(file, {
      utcOffsetMinutes,
      identity,
      ...(options.release ? { release: options.release } : {}),
      previous: options.cursors?.get(identity),
    });
  });
  const bytesTotal = layout.activity.reduce((a, f) => a + f.size, 0);
  let events = 0;
  let lastReport = 0;
  for await (const batch of mergeByTime(sources.map((s) => s.batches))) {
    engine.pushBatch(batch);
    events += batch.length;
    if (options.onProgress && events - lastReport >= 50_000) {
      lastReport = events;
      options.onProgress(
        sources.reduce((a, s) => a + s.bytesRead(), 0),
        bytesTotal,
      );
    }
    if (options.maxEvents !== undefined && events >= options.maxEvents) break;
  }
  if (options.finish !== false) engine.finish();
  options.onProgress?.(bytesTotal, bytesTotal);
  return {
    engine,
    layout,
    sources,
    contextProblems: context.problems,
    notes: context.notes,
    internalDomains,
    directory,
  };
}
