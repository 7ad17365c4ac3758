import { defineConfig } from "vitest/config";

/**
 * Tests against a real OpenLDAP (Debian packages `slapd`, `ldap-utils`): `npm run test:ldap`, which
 * sets SEKIMORI_LDAP_TEST=1; run by .ci/run. The tests start their own slapd on 127.0.0.1.
 */
export default defineConfig({
  test: {
    include: ["src/**/*.ldap.test.ts"],
    exclude: ["**/node_modules/**", "dist/**", "web/**", "e2e/**"],
    globalSetup: ["src/testing/global-setup.ts"],
    pool: "forks",
    testTimeout: 120_000,
    hookTimeout: 120_000,
    allowOnly: false,
  },
});
