import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { API_TYPES_FILE, generateApiTypes } from "./api-types.js";

// Entry point of `npm run gen:api` (run from dist/src/http after build:server, before the web build).
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const target = path.join(root, API_TYPES_FILE);
writeFileSync(target, await generateApiTypes());
process.stdout.write(`wrote ${API_TYPES_FILE}\n`);
