import { createHash, randomBytes, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { type CacheProvider, SAML, ValidateInResponseTo } from "@node-saml/node-saml";
import * as oidc from "openid-client";
import type { AuditWriter } from "../audit/audit-service.js";
import type { Db, Executor } from "../db/database.js";
import type { Role, UserRow } from "../db/schema.js";
import type { Actor } from "../shared/actor.js";
import { AppError, type Bilingual } from "../shared/errors.js";
import type { OidcProviderSettings, SamlProviderSettings, SsoProviderSettings } from "./sso-config.js";
import {
  attributesOfClaims,
  attributesOfSaml,
  classifyOidcError,
  classifySamlError,
  decideAccount,
  type ExternalIdentity,
  emailVerifiedFromClaims,
  mapIdentity,
  SSO_FAILURE_MESSAGES,
  type SsoFailureCode,
  safeReturnTo,
  usernameFor,
} from "./sso-engine.js";
import { type IdpMetadata, parseIdpMetadata } from "./sso-metadata.js";
import type { SsoRepo } from "./sso-repo.js";

/** A failed sign-in: its code names the check that failed; the message is in both languages. */
export class SsoLoginError extends AppError {
  readonly ssoCode: SsoFailureCode;
  constructor(code: SsoFailureCode) {
    super(
      code === "sso_unknown_provider" ? 404 : code === "sso_provider_unreachable" ? 502 : 401,
      code,
      SSO_FAILURE_MESSAGES[code],
    );
    this.ssoCode = code;
  }
}

export type ProviderView = { id: string; protocol: "oidc" | "saml"; displayName: Bilingual };

type Client = { ip?: string | undefined; userAgent?: string | undefined };

/** A started login lives this long (the user signs in at the IdP meanwhile). */
const FLOW_MINUTES = 10;
const hash = (token: string) => createHash("sha256").update(token).digest("hex");
const PLACEHOLDER_CERT = "MIIBplaceholder";

/** The part of the auth service SSO uses: a signed-in user gets the same session as a password login. */
export type SessionStarter = {
  startSession(user: UserRow, method: string, client: Client): Promise<{ token: string; csrfToken: string }>;
};

/**
 * OpenID Connect (authorization code + PKCE, state, nonce — openid-client) and SAML 2.0 (signed
 * assertions, audience, time window, InResponseTo and replay — node-saml) sign-in. Both end in the
 * same server-side session as a password login (`auth.startSession`); the local TOTP step is not
 * asked, because the identity provider owns the login and its multi-factor policy. Every success and
 * every failure is audited, failures with the check that failed and never with tokens or secrets.
 */
export function createSsoService(deps: {
  db: Db;
  repo: SsoRepo;
  audit: AuditWriter;
  auth: SessionStarter;
  providers: SsoProviderSettings[];
  publicUrl: string;
  clock?: () => Date;
  /** Where metadata URLs are fetched (tests pass a local server's fetch; default global fetch). */
  fetchMetadata?: (url: string) => Promise<string>;
}) {
  const { db, repo, audit, providers, publicUrl } = deps;
  const clock = deps.clock ?? (() => new Date());
  const oidcConfigs = new Map<string, Promise<oidc.Configuration>>();
  const idpCache = new Map<string, { at: number; idp: IdpMetadata }>();

  function providerOf<P extends "oidc" | "saml">(id: string, protocol: P) {
    const p = providers.find((x) => x.id === id && x.protocol === protocol);
    if (!p) throw new SsoLoginError("sso_unknown_provider");
    return p as Extract<SsoProviderSettings, { protocol: P }>;
  }

  /** Audits a failed sign-in (own transaction) and throws its error. */
  async function fail(
    code: SsoFailureCode,
    provider: string,
    protocol: "oidc" | "saml",
    client: Client,
    detail?: string,
    extra: Record<string, unknown> = {},
  ): Promise<never> {
    const actor: Actor = { id: null, label: `sso:${provider}`, roles: [], locale: "ja", ip: client.ip };
    await db.transaction().execute(async (tx) => {
      await audit.write(tx, actor, {
        action: "auth.sso_failed",
        entityType: "user",
        entityId: null,
        context: { provider, protocol, code, ...(detail ? { detail: detail.slice(0, 300) } : {}), ...extra },
      });
    });
    throw new SsoLoginError(code);
  }

  // ── OpenID Connect ────────────────────────────────────────────────────────────────────────

  function oidcConfig(p: OidcProviderSettings): Promise<oidc.Configuration> {
    let config = oidcConfigs.get(p.id);
    if (!config) {
      config = oidc.discovery(
        new URL(p.issuer),
        p.clientId,
        p.clientSecret ?? undefined,
        p.clientSecret ? oidc.ClientSecretPost(p.clientSecret) : oidc.None(),
        p.allowHttp ? { execute: [oidc.allowInsecureRequests] } : undefined,
      );
      config.catch(() => oidcConfigs.delete(p.id));
      oidcConfigs.set(p.id, config);
    }
    return config;
  }

  const redirectUri = (p: { id: string }) => `${publicUrl}/sso/oidc/${p.id}/callback`;

  /**
   * Starts an OIDC login: fresh state, nonce and PKCE verifier stored server-side under the hash of
   * a one-time token the browser keeps in a cookie; answers the provider's authorization URL.
   */
  async function startOidc(
    providerId: string,
    returnTo: string | undefined,
    client: Client,
  ): Promise<{ redirectUrl: string; flowToken: string }> {
    const p = providerOf(providerId, "oidc");
    let config: oidc.Configuration;
    try {
      config = await oidcConfig(p);
    } catch (error) {
      return fail("sso_provider_unreachable", p.id, "oidc", client, (error as Error).message);
    }
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const flowToken = randomBytes(32).toString("base64url");
    await repo.insertFlow(db, {
      id: randomUUID(),
      token_hash: hash(flowToken),
      provider: p.id,
      protocol: "oidc",
      state,
      nonce,
      code_verifier: codeVerifier,
      return_to: safeReturnTo(returnTo),
      expires_at: new Date(clock().getTime() + FLOW_MINUTES * 60_000),
    });
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri(p),
      scope: p.scopes.join(" "),
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: "S256",
      state,
      nonce,
    });
    return { redirectUrl: url.href, flowToken };
  }

  /**
   * Finishes an OIDC login at the callback: the flow (one use) must exist for this browser; the
   * library checks state, the code exchange with the PKCE verifier, the ID token's signature,
   * issuer, audience, expiry and nonce.
   */
  async function finishOidc(
    providerId: string,
    callbackUrl: URL,
    flowToken: string | undefined,
    client: Client,
  ): Promise<{ token: string; csrfToken: string; returnTo: string }> {
    const p = providerOf(providerId, "oidc");
    const now = clock();
    const flow = flowToken
      ? await db.transaction().execute((tx) => repo.consumeFlowByToken(tx, hash(flowToken), now))
      : undefined;
    if (!flow || flow.provider !== p.id || flow.protocol !== "oidc")
      return fail("sso_flow_missing", p.id, "oidc", client, flowToken ? "unknown flow" : "no flow cookie");
    if (flow.consumed_at) return fail("sso_flow_missing", p.id, "oidc", client, "flow already used");
    if (new Date(flow.expires_at).getTime() <= now.getTime())
      return fail("sso_flow_missing", p.id, "oidc", client, "flow expired");
    let config: oidc.Configuration;
    try {
      config = await oidcConfig(p);
    } catch (error) {
      return fail("sso_provider_unreachable", p.id, "oidc", client, (error as Error).message);
    }
    let claims: Record<string, unknown>;
    try {
      const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: flow.code_verifier!,
        expectedState: flow.state!,
        expectedNonce: flow.nonce!,
        idTokenExpected: true,
      });
      const idClaims = tokens.claims();
      if (!idClaims) throw new Error("no ID token");
      let userinfo: Record<string, unknown> = {};
      if (config.serverMetadata().userinfo_endpoint && tokens.access_token) {
        userinfo = (await oidc.fetchUserInfo(config, tokens.access_token, idClaims.sub)) as Record<
          string,
          unknown
        >;
      }
      claims = { ...userinfo, ...idClaims };
    } catch (error) {
      const e = error as {
        name?: string;
        code?: string;
        message?: string;
        error?: string;
        error_description?: string;
        cause?: { message?: string };
      };
      // openid-client wraps the precise check ("state", "nonce", …) in `cause`.
      const message = [e.message, e.cause?.message, e.error_description].filter(Boolean).join(" — ");
      const detail = [e.name, e.error, message].filter(Boolean).join(": ");
      return fail(classifyOidcError({ ...e, message }), p.id, "oidc", client, detail);
    }
    const subject = claimString(claims[p.subjectClaim]);
    const identity: ExternalIdentity = {
      provider: p.id,
      subject: subject ?? "",
      email: claimString(claims.email),
      emailVerified: emailVerifiedFromClaims(claims, p.emailVerifiedClaim),
      displayName: claimString(claims.name) ?? claimString(claims.preferred_username),
      attributes: attributesOfClaims(claims),
    };
    return signIn(p, "oidc", identity, flow.return_to, client);
  }

  // ── SAML 2.0 ─────────────────────────────────────────────────────────────────────────────

  async function resolveIdp(p: SamlProviderSettings): Promise<IdpMetadata> {
    if (p.idp.resolved) return p.idp.resolved;
    const cached = idpCache.get(p.id);
    if (cached && Date.now() - cached.at < 3_600_000) return cached.idp;
    let xml: string;
    if (p.idp.metadataFile) xml = readFileSync(p.idp.metadataFile, "utf8");
    else {
      const fetchMetadata =
        deps.fetchMetadata ??
        (async (url: string) => {
          const res = await fetch(url, { signal: AbortSignal.timeout(20_000) });
          if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
          return res.text();
        });
      xml = await fetchMetadata(p.idp.metadataUrl!);
    }
    const idp = parseIdpMetadata(xml, p.idp.entityId);
    idpCache.set(p.id, { at: Date.now(), idp });
    return idp;
  }

  const spEntityIdOf = (p: SamlProviderSettings) => p.spEntityId ?? `${publicUrl}/sso/saml/${p.id}/metadata`;

  function samlFor(p: SamlProviderSettings, idp: IdpMetadata | null, cache: CacheProvider): SAML {
    return new SAML({
      callbackUrl: `${publicUrl}/sso/saml/${p.id}/acs`,
      entryPoint: idp?.ssoUrl ?? `${publicUrl}/`,
      issuer: spEntityIdOf(p),
      audience: spEntityIdOf(p),
      idpCert: idp?.signingCerts ?? PLACEHOLDER_CERT,
      ...(idp ? { idpIssuer: idp.entityId } : {}),
      wantAssertionsSigned: true,
      wantAuthnResponseSigned: false,
      validateInResponseTo: ValidateInResponseTo.always,
      requestIdExpirationPeriodMs: FLOW_MINUTES * 60_000,
      acceptedClockSkewMs: p.clockSkewSeconds * 1000,
      identifierFormat: null,
      disableRequestedAuthnContext: true,
      signatureAlgorithm: "sha256",
      ...(p.spPrivateKeyPem ? { privateKey: p.spPrivateKeyPem, decryptionPvk: p.spPrivateKeyPem } : {}),
      cacheProvider: cache,
    });
  }

  /** The SP metadata the IdP (or 学認's federation registry) needs: entityID, ACS URL, certificate. */
  async function spMetadata(providerId: string): Promise<string> {
    const p = providerOf(providerId, "saml");
    const noCache: CacheProvider = {
      saveAsync: async () => null,
      getAsync: async () => null,
      removeAsync: async () => null,
    };
    const saml = samlFor(p, null, noCache);
    return saml.generateServiceProviderMetadata(p.spCertPem, p.spCertPem);
  }

  /** Starts a SAML login: an AuthnRequest whose ID is stored for InResponseTo; RelayState is a one-time token. */
  async function startSaml(
    providerId: string,
    returnTo: string | undefined,
    client: Client,
  ): Promise<{ redirectUrl: string }> {
    const p = providerOf(providerId, "saml");
    let idp: IdpMetadata;
    try {
      idp = await resolveIdp(p);
    } catch (error) {
      return fail("sso_provider_unreachable", p.id, "saml", client, (error as Error).message);
    }
    let requestId: string | null = null;
    const capture: CacheProvider = {
      saveAsync: async (key) => {
        requestId = key;
        return null;
      },
      getAsync: async () => null,
      removeAsync: async () => null,
    };
    const relayState = randomBytes(32).toString("base64url");
    const url = await samlFor(p, idp, capture).getAuthorizeUrlAsync(relayState, undefined, {});
    if (!requestId) throw new Error("node-saml did not report the AuthnRequest ID");
    await repo.insertFlow(db, {
      id: randomUUID(),
      token_hash: hash(relayState),
      provider: p.id,
      protocol: "saml",
      saml_request_id: requestId,
      return_to: safeReturnTo(returnTo),
      expires_at: new Date(clock().getTime() + FLOW_MINUTES * 60_000),
    });
    return { redirectUrl: url };
  }

  /**
   * Checks a SAML response posted to the ACS: node-saml verifies the signature on the assertion
   * (required), issuer, audience, NotBefore/NotOnOrAfter and that InResponseTo names a request this
   * service sent; then, in one transaction, the assertion ID is recorded (a second use is a replay)
   * and the request marked answered.
   */
  async function finishSaml(
    providerId: string,
    body: { SAMLResponse: string; RelayState?: string | undefined },
    client: Client,
  ): Promise<{ token: string; csrfToken: string; returnTo: string }> {
    const p = providerOf(providerId, "saml");
    let idp: IdpMetadata;
    try {
      idp = await resolveIdp(p);
    } catch (error) {
      return fail("sso_provider_unreachable", p.id, "saml", client, (error as Error).message);
    }
    const lookup: CacheProvider = {
      saveAsync: async () => null,
      getAsync: async (key) => {
        const flow = await repo.findFlowBySamlRequest(db, key);
        if (!flow || flow.provider !== p.id) return null;
        return new Date(flow.created_at).toISOString();
      },
      // Consumption happens below, together with the assertion ID, so a replay is named as one.
      removeAsync: async () => null,
    };
    const xml = Buffer.from(body.SAMLResponse, "base64").toString("utf8");
    const hasSignature = /<([A-Za-z0-9_-]+:)?Signature[\s>]/.test(xml);
    let profile: Awaited<ReturnType<SAML["validatePostResponseAsync"]>>["profile"];
    try {
      const result = await samlFor(p, idp, lookup).validatePostResponseAsync({
        SAMLResponse: body.SAMLResponse,
        ...(body.RelayState ? { RelayState: body.RelayState } : {}),
      });
      profile = result.profile;
    } catch (error) {
      const message = (error as Error).message ?? String(error);
      return fail(classifySamlError(message, hasSignature), p.id, "saml", client, message);
    }
    if (!profile) return fail("sso_saml_invalid", p.id, "saml", client, "no profile");
    const assertion = (profile.getAssertion?.() as { Assertion?: AssertionShape } | undefined)?.Assertion;
    const assertionId = assertion?.$?.ID;
    if (!assertionId) return fail("sso_saml_invalid", p.id, "saml", client, "assertion without ID");
    const notOnOrAfter = assertion?.Conditions?.[0]?.$?.NotOnOrAfter;
    const now = clock();
    const expiresAt = notOnOrAfter ? new Date(notOnOrAfter) : new Date(now.getTime() + 86_400_000);
    const inResponseTo = String(profile.inResponseTo ?? "");
    const fresh = await db.transaction().execute(async (tx) => {
      const firstUse = await repo.rememberAssertion(tx, {
        provider: p.id,
        assertion_id: assertionId,
        expires_at: expiresAt,
      });
      if (!firstUse) return false;
      return repo.consumeSamlRequest(tx, inResponseTo, now);
    });
    if (!fresh) return fail("sso_saml_replay", p.id, "saml", client, `assertion ${assertionId}`);
    const attrs = attributesOfSaml((profile.attributes ?? {}) as Record<string, unknown>);
    const subject = p.subjectAttribute ? attrs[p.subjectAttribute]?.[0] : profile.nameID;
    const flow = inResponseTo ? await repo.findFlowBySamlRequest(db, inResponseTo) : undefined;
    const identity: ExternalIdentity = {
      provider: p.id,
      subject: subject ?? "",
      email: attrs[p.emailAttribute]?.[0] ?? null,
      emailVerified: p.trustEmail,
      displayName: attrs[p.displayNameAttribute]?.[0] ?? null,
      attributes: attrs,
    };
    return signIn(p, "saml", identity, flow?.return_to ?? "/", client);
  }

  // ── Both protocols ───────────────────────────────────────────────────────────────────────

  /**
   * Finds (or links, or creates) the local user for a checked identity and opens the session.
   * Linking and creation are audited in the transaction that makes them.
   */
  async function signIn(
    p: SsoProviderSettings,
    protocol: "oidc" | "saml",
    identity: ExternalIdentity,
    returnTo: string | null,
    client: Client,
  ): Promise<{ token: string; csrfToken: string; returnTo: string }> {
    if (!identity.subject) return fail("sso_subject_missing", p.id, protocol, client);
    const mapped = mapIdentity(p.mapping, identity.attributes);
    const now = clock();
    const outcome = await db.transaction().execute(async (tx) => {
      const link = await repo.findIdentity(tx, p.id, identity.subject);
      const linkedUser = link ? await repo.findUserById(tx, link.user_id) : undefined;
      const sameEmail = !link && identity.email ? await repo.findUsersByEmail(tx, identity.email) : [];
      const candidate = (u: UserRow) => ({
        id: u.id,
        username: u.username,
        disabled: u.disabled_at !== null,
      });
      const decision = decideAccount({
        linked: linkedUser ? candidate(linkedUser) : null,
        sameEmail: sameEmail.map(candidate),
        email: identity.email,
        emailVerified: identity.emailVerified,
        jitEnabled: p.jit,
      });
      if (decision.kind === "refuse") return { refused: decision.code, user: null };
      const system: Actor = { id: null, label: `sso:${p.id}`, roles: [], locale: "ja", ip: client.ip };
      let user: UserRow;
      if (decision.kind === "create") {
        const taken = await repo.usernamesLike(tx, p.id.replace(/[^a-z0-9]+/g, "").slice(0, 20) || "sso");
        user = await repo.insertUser(tx, {
          id: randomUUID(),
          username: usernameFor(p.id, identity, (n) => taken.has(n)),
          display_name: (identity.displayName ?? identity.email ?? identity.subject).slice(0, 200),
          email: identity.email && identity.emailVerified ? identity.email : null,
          roles: mapped.roles as Role[],
          department: mapped.department,
          locale: "ja",
          external_issuer: p.id,
          external_subject: identity.subject,
        });
        await repo.insertIdentity(tx, {
          id: randomUUID(),
          provider: p.id,
          subject: identity.subject,
          user_id: user.id,
          email: identity.email,
          last_login_at: now,
        });
        await audit.write(tx, system, {
          action: "user.created_by_sso",
          entityType: "user",
          entityId: user.id,
          after: {
            username: user.username,
            roles: user.roles,
            department: user.department,
            email: user.email,
          },
          context: { provider: p.id, protocol, subject: identity.subject, mapping: mapped.reasons },
        });
      } else {
        user = (await repo.findUserById(tx, decision.userId))!;
        if (decision.kind === "link_by_email") {
          await repo.insertIdentity(tx, {
            id: randomUUID(),
            provider: p.id,
            subject: identity.subject,
            user_id: user.id,
            email: identity.email,
            last_login_at: now,
          });
          await audit.write(tx, system, {
            action: "user.sso_linked",
            entityType: "user",
            entityId: user.id,
            context: {
              provider: p.id,
              protocol,
              subject: identity.subject,
              by: "verified_email",
              email: identity.email,
            },
          });
        } else {
          await repo.touchIdentity(tx, link!.id, identity.email, now);
        }
        const patch: { roles?: Role[]; department?: string | null } = {};
        if (p.syncRoles) {
          const keepAdmin = user.roles.includes("admin") ? (["admin"] as Role[]) : [];
          const next = [...new Set([...(mapped.roles as Role[]), ...keepAdmin])].sort();
          if (next.join() !== [...user.roles].sort().join()) patch.roles = next;
        }
        if (p.mapping.departmentClaim && mapped.department && mapped.department !== user.department)
          patch.department = mapped.department;
        if (Object.keys(patch).length > 0) {
          const before = { roles: user.roles, department: user.department };
          user = await repo.updateUserFromIdp(tx, user.id, patch);
          await audit.write(tx, system, {
            action: "user.updated_by_sso",
            entityType: "user",
            entityId: user.id,
            before,
            after: { roles: user.roles, department: user.department },
            context: { provider: p.id, protocol, mapping: mapped.reasons },
          });
        }
      }
      await audit.write(
        tx,
        { id: user.id, label: user.username, roles: user.roles, locale: user.locale, ip: client.ip },
        {
          action: "auth.sso_login",
          entityType: "user",
          entityId: user.id,
          context: {
            provider: p.id,
            protocol,
            subject: identity.subject,
            account: decision.kind,
            mapping: mapped.reasons,
          },
        },
      );
      return { refused: null, user };
    });
    if (outcome.refused || !outcome.user)
      return fail(outcome.refused ?? "sso_no_account", p.id, protocol, client, undefined, {
        subject: identity.subject,
        email: identity.email,
      });
    const session = await deps.auth.startSession(outcome.user, `${protocol}:${p.id}`, client);
    return { ...session, returnTo: safeReturnTo(returnTo) };
  }

  return {
    publicUrl,
    /** The providers the login page offers (no secrets). */
    listProviders: (): ProviderView[] =>
      providers.map((p) => ({ id: p.id, protocol: p.protocol, displayName: p.displayName })),
    startOidc,
    finishOidc,
    startSaml,
    finishSaml,
    spMetadata,
    failureFor: (code: SsoFailureCode) => new SsoLoginError(code),
    purge: (executor: Executor = db) => repo.purge(executor, clock()),
  };
}

type AssertionShape = { $?: { ID?: string }; Conditions?: { $?: { NotOnOrAfter?: string } }[] };

function claimString(value: unknown): string | null {
  if (typeof value === "string" && value.trim() !== "") return value.trim();
  if (typeof value === "number") return String(value);
  return null;
}

export type SsoService = ReturnType<typeof createSsoService>;
