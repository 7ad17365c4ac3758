/**
 * `sekimori` run from the TypeScript sources (no build), for tests that start real server and CLI
 * processes: `node --import ./scripts/ts-register.mjs src/testing/sekimori.entry.ts ARGS…`.
 */
import { main } from "../cli/index.js";

await main(process.argv);
