import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadSsoProviders, SsoConfigError } from "./sso-config.js";
import { MetadataError, parseIdpMetadata } from "./sso-metadata.js";

const md = (entities: string) =>
  `<md:EntitiesDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#">${entities}</md:EntitiesDescriptor>`;
const idp = (id: string, cert = "MIIC1234", use = ' use="signing"') =>
  `<md:EntityDescriptor entityID="${id}"><md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">` +
  `<md:KeyDescriptor${use}><ds:KeyInfo><ds:X509Data><ds:X509Certificate>\n ${cert}\n</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>` +
  `<md:KeyDescriptor use="encryption"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>ENC</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>` +
  `<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://${id}/sso"/>` +
  `</md:IDPSSODescriptor></md:EntityDescriptor>`;
const sp = `<md:EntityDescriptor entityID="sp"><md:SPSSODescriptor protocolSupportEnumeration="x"/></md:EntityDescriptor>`;

describe("parseIdpMetadata", () => {
  it("picks the IdP from a federation aggregate by entityID, with its signing certificate only", () => {
    expect(parseIdpMetadata(md(idp("a.example") + sp + idp("b.example", "MIIB")), "b.example")).toEqual({
      entityId: "b.example",
      ssoUrl: "https://b.example/sso",
      signingCerts: ["MIIB"],
    });
  });
  it("takes the only IdP when no entityID is given; a certificate without use counts as signing", () => {
    expect(parseIdpMetadata(md(idp("a.example", "X", "") + sp)).signingCerts).toEqual(
      ["X", "ENC"].slice(0, 1),
    );
  });
  it.each([
    [md(idp("a.example") + idp("b.example")), undefined, /set idpEntityId/],
    [md(idp("a.example")), "c.example", /no IdP with entityID "c.example"/],
    [md(sp), undefined, /no IDPSSODescriptor/],
    ['<!DOCTYPE x [<!ENTITY a "b">]><x/>', undefined, /DOCTYPE/],
    ["<md:Entities", undefined, /not well-formed/],
  ])("refuses %#", (xml, entityId, message) => {
    expect(() => parseIdpMetadata(xml, entityId)).toThrow(MetadataError);
    expect(() => parseIdpMetadata(xml, entityId)).toThrow(message);
  });
});

describe("loadSsoProviders", () => {
  const withFile = (content: unknown, env: Record<string, string> = {}) => {
    const dir = mkdtempSync(path.join(tmpdir(), "sekimori-ssocfg-"));
    try {
      const file = path.join(dir, "sso.json");
      writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
      return loadSsoProviders(file, env);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  const oidc = {
    id: "entra",
    protocol: "oidc",
    displayName: { ja: "Entra ID", en: "Entra ID" },
    issuer: "https://login.microsoftonline.com/tenant/v2.0",
    clientId: "cid",
    clientSecretEnv: "ENTRA_SECRET",
  };

  it("reads an OIDC provider with its secret from the environment, defaults filled in", () => {
    const [p] = withFile({ providers: [oidc] }, { ENTRA_SECRET: "s3cret" });
    expect(p).toMatchObject({
      protocol: "oidc",
      clientSecret: "s3cret",
      scopes: ["openid", "email", "profile"],
      jit: false,
      mapping: { defaultRoles: ["applicant"], roleRules: [] },
    });
  });

  it.each([
    [{ providers: [oidc] }, {}, /ENTRA_SECRET \(clientSecretEnv\) is not set/],
    [{ providers: [{ ...oidc, issuer: "http://idp.example" }] }, { ENTRA_SECRET: "s" }, /must use https/],
    [
      { providers: [{ ...oidc, roleRules: [{ claim: "g", equals: "x", roles: ["admin"] }] }] },
      { ENTRA_SECRET: "s" },
      /may not grant "admin"/,
    ],
    [{ providers: [oidc, oidc] }, { ENTRA_SECRET: "s" }, /used twice/],
    [{ providers: [{ ...oidc, scopes: ["email"] }] }, { ENTRA_SECRET: "s" }, /must include "openid"/],
    [{ providers: [{ ...oidc, colour: "red" }] }, { ENTRA_SECRET: "s" }, /providers\.0/],
    [
      { providers: [{ id: "g", protocol: "saml", displayName: { ja: "学認", en: "GakuNin" } }] },
      {},
      /exactly one of idpMetadataFile and idpMetadataUrl/,
    ],
    ["{not json", {}, /sso\.json/],
  ])("refuses a bad file with the field named (%#)", (content, env, message) => {
    expect(() => withFile(content, env)).toThrow(SsoConfigError);
    expect(() => withFile(content, env)).toThrow(message);
  });
});
