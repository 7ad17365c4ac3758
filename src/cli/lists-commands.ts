import { createWriteStream } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Command } from "commander";
import type { Services } from "../app/services.js";
import type { Config } from "../config/config.js";
import type { DatabaseHandle } from "../db/database.js";
import { importerFor, TEXT_ENCODINGS, type TextEncoding } from "../screening/importers/index.js";
import type { ListSnapshot } from "../screening/lists-service.js";
import { cliActor } from "../shared/actor.js";
import { AppError } from "../shared/errors.js";
import { fail, progressBar, withServices } from "./context.js";

/** The format each downloadable list is published in. */
const UPDATE_FORMATS: Record<string, string> = {
  un: "un_xml",
  ofac_sdn: "ofac_csv",
  ofac_cons: "ofac_csv",
  us_csl: "us_csl",
};

function describeSnapshot(s: ListSnapshot): string {
  const schemas = Object.entries(s.schemaCounts)
    .map(([k, v]) => `${v.toLocaleString()} ${k}`)
    .join(", ");
  return `${s.source} v${s.version}: ${s.entityCount.toLocaleString()} entities (${schemas}), ${s.nameCount.toLocaleString()} names — ${s.status}`;
}

function message(error: unknown): string {
  if (error instanceof AppError) return `${error.messages.en}\n          ${error.messages.ja}`;
  return error instanceof Error ? error.message : String(error);
}

/**
 * Cleans up list imports a crash cut short. Only a process that owns the database alone may treat
 * every unfinished import as dead; through the server or on PostgreSQL another process's import
 * may still be running, so it gets 10 minutes.
 */
async function recover(services: Services, handle: DatabaseHandle): Promise<void> {
  const alone = handle.kind === "pglite" && handle.access !== "server";
  const recovered = await services.lists.recoverInterruptedImports(cliActor(), alone ? 0 : 10 * 60_000);
  if (recovered > 0) process.stderr.write(`cleaned up ${recovered} interrupted list import(s)\n`);
}

/** Imports files with a progress bar by bytes; returns the new snapshot. */
async function importWithProgress(
  services: Services,
  files: string[],
  format: string,
  source: string | undefined,
  encoding: TextEncoding | undefined,
  displayNames?: string[],
): Promise<ListSnapshot> {
  const bar = progressBar(`importing ${source ?? format}`);
  let started = false;
  try {
    return await services.lists.importList(cliActor(), {
      files,
      format,
      source,
      encoding,
      displayNames,
      onProgress: (read, total) => {
        if (!started) {
          bar.start(total, 0);
          started = true;
        }
        bar.update(Math.min(read, total));
      },
    });
  } finally {
    if (started) bar.stop();
  }
}

/** Downloads one URL to a folder, streaming, with a time limit; the file is named after the URL. */
async function download(url: string, dir: string, timeoutSeconds: number): Promise<string> {
  const name = path.basename(new URL(url).pathname).toLowerCase() || "download";
  const target = path.join(dir, name);
  const response = await fetch(url, {
    signal: AbortSignal.timeout(timeoutSeconds * 1000),
    redirect: "follow",
  });
  if (!response.ok || !response.body) throw new Error(`HTTP ${response.status} ${response.statusText}`);
  await pipeline(
    Readable.fromWeb(response.body as import("node:stream/web").ReadableStream),
    createWriteStream(target),
  );
  return target;
}

function networkHint(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const detail = cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
  return detail;
}

async function update(services: Services, config: Config, only: string[]): Promise<boolean> {
  const wanted = only.length > 0 ? only : config.lists.updateSources;
  let ok = true;
  for (const source of wanted) {
    const format = UPDATE_FORMATS[source];
    const urls = config.lists.urls[source];
    if (!format || !urls || urls.length === 0) {
      process.stderr.write(
        `${source}: no download location is configured (known: ${Object.keys(UPDATE_FORMATS).join(", ")})\n`,
      );
      ok = false;
      continue;
    }
    const dir = await mkdtemp(path.join(tmpdir(), `sekimori-update-${source}-`));
    try {
      const files: string[] = [];
      for (const url of urls) {
        process.stderr.write(`${source}: downloading ${url}\n`);
        try {
          files.push(await download(url, dir, config.lists.updateTimeoutSeconds));
        } catch (error) {
          throw new Error(
            `could not download ${url} (${networkHint(error)}). The network may not allow it from this machine: ` +
              `download the file(s) elsewhere and run \`sekimori lists import FILE… --format ${format} --source ${source}\``,
          );
        }
      }
      const importer = importerFor(format);
      const main = files.find((f) => !/(^|_)(add|alt)\.csv$/i.test(path.basename(f))) ?? files[0]!;
      const current = (await services.lists.activeSnapshots()).find((s) => s.source === source);
      const { createHash } = await import("node:crypto");
      const { createReadStream } = await import("node:fs");
      const hash = createHash("sha256");
      for (const f of await importer.resolveFiles([main]))
        for await (const c of createReadStream(f)) hash.update(c as Buffer);
      if (current && current.sha256 === hash.digest("hex")) {
        process.stdout.write(
          `${source}: unchanged since v${current.version} (${current.activatedAt}); nothing imported\n`,
        );
        continue;
      }
      const sizes = await Promise.all(files.map((f) => stat(f).then((s) => s.size)));
      process.stderr.write(
        `${source}: downloaded ${sizes.reduce((a, b) => a + b, 0).toLocaleString()} bytes\n`,
      );
      const snapshot = await importWithProgress(services, [main], format, source, undefined);
      process.stdout.write(`${describeSnapshot(snapshot)}\n`);
    } catch (error) {
      ok = false;
      process.stderr.write(`${source}: ${message(error)}\n`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  return ok;
}

/** `sekimori lists import|list|update|formats`: restricted-party list management from the terminal. */
export function registerListsCommands(program: Command): void {
  const lists = program
    .command("lists")
    .description("restricted-party lists: import, update and inspect snapshots");

  lists
    .command("import")
    .description("import list file(s) as a new snapshot; it becomes active only when complete")
    .argument("<files...>", "list file(s); OFAC's add.csv/alt.csv are found next to sdn.csv")
    .requiredOption("-f, --format <format>", "file format (see `sekimori lists formats`)")
    .option(
      "-s, --source <id>",
      "list id (default: the format's, e.g. un, ofac_sdn; custom:<name> for own lists)",
    )
    .option("-e, --encoding <encoding>", `text encoding: ${TEXT_ENCODINGS.join(", ")}`, "auto")
    .action(async (files: string[], opts: { format: string; source?: string; encoding: string }) => {
      if (!(TEXT_ENCODINGS as readonly string[]).includes(opts.encoding)) {
        fail(`unknown encoding "${opts.encoding}" (use ${TEXT_ENCODINGS.join(", ")})`);
        return;
      }
      try {
        await withServices(async (services, _config, handle) => {
          await recover(services, handle);
          const snapshot = await importWithProgress(
            services,
            files.map((f) => path.resolve(f)),
            opts.format,
            opts.source,
            opts.encoding as TextEncoding,
          );
          process.stdout.write(`${describeSnapshot(snapshot)}\n`);
        });
      } catch (error) {
        fail(message(error));
      }
    });

  lists
    .command("list")
    .description("show the lists, their active snapshots and recent imports")
    .option("--json", "print JSON")
    .option("--snapshots <n>", "also show the n most recent snapshots", "0")
    .action(async (opts: { json?: boolean; snapshots: string }) => {
      try {
        await withServices(async (services, _config, handle) => {
          await recover(services, handle);
          const sources = await services.lists.listSources();
          const n = Math.max(0, Number(opts.snapshots) || 0);
          const recent =
            n > 0 ? (await services.lists.listSnapshots({ page: 1, pageSize: Math.min(n, 200) })).items : [];
          if (opts.json) {
            process.stdout.write(`${JSON.stringify({ sources, snapshots: recent }, null, 2)}\n`);
            return;
          }
          if (sources.length === 0)
            process.stdout.write("no lists imported yet (sekimori lists import FILE --format F)\n");
          for (const s of sources) {
            process.stdout.write(
              s.active
                ? `${s.id.padEnd(20)} v${s.active.version}  ${String(s.active.entityCount).padStart(8)} entities  active since ${s.active.activatedAt}  ${s.label.en}\n`
                : `${s.id.padEnd(20)} (no active snapshot)  ${s.label.en}\n`,
            );
          }
          for (const snap of recent) {
            process.stdout.write(
              `  ${snap.startedAt}  ${snap.source} v${snap.version} ${snap.status}${snap.error ? ` — ${snap.error}` : ""}\n`,
            );
          }
        });
      } catch (error) {
        fail(message(error));
      }
    });

  lists
    .command("update")
    .description("download the official lists from their configured URLs and import what changed")
    .argument("[sources...]", "list ids to update (default: SEKIMORI_LIST_UPDATE_SOURCES)")
    .action(async (sources: string[]) => {
      try {
        await withServices(async (services, config, handle) => {
          await recover(services, handle);
          if (!(await update(services, config, sources))) process.exitCode = 1;
        });
      } catch (error) {
        fail(message(error));
      }
    });

  lists
    .command("formats")
    .description("list the file formats that can be imported")
    .action(async () => {
      const { importers } = await import("../screening/importers/index.js");
      for (const importer of Object.values(importers)) {
        process.stdout.write(
          `${importer.format.padEnd(14)} ${importer.label.en}\n${"".padEnd(15)}${importer.describe().en}\n`,
        );
      }
    });
}
