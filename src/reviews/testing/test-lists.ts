import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Services } from "../../app/services.js";
import { systemActor } from "../../shared/actor.js";

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * Small, fictitious list fixtures for the reviews and people DB tests, imported through the real
 * importers so counterparties really hit (no fake screening):
 * - `meti-eul-test.csv` (METI End User List table columns): "Example Institute of Technology"
 *   (missile concern) and "Example Munitions Bureau";
 * - `dod-1286-test.csv` (DoD Section 1286 list): the talent programme "Sample Talent Fund".
 */
export const TEST_LISTS = [
  { file: "meti-eul-test.csv", format: "meti_eul_csv", source: "meti_eul" },
  { file: "dod-1286-test.csv", format: "dod_1286", source: "dod_1286" },
] as const;

/**
 * Imports the test lists and waits until the matching index over them is published and the
 * re-screening it starts has finished, so the first screening call sees them. Why: tests must screen
 * through the real screening service; call it once per test file (before creating parties).
 */
export async function importTestLists(services: Services): Promise<void> {
  const actor = systemActor("test");
  for (const list of TEST_LISTS) {
    await services.lists.importList(actor, {
      files: [path.join(here, list.file)],
      format: list.format,
      source: list.source,
    });
  }
  // importList starts a rebuild; refresh() joins it (and builds once more if needed) until the
  // index covers every active snapshot.
  await services.screeningIndex.refresh();
  const active = await services.screeningIndex.acquire();
  const wanted = TEST_LISTS.map((l) => l.source).sort();
  if (JSON.stringify(Object.keys(active.snapshots).sort()) !== JSON.stringify(wanted))
    throw new Error(
      `screening index covers ${Object.keys(active.snapshots).join(", ")}, not ${wanted.join(", ")}`,
    );
  await services.screening.idle();
}
