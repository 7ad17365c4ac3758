import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CONFIG_VARIABLES, ConfigError, loadConfig } from "./config.js";

const base = { SEKIMORI_CONFIG: "/nonexistent.json" };

describe("configuration", () => {
  it("has documented defaults", () => {
    const c = loadConfig(base);
    expect(c.port).toBe(3000);
    expect(c.host).toBe("127.0.0.1");
    expect(c.demo).toBe(true);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.publicUrl).toBe("http://127.0.0.1:3000");
  });

  it("names the variable at fault", () => {
    expect(() => loadConfig({ ...base, PORT: "eighty" })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, PORT: "eighty" })).toThrow(/PORT/);
    expect(() => loadConfig({ ...base, SEKIMORI_DEMO: "maybe" })).toThrow(/SEKIMORI_DEMO/);
    expect(() => loadConfig({ ...base, DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL/);
  });

  it("makes cookies Secure behind an https public URL", () => {
    expect(
      loadConfig({ ...base, SEKIMORI_PUBLIC_URL: "https://sekimori.example.ac.jp/" }).session.cookieSecure,
    ).toBe(true);
  });

  it("lists every variable in the README", () => {
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    for (const v of CONFIG_VARIABLES) expect(readme, v.name).toContain(`\`${v.name}\``);
  });
});
