#!/usr/bin/env node
// The `sekimori` command. It runs the compiled CLI from dist/ (built by `npm run build`).
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const entry = new URL("../dist/src/cli/index.js", import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  console.error("sekimori: not built yet. Run `npm run build` (or `npm start`) first.");
  process.exit(2);
}
const { main } = await import(entry.href);
await main(process.argv);
