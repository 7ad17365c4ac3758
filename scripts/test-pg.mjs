#!/usr/bin/env node
// Runs the database tests (*.db.test.ts) against a PostgreSQL server instead of PGlite.
// Usage: TEST_DATABASE_URL=postgres://user@127.0.0.1:5432/postgres npm run test:pg [-- vitest args]
import { spawnSync } from "node:child_process";

/** vitest options that take a separate value (so the value is not mistaken for a file filter). */
const VALUE_OPTIONS = new Set([
  "--reporter",
  "--outputFile",
  "-t",
  "--testNamePattern",
  "--project",
  "--config",
  "-c",
  "--pool",
  "--maxWorkers",
  "--shard",
]);

if (!process.env.TEST_DATABASE_URL) {
  console.error(
    "test:pg needs TEST_DATABASE_URL=postgres://USER@HOST:PORT/postgres (a user allowed to CREATE DATABASE)",
  );
  process.exit(2);
}
// Filters given on the command line (files or folders) replace the default ".db.test.ts": vitest ORs
// its filters, so adding ours to them would run every database test in the repository.
const args = process.argv.slice(2);
const filters = args.filter(
  (a, i) =>
    !a.startsWith("-") &&
    !(
      i > 0 &&
      /^--?[a-zA-Z-]+$/.test(args[i - 1]) &&
      !args[i - 1].includes("=") &&
      VALUE_OPTIONS.has(args[i - 1])
    ),
);
const result = spawnSync("npx", ["vitest", "run", ...(filters.length ? [] : [".db.test.ts"]), ...args], {
  stdio: "inherit",
});
process.exit(result.status ?? 1);
