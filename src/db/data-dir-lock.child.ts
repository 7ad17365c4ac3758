/**
 * Child process of data-dir-lock.test.ts: tries to take the data directory's lock, says whether it
 * won, holds it for a moment, and releases it.
 * `node --import ./scripts/ts-register.mjs src/db/data-dir-lock.child.ts DIR HOLD_MS GO_FILE`
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { tryLockDataDir } from "./data-dir-lock.js";

const [dir, holdMs, goFile] = process.argv.slice(2);
// Start together: say we are loaded, then wait for the parent's signal (so the race is real).
process.stdout.write("ready\n");
while (!existsSync(path.resolve(goFile!))) await new Promise((r) => setTimeout(r, 2));
const result = tryLockDataDir(dir!, { role: "cli", command: `race ${process.pid}` });
if ("lock" in result) {
  process.stdout.write(`won ${process.pid}\n`);
  await new Promise((r) => setTimeout(r, Number(holdMs)));
  result.lock.release();
} else {
  process.stdout.write(`held-by ${result.holder.pid}\n`);
}
