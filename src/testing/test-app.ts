import type { LightMyRequestResponse } from "fastify";
import { createApp } from "../app/app.js";
import type { Services } from "../app/services.js";
import { type Config, loadConfig } from "../config/config.js";
import type { Role } from "../db/schema.js";
import type { App } from "../http/server.js";
import { CSRF_HEADER, SESSION_COOKIE } from "../http/server.js";
import { systemActor } from "../shared/actor.js";
import { createTestDatabase } from "./test-db.js";

export type TestUser = { id: string; username: string; cookie: string; csrfToken: string; roles: Role[] };

export type TestApp = {
  app: App;
  services: Services;
  config: Config;
  /** Creates a user with these roles and logs them in through the real login route. */
  loginAs(roles: Role[], username?: string): Promise<TestUser>;
  /** Sends a request as a user (cookie + CSRF header), or anonymously. */
  request(
    user: TestUser | null,
    method: string,
    url: string,
    payload?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
};

export const TEST_PASSWORD = "correct horse battery staple";

let userCounter = 0;

/** A full Sekimori server on a fresh test database, driven with fastify.inject (no network). */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const handle = await createTestDatabase();
  const config = loadConfig({
    SEKIMORI_CONFIG: "/nonexistent/sekimori.config.json",
    SEKIMORI_LOG_LEVEL: "silent",
    SEKIMORI_RATE_PER_MINUTE: "0",
    SEKIMORI_LOGIN_RATE_PER_MINUTE: "1000",
    SEKIMORI_WEB_DIR: "/nonexistent/web",
    SEKIMORI_DATA_DIR: "/nonexistent/data",
    // Second factor is optional here so every module's tests can log in with a password;
    // src/auth/totp.db.test.ts turns the requirement on and tests it.
    SEKIMORI_MFA_REQUIRED_ROLES: "",
    ...env,
  });
  const { app, services } = await createApp({
    config,
    db: handle.db,
    databaseKind: handle.kind,
    logger: false,
  });
  await app.ready();

  async function loginAs(
    roles: Role[],
    username = `user${++userCounter}_${roles.join("_") || "none"}`,
  ): Promise<TestUser> {
    const { user } = await services.auth.createUser(systemActor("test"), {
      username,
      displayName: username,
      roles,
      password: TEST_PASSWORD,
    });
    const res = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username, password: TEST_PASSWORD },
    });
    if (res.statusCode !== 200)
      throw new Error(`login failed for ${username}: ${res.statusCode} ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
    if (!cookie) throw new Error("no session cookie after login");
    return { id: user.id, username, cookie: cookie.value, csrfToken: res.json().csrfToken, roles };
  }

  function request(
    user: TestUser | null,
    method: string,
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ) {
    return app.inject({
      method: method as "GET",
      url,
      ...(payload !== undefined ? { payload: payload as object } : {}),
      headers: {
        ...(user ? { cookie: `${SESSION_COOKIE}=${user.cookie}`, [CSRF_HEADER]: user.csrfToken } : {}),
        ...headers,
      },
    });
  }

  return {
    app,
    services,
    config,
    loginAs,
    request,
    async close() {
      await app.close();
      await handle.close();
    },
  };
}
