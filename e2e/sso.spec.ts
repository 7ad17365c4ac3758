import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "@playwright/test";
import { startTestOidcProvider, type TestOidcProvider } from "../src/testing/oidc-test-provider.js";
import { ADMIN_PASSWORD, E2E_PORT, watchConsole } from "./helpers.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/**
 * Single sign-on in the browser: a real OpenID Provider (oidc-provider) runs in this test process,
 * and a Sekimori server of its own (started here) is configured with it through a provider file.
 */
test.describe("single sign-on through an OpenID Provider (its own server)", () => {
  // Starting a second server on a fresh database takes minutes on a loaded machine.
  test.describe.configure({ timeout: 300_000 });
  const port = E2E_PORT + 2;
  const base = `http://127.0.0.1:${port}`;
  let server: ChildProcess;
  let op: TestOidcProvider;
  let dir: string;

  test.beforeAll(async () => {
    op = await startTestOidcProvider({ redirectUris: [`${base}/sso/oidc/testidp/callback`] });
    op.accounts.set("hanako", {
      email: "hanako@example.ac.jp",
      email_verified: true,
      name: "山田 花子",
      groups: ["export-office"],
      department: "研究推進部",
    });
    dir = mkdtempSync(path.join(tmpdir(), "sekimori-e2e-sso-"));
    writeFileSync(
      path.join(dir, "sso.json"),
      JSON.stringify({
        providers: [
          {
            id: "testidp",
            protocol: "oidc",
            displayName: { ja: "テスト大学 IdP", en: "Test University IdP" },
            issuer: op.issuer,
            clientId: op.clientId,
            clientSecretEnv: "E2E_OIDC_SECRET",
            allowHttp: true,
            jit: true,
            roleRules: [{ claim: "groups", equals: "export-office", roles: ["secretariat"] }],
            departmentClaim: "department",
          },
        ],
      }),
    );
    server = spawn("node", ["bin/sekimori.js", "serve"], {
      cwd: root,
      stdio: "ignore",
      env: {
        ...process.env,
        PORT: String(port),
        HOST: "127.0.0.1",
        SEKIMORI_DATA_DIR: path.join(dir, "data"),
        SEKIMORI_ADMIN_PASSWORD: ADMIN_PASSWORD,
        SEKIMORI_DEMO: "false",
        SEKIMORI_RATE_PER_MINUTE: "0",
        SEKIMORI_LOGIN_RATE_PER_MINUTE: "1000",
        SEKIMORI_CONFIG: "/nonexistent/sekimori.config.json",
        SEKIMORI_MFA_REQUIRED_ROLES: "",
        SEKIMORI_SSO_PROVIDERS_FILE: path.join(dir, "sso.json"),
        E2E_OIDC_SECRET: op.clientSecret,
      },
    });
    for (let i = 0; i < 560; i++) {
      try {
        if ((await fetch(`${base}/api/health`)).ok) return;
      } catch {
        // not up yet
      }
      await new Promise((r) => setTimeout(r, 500));
    }
    throw new Error("the SSO test server did not start");
  });

  test.afterAll(async () => {
    server?.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 1000));
    await op?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test("a person signs in from the login page through the identity provider", async ({ page }) => {
    const problems = watchConsole(page);
    await page.goto(`${base}/login`);
    const button = page.getByRole("link", { name: "テスト大学 IdP でサインイン" });
    await expect(button).toBeVisible();
    await button.click();
    // At the identity provider's own login page.
    await expect(page.getByRole("heading", { name: "Test IdP" })).toBeVisible();
    await page.getByLabel("Account").fill("hanako");
    await page.getByRole("button", { name: "Continue" }).click();
    // Back in Sekimori, signed in as the new user with the mapped role.
    await expect(page.getByTestId("user-menu")).toBeVisible();
    expect(new URL(page.url()).origin).toBe(base);
    const session = (await page.evaluate(async () => (await fetch("/api/auth/session")).json())) as {
      user: unknown;
    };
    expect(session.user).toMatchObject({
      username: "testidp.hanako",
      displayName: "山田 花子",
      roles: ["secretariat"],
      department: "研究推進部",
    });
    expect(problems).toEqual([]);
  });

  test("a refused sign-in comes back to the login page with the reason, in Japanese and English", async ({
    page,
  }) => {
    // A callback this browser never started (a forged or replayed link).
    await page.goto(`${base}/sso/oidc/testidp/callback?code=forged&state=forged`);
    await expect(page).toHaveURL(/\/login\?ssoError=sso_flow_missing/);
    await expect(page.getByRole("alert")).toContainText("サインインの手続きが見つからないか期限切れです");
    await page.getByText("English", { exact: true }).click();
    await expect(page.getByRole("alert")).toContainText("This sign-in was not started here or has expired");
    await expect(page.getByRole("link", { name: "Sign in with Test University IdP" })).toBeVisible();
  });
});
