import { randomBytes } from "node:crypto";
import { generate } from "selfsigned";
import { SignedXml } from "xml-crypto";

export type TestSamlResponse = {
  inResponseTo: string | null;
  audience: string;
  acsUrl: string;
  nameId?: string;
  /** Attributes by name (OIDs as 学認 sends them, e.g. urn:oid:1.3.6.1.4.1.5923.1.1.1.6). */
  attributes: Record<string, string[]>;
  notBefore?: Date;
  notOnOrAfter?: Date;
  sign?: boolean;
  issuer?: string;
};

export type TestSamlIdp = {
  entityId: string;
  ssoUrl: string;
  certPem: string;
  metadata(): string;
  /** A base64 SAMLResponse as an IdP would POST it, its assertion signed (unless sign: false). */
  response(options: TestSamlResponse): string;
};

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, "Z");

/**
 * A SAML 2.0 identity provider for tests: its own RSA key and self-signed certificate made for
 * this run, metadata like a Shibboleth IdP's, and responses whose assertion it signs (RSA-SHA256,
 * exclusive C14N, enveloped — what Shibboleth IdP v4/v5 sends).
 */
export async function createTestSamlIdp(
  entityId = "https://idp.test.example.ac.jp/idp/shibboleth",
): Promise<TestSamlIdp> {
  const pems = await generate([{ name: "commonName", value: "test-idp.example.ac.jp" }], {
    keySize: 2048,
    algorithm: "sha256",
  });
  const certBody = pems.cert.replace(/-----[^-]+-----|\s+/g, "");
  const ssoUrl = "https://idp.test.example.ac.jp/idp/profile/SAML2/Redirect/SSO";
  return {
    entityId,
    ssoUrl,
    certPem: pems.cert,
    metadata: () =>
      `<?xml version="1.0" encoding="UTF-8"?>
<md:EntitiesDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" Name="test-federation">
  <md:EntityDescriptor entityID="https://other-idp.example.ac.jp/idp/shibboleth">
    <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
      <md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>MIIBother</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>
      <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://other-idp.example.ac.jp/sso"/>
    </md:IDPSSODescriptor>
  </md:EntityDescriptor>
  <md:EntityDescriptor entityID="${esc(entityId)}">
    <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
      <md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>
${certBody.replace(/(.{64})/g, "$1\n")}
      </ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>
      <md:KeyDescriptor use="encryption"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>MIIBencryption</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>
      <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="${ssoUrl.replace("Redirect", "POST")}"/>
      <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${ssoUrl}"/>
    </md:IDPSSODescriptor>
  </md:EntityDescriptor>
</md:EntitiesDescriptor>`,
    response(o) {
      const now = new Date();
      const notBefore = o.notBefore ?? new Date(now.getTime() - 60_000);
      const notOnOrAfter = o.notOnOrAfter ?? new Date(now.getTime() + 5 * 60_000);
      const issuer = o.issuer ?? entityId;
      const inResponseTo = o.inResponseTo ? ` InResponseTo="${esc(o.inResponseTo)}"` : "";
      const attributes = Object.entries(o.attributes)
        .map(
          ([name, values]) =>
            `<saml:Attribute Name="${esc(name)}" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:uri">${values
              .map((v) => `<saml:AttributeValue>${esc(v)}</saml:AttributeValue>`)
              .join("")}</saml:Attribute>`,
        )
        .join("");
      const xml =
        `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_${randomBytes(16).toString("hex")}" Version="2.0" IssueInstant="${iso(now)}" Destination="${esc(o.acsUrl)}"${inResponseTo}>` +
        `<saml:Issuer>${esc(issuer)}</saml:Issuer>` +
        `<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>` +
        `<saml:Assertion ID="_${randomBytes(16).toString("hex")}" Version="2.0" IssueInstant="${iso(now)}">` +
        `<saml:Issuer>${esc(issuer)}</saml:Issuer>` +
        `<saml:Subject><saml:NameID Format="urn:oasis:names:tc:SAML:2.0:nameid-format:transient">${esc(o.nameId ?? `_t${randomBytes(8).toString("hex")}`)}</saml:NameID>` +
        `<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData${inResponseTo} NotOnOrAfter="${iso(notOnOrAfter)}" Recipient="${esc(o.acsUrl)}"/></saml:SubjectConfirmation></saml:Subject>` +
        `<saml:Conditions NotBefore="${iso(notBefore)}" NotOnOrAfter="${iso(notOnOrAfter)}"><saml:AudienceRestriction><saml:Audience>${esc(o.audience)}</saml:Audience></saml:AudienceRestriction></saml:Conditions>` +
        `<saml:AuthnStatement AuthnInstant="${iso(now)}" SessionIndex="_s${randomBytes(8).toString("hex")}"><saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>` +
        `<saml:AttributeStatement>${attributes}</saml:AttributeStatement>` +
        `</saml:Assertion></samlp:Response>`;
      if (o.sign === false) return Buffer.from(xml).toString("base64");
      const sig = new SignedXml({
        privateKey: pems.private,
        publicCert: pems.cert,
        signatureAlgorithm: "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
        canonicalizationAlgorithm: "http://www.w3.org/2001/10/xml-exc-c14n#",
      });
      sig.addReference({
        xpath: "//*[local-name(.)='Assertion']",
        transforms: [
          "http://www.w3.org/2000/09/xmldsig#enveloped-signature",
          "http://www.w3.org/2001/10/xml-exc-c14n#",
        ],
        digestAlgorithm: "http://www.w3.org/2001/04/xmlenc#sha256",
      });
      sig.computeSignature(xml, {
        prefix: "ds",
        location: { reference: "//*[local-name(.)='Assertion']/*[local-name(.)='Issuer']", action: "after" },
      });
      return Buffer.from(sig.getSignedXml()).toString("base64");
    },
  };
}
