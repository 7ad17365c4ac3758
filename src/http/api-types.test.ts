import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { API_TYPES_FILE, generateApiTypes } from "./api-types.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

describe("web client types generated from the OpenAPI document", () => {
  let generated = "";
  beforeAll(async () => {
    generated = await generateApiTypes();
  }, 180_000);

  it("are up to date with the route schemas (run `npm run gen:api` after changing a route)", () => {
    const committed = readFileSync(path.join(root, API_TYPES_FILE), "utf8");
    expect(committed === generated, `${API_TYPES_FILE} is stale: run npm run gen:api`).toBe(true);
  });

  it("carry a route's response fields, so the web sees the server's shapes", () => {
    expect(generated).toContain('"/api/dashboard"');
    expect(generated).toMatch(/timeZone: string;/);
    expect(generated.length).toBeGreaterThan(10_000);
  });
});
