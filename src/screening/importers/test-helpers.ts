import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ListEntity } from "../screening-contract.js";

/** The folder of the importers' hand-written test fixtures. */
export const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures");

/** Drains an importer's output into an array (fixtures are small). */
export async function collect(entities: AsyncIterable<ListEntity>): Promise<ListEntity[]> {
  const out: ListEntity[] = [];
  for await (const e of entities) out.push(e);
  return out;
}

/** A scratch folder for bad-input files written by a test; remove() deletes it. */
export function scratchDir() {
  const dir = mkdtempSync(path.join(tmpdir(), "sekimori-importer-"));
  return {
    dir,
    write(name: string, content: string | Buffer): string {
      const file = path.join(dir, name);
      writeFileSync(file, content);
      return file;
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
