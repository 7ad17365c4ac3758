import { SaxesParser } from "saxes";

/** What Sekimori needs of a SAML IdP's metadata. */
export type IdpMetadata = {
  entityId: string;
  /** SingleSignOnService with the HTTP-Redirect binding (else HTTP-POST… is not supported). */
  ssoUrl: string;
  /** Base64 DER certificates of `KeyDescriptor use="signing"` (or without `use`). */
  signingCerts: string[];
};

const MD = "urn:oasis:names:tc:SAML:2.0:metadata";
const DS = "http://www.w3.org/2000/09/xmldsig#";
const REDIRECT = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";

/** A metadata problem, naming what is missing and where. */
export class MetadataError extends Error {}

/**
 * Reads IdP metadata — one EntityDescriptor, or a federation's EntitiesDescriptor such as 学認's
 * aggregate, from which `entityId` picks the IdP. DOCTYPEs are refused (entity expansion). Note:
 * the aggregate's own XML signature is not checked here; fetch it over HTTPS from the federation.
 */
export function parseIdpMetadata(xml: string, entityId?: string): IdpMetadata {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const found: IdpMetadata[] = [];
  let current: { entityId: string; ssoUrl: string | null; certs: string[]; isIdp: boolean } | null = null;
  let keyUse: string | null = null;
  let inKey = false;
  let certText: string | null = null;
  let failure: Error | null = null;
  parser.on("doctype", () => {
    failure ??= new MetadataError("metadata with a DOCTYPE declaration is refused");
  });
  parser.on("opentag", (tag) => {
    if (tag.uri === MD && tag.local === "EntityDescriptor") {
      current = {
        entityId: String(tag.attributes.entityID?.value ?? ""),
        ssoUrl: null,
        certs: [],
        isIdp: false,
      };
    } else if (current && tag.uri === MD && tag.local === "IDPSSODescriptor") {
      current.isIdp = true;
    } else if (current?.isIdp && tag.uri === MD && tag.local === "SingleSignOnService") {
      if (tag.attributes.Binding?.value === REDIRECT && !current.ssoUrl)
        current.ssoUrl = String(tag.attributes.Location?.value ?? "");
    } else if (current?.isIdp && tag.uri === MD && tag.local === "KeyDescriptor") {
      inKey = true;
      keyUse = tag.attributes.use ? String(tag.attributes.use.value) : null;
    } else if (inKey && tag.uri === DS && tag.local === "X509Certificate") {
      certText = "";
    }
  });
  parser.on("text", (text) => {
    if (certText !== null) certText += text;
  });
  parser.on("closetag", (tag) => {
    if (tag.uri === DS && tag.local === "X509Certificate" && certText !== null) {
      if (current && (keyUse === null || keyUse === "signing"))
        current.certs.push(certText.replace(/\s+/g, ""));
      certText = null;
    } else if (tag.uri === MD && tag.local === "KeyDescriptor") {
      inKey = false;
      keyUse = null;
    } else if (tag.uri === MD && tag.local === "EntityDescriptor" && current) {
      const c = current as { entityId: string; ssoUrl: string | null; certs: string[]; isIdp: boolean };
      if (c.isIdp && c.ssoUrl) found.push({ entityId: c.entityId, ssoUrl: c.ssoUrl, signingCerts: c.certs });
      current = null;
    }
  });
  try {
    parser.write(xml).close();
  } catch (error) {
    throw new MetadataError(`metadata is not well-formed XML: ${(error as Error).message}`);
  }
  if (failure) throw failure;
  const idp = entityId
    ? found.find((f) => f.entityId === entityId)
    : found.length === 1
      ? found[0]
      : undefined;
  if (!idp) {
    if (entityId)
      throw new MetadataError(
        `no IdP with entityID "${entityId}" (and an HTTP-Redirect SSO service) in the metadata`,
      );
    throw new MetadataError(
      found.length === 0
        ? "no IDPSSODescriptor with an HTTP-Redirect SingleSignOnService in the metadata"
        : `the metadata describes ${found.length} IdPs: set idpEntityId to choose one`,
    );
  }
  if (idp.signingCerts.length === 0)
    throw new MetadataError(`IdP "${idp.entityId}" publishes no signing certificate`);
  return idp;
}
