import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "@playwright/test";
import { ADMIN_PASSWORD, E2E_PORT } from "./helpers.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// A fresh embedded database for every run, seeded with the demo organisation.
const dataDir = process.env.E2E_DATA_DIR ?? mkdtempSync(path.join(tmpdir(), "sekimori-e2e-"));
process.env.E2E_DATA_DIR = dataDir;

/** Browser tests: the built server on a fresh embedded database, driven with Debian's Chromium. */
export default defineConfig({
  testDir: ".",
  testMatch: "*.spec.ts",
  timeout: 90_000,
  // E2E_EXPECT_TIMEOUT (ms) gives a loaded machine more time; the default stays 15 s.
  expect: { timeout: Number(process.env.E2E_EXPECT_TIMEOUT ?? 15_000) },
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  outputDir: path.join(root, "test-results", "e2e-artifacts"),
  reporter: [["list"], ["json", { outputFile: path.join(root, "test-results", "e2e.json") }]],
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    locale: "ja-JP",
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  webServer: {
    command: "node bin/sekimori.js serve",
    cwd: root,
    url: `http://127.0.0.1:${E2E_PORT}/api/health`,
    // Seeding the demo organisation takes minutes on a loaded machine.
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      PORT: String(E2E_PORT),
      HOST: "127.0.0.1",
      SEKIMORI_DATA_DIR: dataDir,
      SEKIMORI_ADMIN_PASSWORD: ADMIN_PASSWORD,
      SEKIMORI_DEMO: "true",
      SEKIMORI_RATE_PER_MINUTE: "0",
      SEKIMORI_LOGIN_RATE_PER_MINUTE: "1000",
      SEKIMORI_CONFIG: "/nonexistent/sekimori.config.json",
      // The demo users log in with a password here; e2e/access.spec.ts starts its own server with
      // the default (two-step login required for admin and secretariat) and tests that.
      SEKIMORI_MFA_REQUIRED_ROLES: "",
    },
  },
});
