import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { type App, SESSION_COOKIE } from "../http/server.js";
import { SsoLoginError, type SsoService } from "./sso-service.js";

/** The cookie binding a started OIDC login to this browser (one-time token; SameSite=Lax for the return). */
export const SSO_FLOW_COOKIE = "sekimori_sso_flow";

const ProviderParams = z.object({ id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/) });

/**
 * Sign-in through identity providers. The browser-facing steps live outside /api (they are
 * top-level navigations and, for SAML, a cross-site form POST from the IdP, which carries no CSRF
 * header); a failure sends the browser back to the login page with the failure's code, which the
 * page shows in the user's language. The provider list for the login page is under /api.
 */
export function registerSsoRoutes(
  app: App,
  {
    sso,
    cookie,
    passwordLogin,
    loginRatePerMinute,
  }: {
    sso: SsoService;
    cookie: { secure: boolean; maxAgeSeconds: number };
    passwordLogin: boolean;
    loginRatePerMinute: number;
  },
) {
  const limit = { rateLimit: { max: loginRatePerMinute, timeWindow: "1 minute" } };
  const client = (req: FastifyRequest) => ({ ip: req.ip, userAgent: req.headers["user-agent"] });
  const providerId = (req: FastifyRequest) => {
    const parsed = ProviderParams.safeParse(req.params);
    if (!parsed.success) throw new SsoLoginError("sso_unknown_provider");
    return parsed.data.id;
  };
  const signedIn = (reply: FastifyReply, result: { token: string; returnTo: string }) =>
    reply
      .setCookie(SESSION_COOKIE, result.token, {
        path: "/",
        httpOnly: true,
        sameSite: "strict",
        secure: cookie.secure,
        maxAge: cookie.maxAgeSeconds,
      })
      .redirect(result.returnTo, 303);
  /** Failures go back to the login page, which names them; other errors stay errors. */
  const toLogin = (reply: FastifyReply, error: unknown) => {
    if (error instanceof SsoLoginError) return reply.redirect(`/login?ssoError=${error.ssoCode}`, 303);
    throw error;
  };

  app.get(
    "/api/sso/providers",
    {
      config: { access: "public", allowDuringMfaEnrolment: true },
      schema: {
        tags: ["auth"],
        summary: "Identity providers the login page offers, and whether local passwords are on",
        response: {
          200: z.object({
            providers: z.array(
              z.object({
                id: z.string(),
                protocol: z.enum(["oidc", "saml"]),
                displayName: z.object({ ja: z.string(), en: z.string() }),
                startUrl: z.string(),
              }),
            ),
            passwordLogin: z.boolean(),
          }),
        },
      },
    },
    async () => ({
      providers: sso.listProviders().map((p) => ({ ...p, startUrl: `/sso/${p.protocol}/${p.id}/start` })),
      passwordLogin,
    }),
  );

  app.get("/sso/oidc/:id/start", { config: limit }, async (req, reply) => {
    try {
      const id = providerId(req);
      const returnTo = (req.query as { returnTo?: string }).returnTo;
      const { redirectUrl, flowToken } = await sso.startOidc(id, returnTo, client(req));
      reply.setCookie(SSO_FLOW_COOKIE, flowToken, {
        path: `/sso/oidc/${id}/`,
        httpOnly: true,
        sameSite: "lax",
        secure: cookie.secure,
        maxAge: 600,
      });
      return reply.redirect(redirectUrl, 302);
    } catch (error) {
      return toLogin(reply, error);
    }
  });

  app.get("/sso/oidc/:id/callback", { config: limit }, async (req, reply) => {
    try {
      const id = providerId(req);
      const flowToken = req.cookies[SSO_FLOW_COOKIE];
      reply.clearCookie(SSO_FLOW_COOKIE, { path: `/sso/oidc/${id}/` });
      const callbackUrl = new URL(req.url, "http://placeholder");
      const url = new URL(`${sso.publicUrl}${callbackUrl.pathname}${callbackUrl.search}`);
      return signedIn(reply, await sso.finishOidc(id, url, flowToken, client(req)));
    } catch (error) {
      return toLogin(reply, error);
    }
  });

  app.get("/sso/saml/:id/start", { config: limit }, async (req, reply) => {
    try {
      const returnTo = (req.query as { returnTo?: string }).returnTo;
      const { redirectUrl } = await sso.startSaml(providerId(req), returnTo, client(req));
      return reply.redirect(redirectUrl, 302);
    } catch (error) {
      return toLogin(reply, error);
    }
  });

  app.get("/sso/saml/:id/metadata", async (req, reply) => {
    const xml = await sso.spMetadata(providerId(req));
    return reply.type("application/samlmetadata+xml; charset=utf-8").send(xml);
  });

  app.register(async (scope) => {
    scope.addContentTypeParser(
      "application/x-www-form-urlencoded",
      { parseAs: "string", bodyLimit: 2 * 1024 * 1024 },
      (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
    );
    scope.post("/sso/saml/:id/acs", { config: limit }, async (req, reply) => {
      try {
        const id = providerId(req);
        const body = (req.body ?? {}) as { SAMLResponse?: unknown; RelayState?: unknown };
        if (typeof body.SAMLResponse !== "string" || body.SAMLResponse.length === 0)
          throw sso.failureFor("sso_saml_invalid");
        const relay = typeof body.RelayState === "string" ? body.RelayState : undefined;
        return signedIn(
          reply,
          await sso.finishSaml(id, { SAMLResponse: body.SAMLResponse, RelayState: relay }, client(req)),
        );
      } catch (error) {
        return toLogin(reply, error);
      }
    });
  });
}
