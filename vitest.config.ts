import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "eval/**/*.test.ts", "bench/**/*.test.ts", "scripts/**/*.test.ts"],
    // *.nats.test.ts need a nats-server binary (Debian package): `npm run test:nats`, run by .ci/run.
    // *.ldap.test.ts need slapd (Debian): `npm run test:ldap` (SEKIMORI_LDAP_TEST=1), run by .ci/run.
    exclude: ["**/node_modules/**", "dist/**", "web/**", "e2e/**", "**/*.nats.test.ts", "**/*.ldap.test.ts"],
    globalSetup: ["src/testing/global-setup.ts"],
    pool: "forks",
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Tests must fail loudly when left focused or skipped.
    allowOnly: false,
  },
});
