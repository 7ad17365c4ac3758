import { generateKeyPairSync } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

/** One person the test OpenID Provider knows, with the claims it releases. */
export type TestAccount = {
  email?: string;
  email_verified?: boolean;
  name?: string;
  groups?: string[];
  department?: string;
};

export type TestOidcProvider = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  accounts: Map<string, TestAccount>;
  close(): Promise<void>;
};

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/**
 * A real OpenID Provider (panva's oidc-provider, certified) on a loopback port, for tests: one
 * confidential client, PKCE required, its own RSA signing key, and a plain login form where a
 * person types a known account name (no password: the test is about the relying party).
 */
export async function startTestOidcProvider(options: {
  redirectUris: string[];
  port?: number;
  clientId?: string;
  clientSecret?: string;
}): Promise<TestOidcProvider> {
  const clientId = options.clientId ?? "sekimori-test";
  const clientSecret = options.clientSecret ?? "test-client-secret-0123456789abcdef";
  const accounts = new Map<string, TestAccount>();
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: "jwk" }), kid: "test-key", use: "sig", alg: "RS256" };
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: options.redirectUris,
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_post",
      },
    ],
    jwks: { keys: [jwk] },
    cookies: { keys: ["oidc-test-cookie-key-0123456789"] },
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    claims: {
      openid: ["sub"],
      email: ["email", "email_verified"],
      profile: ["name", "groups", "department"],
    },
    findAccount: async (_ctx: unknown, id: string) => {
      const account = accounts.get(id);
      if (!account) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, ...account }) };
    },
    // Consent is not what is tested: every client gets the scopes it asks for.
    loadExistingGrant: async (ctx: {
      oidc: { client: { clientId: string }; session: { accountId: string }; provider: Provider };
    }) => {
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client.clientId,
        accountId: ctx.oidc.session.accountId,
      });
      grant.addOIDCScope("openid email profile");
      await grant.save();
      return grant;
    },
  });
  const handle = provider.callback();
  server.on("request", async (req, res) => {
    if (req.url === "/favicon.ico") {
      res.writeHead(204).end();
      return;
    }
    const match = /^\/interaction\/([^/?]+)/.exec(req.url ?? "");
    if (!match) return handle(req, res);
    try {
      const details = await provider.interactionDetails(req, res);
      let error = "";
      if (req.method === "POST") {
        const chunks: Buffer[] = [];
        for await (const chunk of req) chunks.push(chunk as Buffer);
        const login = new URLSearchParams(Buffer.concat(chunks).toString("utf8")).get("login") ?? "";
        if (accounts.has(login)) {
          await provider.interactionFinished(
            req,
            res,
            { login: { accountId: login } },
            { mergeWithLastSubmission: false },
          );
          return;
        }
        error = `<p role="alert">unknown account ${escapeHtml(login)}</p>`;
      }
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(
        `<!doctype html><html><head><title>Test IdP</title></head><body><h1>Test IdP</h1>${error}` +
          `<form method="post" action="/interaction/${escapeHtml(details.uid)}">` +
          `<label>Account <input name="login" autocomplete="off"></label>` +
          `<button type="submit">Continue</button></form></body></html>`,
      );
    } catch (e) {
      res.writeHead(400, { "content-type": "text/plain" });
      res.end(String((e as Error).message));
    }
  });
  return {
    issuer,
    clientId,
    clientSecret,
    accounts,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
