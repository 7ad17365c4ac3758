import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { type MappingSettings, ROLES_SSO_CANNOT_GRANT, type SsoRole } from "./sso-engine.js";
import type { IdpMetadata } from "./sso-metadata.js";

type Bilingual = { ja: string; en: string };

type Common = {
  id: string;
  displayName: Bilingual;
  mapping: MappingSettings;
  /** Create a user on first sign-in (off by default: an administrator creates users first). */
  jit: boolean;
  /** Replace the user's roles with the mapped ones at every sign-in (admin is always kept). */
  syncRoles: boolean;
};

export type OidcProviderSettings = Common & {
  protocol: "oidc";
  issuer: string;
  clientId: string;
  clientSecret: string | null;
  scopes: string[];
  subjectClaim: string;
  emailVerifiedClaim: string;
  /** Allow plain http (only for a loopback issuer, e.g. a test provider). */
  allowHttp: boolean;
};

export type SamlProviderSettings = Common & {
  protocol: "saml";
  /** Where the IdP's metadata comes from (one of them). */
  idp: { metadataFile?: string; metadataUrl?: string; entityId?: string; resolved?: IdpMetadata };
  /** This service provider's entityID (default: its metadata URL). */
  spEntityId: string | null;
  /** PEM key and certificate to sign AuthnRequests and decrypt encrypted assertions (optional). */
  spPrivateKeyPem: string | null;
  spCertPem: string | null;
  /** Attribute giving the stable subject (default eduPersonPrincipalName; null: the NameID). */
  subjectAttribute: string | null;
  emailAttribute: string;
  displayNameAttribute: string;
  /** The IdP vouches for the mail attribute (a university directory), so it may link accounts. */
  trustEmail: boolean;
  clockSkewSeconds: number;
};

export type SsoProviderSettings = OidcProviderSettings | SamlProviderSettings;

const Role = z.enum(["applicant", "unit_officer", "secretariat", "approver", "auditor", "admin"]);
const Text = z.object({ ja: z.string().min(1).max(100), en: z.string().min(1).max(100) });
const RoleRule = z.object({
  claim: z.string().min(1),
  equals: z.union([z.string(), z.array(z.string()).min(1)]),
  roles: z.array(Role).min(1),
});
const CommonFile = {
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, "lower-case letters, digits and -, up to 40"),
  displayName: Text,
  roleRules: z.array(RoleRule).default([]),
  defaultRoles: z.array(Role).default(["applicant"]),
  departmentClaim: z.string().min(1).nullable().optional(),
  jit: z.boolean().default(false),
  syncRoles: z.boolean().default(false),
};
const OidcFile = z
  .object({
    ...CommonFile,
    protocol: z.literal("oidc"),
    issuer: z.url(),
    clientId: z.string().min(1),
    clientSecret: z.string().min(1).optional(),
    clientSecretEnv: z.string().min(1).optional(),
    scopes: z.array(z.string().min(1)).default(["openid", "email", "profile"]),
    subjectClaim: z.string().min(1).default("sub"),
    emailVerifiedClaim: z.string().min(1).default("email_verified"),
    allowHttp: z.boolean().default(false),
  })
  .strict();
const SamlFile = z
  .object({
    ...CommonFile,
    protocol: z.literal("saml"),
    idpMetadataFile: z.string().min(1).optional(),
    idpMetadataUrl: z.url().optional(),
    idpEntityId: z.string().min(1).optional(),
    spEntityId: z.string().min(1).optional(),
    spPrivateKeyFile: z.string().min(1).optional(),
    spCertFile: z.string().min(1).optional(),
    subjectAttribute: z.string().min(1).nullable().default("eduPersonPrincipalName"),
    emailAttribute: z.string().min(1).default("mail"),
    displayNameAttribute: z.string().min(1).default("displayName"),
    trustEmail: z.boolean().default(false),
    clockSkewSeconds: z.number().int().min(0).max(600).default(60),
  })
  .strict();
const ProvidersFile = z
  .object({ providers: z.array(z.discriminatedUnion("protocol", [OidcFile, SamlFile])) })
  .strict();

/** A provider file that cannot be used, naming the file and the field. */
export class SsoConfigError extends Error {}

const LOOPBACK = /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/|$)/;

/**
 * Reads the SSO provider file (JSON, see README "Single sign-on"). Secrets may be given by the
 * name of an environment variable (`clientSecretEnv`) so the file itself holds none.
 */
export function loadSsoProviders(
  file: string,
  env: Record<string, string | undefined> = process.env,
): SsoProviderSettings[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new SsoConfigError(`${file}: ${(error as Error).message}`);
  }
  const parsed = ProvidersFile.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new SsoConfigError(`${file}: ${issue.path.join(".") || "(top)"}: ${issue.message}`);
  }
  const dir = path.dirname(path.resolve(file));
  const ids = new Set<string>();
  return parsed.data.providers.map((p, index) => {
    const where = `${file}: providers.${index} (${p.id})`;
    if (ids.has(p.id)) throw new SsoConfigError(`${where}: the id is used twice`);
    ids.add(p.id);
    for (const rule of p.roleRules)
      for (const r of rule.roles)
        if (ROLES_SSO_CANNOT_GRANT.includes(r))
          throw new SsoConfigError(`${where}: roleRules may not grant "${r}" (grant it locally)`);
    const mapping: MappingSettings = {
      roleRules: p.roleRules.map((r) => ({
        claim: r.claim,
        equals: typeof r.equals === "string" ? [r.equals] : r.equals,
        roles: r.roles as SsoRole[],
      })),
      defaultRoles: p.defaultRoles.filter((r) => !ROLES_SSO_CANNOT_GRANT.includes(r)) as SsoRole[],
      departmentClaim: p.departmentClaim ?? null,
    };
    const common = { id: p.id, displayName: p.displayName, mapping, jit: p.jit, syncRoles: p.syncRoles };
    if (p.protocol === "oidc") {
      if (p.issuer.startsWith("http://") && !(p.allowHttp && LOOPBACK.test(p.issuer)))
        throw new SsoConfigError(
          `${where}: issuer must use https:// (http only with allowHttp on a loopback address)`,
        );
      const secret = p.clientSecretEnv ? env[p.clientSecretEnv] : p.clientSecret;
      if (p.clientSecretEnv && !secret)
        throw new SsoConfigError(
          `${where}: environment variable ${p.clientSecretEnv} (clientSecretEnv) is not set`,
        );
      if (!p.scopes.includes("openid")) throw new SsoConfigError(`${where}: scopes must include "openid"`);
      return {
        ...common,
        protocol: "oidc" as const,
        issuer: p.issuer,
        clientId: p.clientId,
        clientSecret: secret ?? null,
        scopes: p.scopes,
        subjectClaim: p.subjectClaim,
        emailVerifiedClaim: p.emailVerifiedClaim,
        allowHttp: p.allowHttp,
      };
    }
    if (!p.idpMetadataFile === !p.idpMetadataUrl)
      throw new SsoConfigError(`${where}: give exactly one of idpMetadataFile and idpMetadataUrl`);
    if (!p.spPrivateKeyFile !== !p.spCertFile)
      throw new SsoConfigError(`${where}: give both spPrivateKeyFile and spCertFile, or neither`);
    const read = (f: string) => {
      try {
        return readFileSync(path.resolve(dir, f), "utf8");
      } catch (error) {
        throw new SsoConfigError(`${where}: cannot read ${f}: ${(error as Error).message}`);
      }
    };
    return {
      ...common,
      protocol: "saml" as const,
      idp: {
        ...(p.idpMetadataFile ? { metadataFile: path.resolve(dir, p.idpMetadataFile) } : {}),
        ...(p.idpMetadataUrl ? { metadataUrl: p.idpMetadataUrl } : {}),
        ...(p.idpEntityId ? { entityId: p.idpEntityId } : {}),
      },
      spEntityId: p.spEntityId ?? null,
      spPrivateKeyPem: p.spPrivateKeyFile ? read(p.spPrivateKeyFile) : null,
      spCertPem: p.spCertFile ? read(p.spCertFile) : null,
      subjectAttribute: p.subjectAttribute,
      emailAttribute: p.emailAttribute,
      displayNameAttribute: p.displayNameAttribute,
      trustEmail: p.trustEmail,
      clockSkewSeconds: p.clockSkewSeconds,
    };
  });
}
