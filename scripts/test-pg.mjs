#!/usr/bin/env node
// Runs the database tests (*.db.test.ts) against a PostgreSQL server instead of PGlite.
// Usage: TEST_DATABASE_URL=postgres://user@127.0.0.1:5432/postgres npm run test:pg [-- vitest args]
import { spawnSync } from "node:child_process";

if (!process.env.TEST_DATABASE_URL) {
  console.error(
    "test:pg needs TEST_DATABASE_URL=postgres://USER@HOST:PORT/postgres (a user allowed to CREATE DATABASE)",
  );
  process.exit(2);
}
const result = spawnSync("npx", ["vitest", "run", ".db.test.ts", ...process.argv.slice(2)], {
  stdio: "inherit",
});
process.exit(result.status ?? 1);
