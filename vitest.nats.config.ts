import { defineConfig } from "vitest/config";

/** Tests against a real nats-server (Debian package `nats-server`, or NATS_SERVER=path): `npm run test:nats`. */
export default defineConfig({
  test: {
    include: ["src/**/*.nats.test.ts"],
    exclude: ["**/node_modules/**", "dist/**", "web/**", "e2e/**"],
    globalSetup: ["src/testing/global-setup.ts"],
    pool: "forks",
    testTimeout: 120_000,
    hookTimeout: 120_000,
    allowOnly: false,
  },
});
