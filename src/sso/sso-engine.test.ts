import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  attributesOfSaml,
  classifyOidcError,
  classifySamlError,
  decideAccount,
  mapIdentity,
  passwordLoginAllowed,
  SSO_FAILURE_MESSAGES,
  safeReturnTo,
  usernameFor,
} from "./sso-engine.js";

const mapping = {
  roleRules: [
    { claim: "groups", equals: ["export-office"], roles: ["secretariat" as const] },
    {
      claim: "eduPersonAffiliation",
      equals: ["faculty"],
      roles: ["applicant" as const, "unit_officer" as const],
    },
    { claim: "groups", equals: ["it-admins"], roles: ["admin" as const] },
  ],
  defaultRoles: ["applicant" as const],
  departmentClaim: "ou",
};

describe("mapIdentity", () => {
  it.each([
    [{ groups: ["export-office"] }, ["secretariat"]],
    [{ groups: ["Export-Office", "x"] }, ["secretariat"]],
    [{ eduPersonAffiliation: ["faculty"] }, ["applicant", "unit_officer"]],
    [{ eduPersonScopedAffiliation: ["faculty@example.ac.jp"] }, ["applicant", "unit_officer"]],
    [
      { groups: ["export-office"], eduPersonAffiliation: ["faculty"] },
      ["applicant", "secretariat", "unit_officer"],
    ],
    [{ groups: ["nothing"] }, ["applicant"]],
    [{}, ["applicant"]],
    [{ groups: ["it-admins"] }, []],
  ])("%j → %j", (attributes, roles) => {
    expect(mapIdentity(mapping, attributes).roles).toEqual(roles);
  });

  it("never grants admin, and says why", () => {
    const result = mapIdentity(mapping, { groups: ["it-admins", "export-office"] });
    expect(result.roles).toEqual(["secretariat"]);
    expect(result.reasons.join(" ")).toContain("admin cannot be granted");
  });

  it("takes the department from the configured attribute", () => {
    expect(mapIdentity(mapping, { ou: ["工学研究科", "x"] }).department).toBe("工学研究科");
    expect(mapIdentity({ ...mapping, departmentClaim: null }, { ou: ["工学研究科"] }).department).toBeNull();
  });

  it("property: admin is never among the mapped roles", () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom("groups", "eduPersonAffiliation", "ou"), fc.array(fc.string())),
        (attrs) => {
          expect(mapIdentity(mapping, attrs).roles).not.toContain("admin");
        },
      ),
    );
  });
});

describe("attributesOfSaml", () => {
  it("translates 学認's OIDs to friendly names and merges values", () => {
    expect(
      attributesOfSaml({
        "urn:oid:1.3.6.1.4.1.5923.1.1.1.6": "taro@example.ac.jp",
        "urn:oid:1.3.6.1.4.1.5923.1.1.1.1": ["staff", "member"],
        "urn:oid:0.9.2342.19200300.100.1.3": "taro@example.ac.jp",
        "urn:oid:2.5.4.11": "工学部",
        jaDisplayName: "山田 太郎",
        empty: "",
      }),
    ).toEqual({
      eduPersonPrincipalName: ["taro@example.ac.jp"],
      eduPersonAffiliation: ["staff", "member"],
      mail: ["taro@example.ac.jp"],
      ou: ["工学部"],
      jaDisplayName: ["山田 太郎"],
    });
  });
});

describe("decideAccount", () => {
  const u = (id: string, disabled = false) => ({ id, username: id, disabled });
  it.each([
    [
      { linked: u("a"), sameEmail: [], email: null, emailVerified: false, jitEnabled: false },
      { kind: "use_linked", userId: "a" },
    ],
    [
      { linked: u("a", true), sameEmail: [], email: null, emailVerified: false, jitEnabled: true },
      { kind: "refuse", code: "sso_user_disabled" },
    ],
    [
      { linked: null, sameEmail: [u("b")], email: "b@x", emailVerified: true, jitEnabled: false },
      { kind: "link_by_email", userId: "b" },
    ],
    [
      { linked: null, sameEmail: [u("b")], email: "b@x", emailVerified: false, jitEnabled: true },
      { kind: "refuse", code: "sso_email_unverified" },
    ],
    [
      { linked: null, sameEmail: [u("b"), u("c")], email: "b@x", emailVerified: true, jitEnabled: true },
      { kind: "refuse", code: "sso_email_ambiguous" },
    ],
    [
      { linked: null, sameEmail: [u("b", true)], email: "b@x", emailVerified: true, jitEnabled: true },
      { kind: "refuse", code: "sso_user_disabled" },
    ],
    [
      { linked: null, sameEmail: [], email: "n@x", emailVerified: true, jitEnabled: true },
      { kind: "create" },
    ],
    [
      { linked: null, sameEmail: [], email: "n@x", emailVerified: true, jitEnabled: false },
      { kind: "refuse", code: "sso_no_account" },
    ],
  ] as const)("%j → %j", (input, expected) => {
    expect(decideAccount({ ...input, sameEmail: [...input.sameEmail] })).toEqual(expected);
  });

  it("property: an unverified e-mail never links to an existing user", () => {
    fc.assert(
      fc.property(fc.boolean(), fc.integer({ min: 1, max: 3 }), (jit, n) => {
        const d = decideAccount({
          linked: null,
          sameEmail: Array.from({ length: n }, (_, i) => u(`u${i}`)),
          email: "x@y",
          emailVerified: false,
          jitEnabled: jit,
        });
        expect(d.kind).toBe("refuse");
      }),
    );
  });
});

describe("safeReturnTo", () => {
  it.each([
    [undefined, "/"],
    ["/reviews/12?tab=a", "/reviews/12?tab=a"],
    ["https://evil.example/", "/"],
    ["//evil.example/", "/"],
    ["/\\evil.example", "/"],
    ["javascript:alert(1)", "/"],
    ["/login?x", "/"],
    ["/a\nb", "/"],
  ])("%s → %s", (raw, expected) => {
    expect(safeReturnTo(raw)).toBe(expected);
  });

  it("property: the result is always a same-site path", () => {
    fc.assert(
      fc.property(fc.string(), (raw) => {
        const out = safeReturnTo(raw);
        expect(out.startsWith("/")).toBe(true);
        expect(out.startsWith("//")).toBe(false);
        expect(new URL(out, "https://sekimori.example").host).toBe("sekimori.example");
      }),
    );
  });
});

describe("usernameFor", () => {
  it("prefixes the provider and avoids names taken", () => {
    const taken = new Set(["entra.taro.yamada"]);
    expect(
      usernameFor("entra", { email: "Taro.Yamada@example.ac.jp", subject: "s" }, (n) => taken.has(n)),
    ).toBe("entra.taro.yamada-2");
    expect(usernameFor("gakunin", { email: null, subject: "山田@example.ac.jp" }, () => false)).toBe(
      "gakunin.user",
    );
  });
});

describe("passwordLoginAllowed", () => {
  it.each([
    [true, [], "anyone", true],
    [false, ["admin"], "Admin", true],
    [false, ["admin"], "alice", false],
    [false, [], "admin", false],
  ])("passwordLogin=%s breakGlass=%j %s → %s", (passwordLogin, breakGlassUsers, name, expected) => {
    expect(passwordLoginAllowed({ passwordLogin, breakGlassUsers }, name)).toBe(expected);
  });
});

describe("error classification", () => {
  it.each([
    [{ name: "AuthorizationResponseError", message: "x" }, "sso_provider_error"],
    [
      { message: 'invalid response encountered — unexpected "state" response parameter value' },
      "sso_state_mismatch",
    ],
    [
      { message: 'unexpected JWT claim value encountered — unexpected ID Token "nonce" claim value' },
      "sso_nonce_mismatch",
    ],
    [
      { name: "ResponseBodyError", error: "invalid_grant", message: "server responded with an error" },
      "sso_token_failed",
    ],
    [{ message: "fetch failed" }, "sso_provider_unreachable"],
    [{ message: 'unexpected JWT "exp" (expiration time) claim value' }, "sso_id_token_invalid"],
  ])("OIDC %j → %s", (error, code) => {
    expect(classifyOidcError(error)).toBe(code);
  });

  it.each([
    ["Invalid signature", true, "sso_saml_signature"],
    ["Invalid signature", false, "sso_saml_unsigned"],
    ["SAML assertion expired: clocks skewed too much", true, "sso_saml_expired"],
    ["SAML assertion not yet valid", true, "sso_saml_expired"],
    ["SAML assertion audience mismatch. Expected: a Received: b", true, "sso_saml_audience"],
    ["InResponseTo is not valid", true, "sso_saml_in_response_to"],
    ["SAML provider returned Responder error: x", true, "sso_provider_error"],
    ["Missing SAML assertion", true, "sso_saml_invalid"],
  ] as const)("SAML %s (signed: %s) → %s", (message, signed, code) => {
    expect(classifySamlError(message, signed)).toBe(code);
  });

  it("every failure has a message in both languages", () => {
    for (const [code, text] of Object.entries(SSO_FAILURE_MESSAGES)) {
      expect(text.ja, code).toMatch(/[ぁ-んァ-ン一-龯]/);
      expect(text.en, code).toMatch(/[a-z]/);
    }
  });
});
