import { readFileSync } from "node:fs";

/** The package version, shown in /api/health, the OpenAPI document and `sekimori --version`. */
export const VERSION: string = (() => {
  for (const rel of ["../../package.json", "../../../package.json"]) {
    try {
      return (JSON.parse(readFileSync(new URL(rel, import.meta.url), "utf8")) as { version: string }).version;
    } catch {
      // try the next location (source tree vs. dist/)
    }
  }
  return "0.0.0";
})();
