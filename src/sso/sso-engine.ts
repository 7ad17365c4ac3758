/**
 * Single sign-on rules with no IO: what an identity provider's claims or SAML attributes mean for
 * a Sekimori user (roles, department, e-mail), whether a login may link to or create an account,
 * where a browser may be sent back to, and what a library's error means in words a user and an
 * auditor understand.
 */

/** The roles of src/db/schema.ts, repeated here so the engine imports nothing of ours. */
export type SsoRole = "applicant" | "unit_officer" | "secretariat" | "approver" | "auditor" | "admin";

export type Bilingual = { ja: string; en: string };

/** A claim/attribute rule: when the claim has (one of) these values, grant these roles. */
export type RoleRule = { claim: string; equals: string[]; roles: SsoRole[] };

export type MappingSettings = {
  /** Rules for roles; every matching rule adds its roles. */
  roleRules: RoleRule[];
  /** Roles of a user no rule matched (least privilege; empty list = no role at all). */
  defaultRoles: SsoRole[];
  /** The claim/attribute holding the department (所属), or null. */
  departmentClaim: string | null;
};

/** What the engine needs of one login, whatever the protocol. */
export type ExternalIdentity = {
  provider: string;
  subject: string;
  email: string | null;
  emailVerified: boolean;
  displayName: string | null;
  /** Every claim or attribute as a list of strings (friendly names; SAML OIDs are translated). */
  attributes: Record<string, string[]>;
};

/**
 * SAML attribute OIDs (urn:oid:…) → the friendly names operators write in rules. From the
 * eduPerson specification (REFEDS, 1.3.6.1.4.1.5923.1.1.1.x) and the X.500/inetOrgPerson schemas
 * (RFC 4519, RFC 2798) that 学認 and Shibboleth release.
 */
export const SAML_ATTRIBUTE_NAMES: Readonly<Record<string, string>> = {
  "urn:oid:1.3.6.1.4.1.5923.1.1.1.6": "eduPersonPrincipalName",
  "urn:oid:1.3.6.1.4.1.5923.1.1.1.1": "eduPersonAffiliation",
  "urn:oid:1.3.6.1.4.1.5923.1.1.1.9": "eduPersonScopedAffiliation",
  "urn:oid:1.3.6.1.4.1.5923.1.1.1.10": "eduPersonTargetedID",
  "urn:oid:1.3.6.1.4.1.5923.1.1.1.7": "eduPersonEntitlement",
  "urn:oid:0.9.2342.19200300.100.1.3": "mail",
  "urn:oid:2.16.840.1.113730.3.1.241": "displayName",
  "urn:oid:2.5.4.11": "ou",
  "urn:oid:2.5.4.10": "o",
  "urn:oid:2.5.4.42": "givenName",
  "urn:oid:2.5.4.4": "sn",
  "urn:oid:2.5.4.3": "cn",
};

/** Roles single sign-on may never grant: administration stays a local, audited decision. */
export const ROLES_SSO_CANNOT_GRANT: readonly SsoRole[] = ["admin"];

/** Turns any claim value (string, number, boolean, array of them) into a list of strings. */
export function claimStrings(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.flatMap(claimStrings);
  if (typeof value === "string") return value.trim() === "" ? [] : [value.trim()];
  if (typeof value === "number" || typeof value === "boolean") return [String(value)];
  return [];
}

/** Claims of an ID token / userinfo answer as lists of strings, by claim name. */
export function attributesOfClaims(claims: Record<string, unknown>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(claims)) {
    const list = claimStrings(value);
    if (list.length > 0) out[key] = list;
  }
  return out;
}

/** SAML attributes (keyed by OID or friendly name) as lists of strings under friendly names. */
export function attributesOfSaml(attributes: Record<string, unknown>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(attributes)) {
    const name = SAML_ATTRIBUTE_NAMES[key] ?? key;
    const list = claimStrings(value);
    if (list.length > 0) out[name] = [...(out[name] ?? []), ...list];
  }
  return out;
}

/**
 * eduPersonAffiliation values may arrive scoped ("staff@example.ac.jp", eduPersonScopedAffiliation)
 * or not: a rule on eduPersonAffiliation matches both.
 */
function valuesFor(attributes: Record<string, string[]>, claim: string): string[] {
  const direct = attributes[claim] ?? [];
  if (claim === "eduPersonAffiliation") {
    const scoped = (attributes.eduPersonScopedAffiliation ?? []).map((v) => v.split("@")[0]!);
    return [...direct, ...scoped];
  }
  return direct;
}

/**
 * Roles and department for an identity. Every matching rule adds its roles; when none matches the
 * default roles apply (least privilege). Roles SSO may not grant are dropped and said so.
 */
export function mapIdentity(
  settings: MappingSettings,
  attributes: Record<string, string[]>,
): { roles: SsoRole[]; department: string | null; reasons: string[] } {
  const roles = new Set<SsoRole>();
  const reasons: string[] = [];
  for (const rule of settings.roleRules) {
    const wanted = new Set(rule.equals.map((v) => v.toLowerCase()));
    const hit = valuesFor(attributes, rule.claim).find((v) => wanted.has(v.toLowerCase()));
    if (hit !== undefined) {
      for (const r of rule.roles) roles.add(r);
      reasons.push(`${rule.claim}=${hit} → ${rule.roles.join(",")}`);
    }
  }
  if (roles.size === 0) {
    for (const r of settings.defaultRoles) roles.add(r);
    reasons.push(`no rule matched → default ${settings.defaultRoles.join(",") || "(none)"}`);
  }
  for (const r of ROLES_SSO_CANNOT_GRANT) {
    if (roles.delete(r)) reasons.push(`${r} cannot be granted by single sign-on`);
  }
  const department = settings.departmentClaim
    ? (valuesFor(attributes, settings.departmentClaim)[0] ?? null)
    : null;
  return { roles: [...roles].sort(), department, reasons };
}

/** Is an e-mail claim to be trusted? OIDC: the verified claim must be exactly true (or "true"). */
export function emailVerifiedFromClaims(claims: Record<string, unknown>, claim: string): boolean {
  const value = claims[claim];
  return value === true || value === "true" || value === 1 || value === "1";
}

export type AccountCandidate = { id: string; disabled: boolean; username: string };

export type AccountDecision =
  | { kind: "use_linked"; userId: string }
  | { kind: "link_by_email"; userId: string }
  | { kind: "create" }
  | { kind: "refuse"; code: SsoFailureCode };

/**
 * Which local account a login uses: the one already linked to this external identity; else the
 * one whose e-mail equals the identity's VERIFIED e-mail (exactly one such user); else a new one
 * when just-in-time creation is on. Anything else is refused with its reason.
 */
export function decideAccount(input: {
  linked: AccountCandidate | null;
  sameEmail: AccountCandidate[];
  email: string | null;
  emailVerified: boolean;
  jitEnabled: boolean;
}): AccountDecision {
  if (input.linked) {
    if (input.linked.disabled) return { kind: "refuse", code: "sso_user_disabled" };
    return { kind: "use_linked", userId: input.linked.id };
  }
  if (input.email && input.sameEmail.length > 0) {
    if (!input.emailVerified) return { kind: "refuse", code: "sso_email_unverified" };
    if (input.sameEmail.length > 1) return { kind: "refuse", code: "sso_email_ambiguous" };
    const user = input.sameEmail[0]!;
    if (user.disabled) return { kind: "refuse", code: "sso_user_disabled" };
    return { kind: "link_by_email", userId: user.id };
  }
  if (input.jitEnabled) return { kind: "create" };
  return { kind: "refuse", code: "sso_no_account" };
}

/**
 * A username for a just-in-time user: the e-mail's or principal name's local part, made to fit
 * the local username rule (lower-case letters, digits, . _ -; 3–63 characters), with the provider
 * as prefix so it cannot take over a local name. `taken` tells which names exist.
 */
export function usernameFor(
  provider: string,
  identity: { email: string | null; subject: string },
  taken: (name: string) => boolean,
): string {
  const source = (identity.email ?? identity.subject).split("@")[0]!.toLowerCase();
  const cleaned = source.replace(/[^a-z0-9._-]+/g, "-").replace(/^[-._]+|[-._]+$/g, "") || "user";
  const prefix =
    provider
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "")
      .slice(0, 20) || "sso";
  const base = `${prefix}.${cleaned}`.slice(0, 56);
  if (!taken(base)) return base;
  for (let i = 2; i < 10_000; i++) {
    const name = `${base}-${i}`;
    if (!taken(name)) return name;
  }
  throw new Error("no free username");
}

/**
 * Where the browser goes after login: only a path on this site (no scheme, no host, no "//" or
 * backslash tricks) — anything else becomes "/" so the login cannot be an open redirect.
 */
export function safeReturnTo(raw: string | null | undefined): string {
  if (!raw || raw.length > 500) return "/";
  if (!raw.startsWith("/") || raw.startsWith("//") || raw.includes("\\")) return "/";
  if ([...raw].some((c) => c.charCodeAt(0) < 0x20)) return "/";
  if (raw.startsWith("/login")) return "/";
  return raw;
}

/**
 * With local passwords switched off, only the named break-glass accounts may still log in with a
 * password (case-insensitive, as usernames are).
 */
export function passwordLoginAllowed(
  policy: { passwordLogin: boolean; breakGlassUsers: readonly string[] },
  username: string,
): boolean {
  if (policy.passwordLogin) return true;
  const name = username.trim().toLowerCase();
  return policy.breakGlassUsers.some((u) => u.toLowerCase() === name);
}

export type SsoFailureCode =
  | "sso_unknown_provider"
  | "sso_flow_missing"
  | "sso_state_mismatch"
  | "sso_nonce_mismatch"
  | "sso_provider_error"
  | "sso_token_failed"
  | "sso_id_token_invalid"
  | "sso_provider_unreachable"
  | "sso_saml_unsigned"
  | "sso_saml_signature"
  | "sso_saml_expired"
  | "sso_saml_audience"
  | "sso_saml_in_response_to"
  | "sso_saml_replay"
  | "sso_saml_invalid"
  | "sso_subject_missing"
  | "sso_email_unverified"
  | "sso_email_ambiguous"
  | "sso_no_account"
  | "sso_user_disabled";

/** The user-facing message of every failure, in both languages (the web shows the same text). */
export const SSO_FAILURE_MESSAGES: Readonly<Record<SsoFailureCode, Bilingual>> = {
  sso_unknown_provider: {
    ja: "このシングルサインオンの設定は見つかりません",
    en: "This single sign-on provider is not configured",
  },
  sso_flow_missing: {
    ja: "サインインの手続きが見つからないか期限切れです。もう一度サインインしてください",
    en: "This sign-in was not started here or has expired. Please sign in again",
  },
  sso_state_mismatch: {
    ja: "サインインの応答が開始した手続きと一致しません（state 不一致）。もう一度サインインしてください",
    en: "The sign-in response does not belong to the sign-in you started (state mismatch). Please sign in again",
  },
  sso_nonce_mismatch: {
    ja: "ID トークンがこのサインインのために発行されたものではありません（nonce 不一致）",
    en: "The ID token was not issued for this sign-in (nonce mismatch)",
  },
  sso_provider_error: {
    ja: "ID プロバイダがサインインを拒否しました",
    en: "The identity provider refused the sign-in",
  },
  sso_token_failed: {
    ja: "認可コードをトークンに交換できませんでした（PKCE 検証の失敗など）",
    en: "The authorization code could not be exchanged for tokens (e.g. PKCE verification failed)",
  },
  sso_id_token_invalid: {
    ja: "ID トークンが正しくありません（署名・発行者・宛先・有効期限）",
    en: "The ID token is not valid (signature, issuer, audience or expiry)",
  },
  sso_provider_unreachable: {
    ja: "ID プロバイダに接続できません。しばらくしてから再試行してください",
    en: "The identity provider cannot be reached. Try again later",
  },
  sso_saml_unsigned: {
    ja: "SAML アサーションに署名がありません。署名付きのアサーションだけを受け付けます",
    en: "The SAML assertion is not signed; only signed assertions are accepted",
  },
  sso_saml_signature: {
    ja: "SAML 応答の署名が正しくありません（改ざんまたは証明書の不一致）",
    en: "The SAML response's signature is not valid (tampered, or a different certificate)",
  },
  sso_saml_expired: {
    ja: "SAML アサーションの有効期間外です（NotBefore / NotOnOrAfter）",
    en: "The SAML assertion is outside its validity window (NotBefore / NotOnOrAfter)",
  },
  sso_saml_audience: {
    ja: "SAML アサーションの宛先（Audience）がこのシステムではありません",
    en: "The SAML assertion's audience is not this service",
  },
  sso_saml_in_response_to: {
    ja: "SAML 応答がこのシステムの送った要求に対するものではありません（InResponseTo）",
    en: "The SAML response does not answer a request this service sent (InResponseTo)",
  },
  sso_saml_replay: {
    ja: "この SAML アサーションは既に使われています（再送攻撃の可能性）",
    en: "This SAML assertion was already used (possible replay)",
  },
  sso_saml_invalid: {
    ja: "SAML 応答を検証できませんでした",
    en: "The SAML response could not be validated",
  },
  sso_subject_missing: {
    ja: "ID プロバイダが利用者の識別子を送ってきませんでした",
    en: "The identity provider did not send the user's identifier",
  },
  sso_email_unverified: {
    ja: "同じメールアドレスの利用者がいますが、ID プロバイダがメールアドレスを確認済みとしていないため連携できません。管理者に連絡してください",
    en: "A user with this e-mail exists, but the identity provider does not vouch for the e-mail, so the accounts cannot be linked. Ask an administrator",
  },
  sso_email_ambiguous: {
    ja: "同じメールアドレスの利用者が複数いるため連携できません。管理者に連絡してください",
    en: "Several users have this e-mail, so the account cannot be linked. Ask an administrator",
  },
  sso_no_account: {
    ja: "この ID に対応する Sekimori の利用者がいません。管理者に利用者登録を依頼してください",
    en: "No Sekimori user belongs to this identity. Ask an administrator to create your account",
  },
  sso_user_disabled: {
    ja: "この利用者は無効化されています",
    en: "This user is disabled",
  },
};

/**
 * Sorts an openid-client / oauth4webapi error into a failure code. The libraries name the check
 * that failed in their messages and codes ("state", "nonce", PKCE, response errors).
 */
export function classifyOidcError(error: {
  name?: string;
  code?: string;
  message?: string;
  error?: string;
}): SsoFailureCode {
  const message = error.message ?? "";
  if (error.name === "AuthorizationResponseError" || error.code === "OAUTH_AUTHORIZATION_RESPONSE_ERROR")
    return "sso_provider_error";
  if (/"state"/.test(message) || (/\bstate\b/.test(message) && /unexpected|mismatch|missing/.test(message)))
    return "sso_state_mismatch";
  if (/nonce/.test(message)) return "sso_nonce_mismatch";
  if (error.name === "ResponseBodyError" || error.code === "OAUTH_RESPONSE_BODY_ERROR" || error.error)
    return "sso_token_failed";
  if (/fetch failed|ECONNREFUSED|ENOTFOUND|timed? ?out/i.test(message)) return "sso_provider_unreachable";
  return "sso_id_token_invalid";
}

/**
 * Sorts a node-saml validation error into a failure code, from the check its message names.
 * node-saml says "Invalid signature" both for a missing and for a broken signature, so the caller
 * says whether the response carried any signature at all.
 */
export function classifySamlError(message: string, hasSignature: boolean): SsoFailureCode {
  if (/^SAML provider returned/i.test(message)) return "sso_provider_error";
  if (/InResponseTo/i.test(message)) return "sso_saml_in_response_to";
  if (/audience/i.test(message)) return "sso_saml_audience";
  if (/expired|not yet valid|NotBefore|NotOnOrAfter|subject confirmation/i.test(message))
    return "sso_saml_expired";
  if (/signature|cert/i.test(message)) return hasSignature ? "sso_saml_signature" : "sso_saml_unsigned";
  return "sso_saml_invalid";
}
