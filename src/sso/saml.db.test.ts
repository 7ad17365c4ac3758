import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { inflateRawSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SESSION_COOKIE } from "../http/server.js";
import { systemActor } from "../shared/actor.js";
import { createTestSamlIdp, type TestSamlIdp, type TestSamlResponse } from "../testing/saml-test-idp.js";
import { createTestApp, TEST_PASSWORD, type TestApp } from "../testing/test-app.js";

const PUBLIC_URL = "https://sekimori.example.ac.jp";
const ACS = `${PUBLIC_URL}/sso/saml/gakunin/acs`;
const SP_ENTITY = `${PUBLIC_URL}/sso/saml/gakunin/metadata`;
const EPPN = "urn:oid:1.3.6.1.4.1.5923.1.1.1.6";
const AFFILIATION = "urn:oid:1.3.6.1.4.1.5923.1.1.1.1";
const MAIL = "urn:oid:0.9.2342.19200300.100.1.3";
const DISPLAY_NAME = "urn:oid:2.16.840.1.113730.3.1.241";
const OU = "urn:oid:2.5.4.11";

let idp: TestSamlIdp;
let t: TestApp;
let dir: string;

beforeAll(async () => {
  idp = await createTestSamlIdp();
  dir = mkdtempSync(path.join(tmpdir(), "sekimori-saml-"));
  writeFileSync(path.join(dir, "idp-metadata.xml"), idp.metadata());
  writeFileSync(
    path.join(dir, "sso.json"),
    JSON.stringify({
      providers: [
        {
          id: "gakunin",
          protocol: "saml",
          displayName: { ja: "学認", en: "GakuNin" },
          idpMetadataFile: "idp-metadata.xml",
          idpEntityId: idp.entityId,
          trustEmail: true,
          jit: true,
          departmentClaim: "ou",
          roleRules: [
            { claim: "eduPersonAffiliation", equals: ["faculty"], roles: ["applicant", "unit_officer"] },
          ],
          defaultRoles: ["applicant"],
        },
      ],
    }),
  );
  t = await createTestApp({
    SEKIMORI_PUBLIC_URL: PUBLIC_URL,
    SEKIMORI_SSO_PROVIDERS_FILE: path.join(dir, "sso.json"),
  });
}, 60_000);

afterAll(async () => {
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Starts a login: the AuthnRequest's ID (for InResponseTo) and the RelayState. */
async function start(returnTo = "/people") {
  const res = await t.app.inject({
    method: "GET",
    url: `/sso/saml/gakunin/start?returnTo=${encodeURIComponent(returnTo)}`,
  });
  expect(res.statusCode).toBe(302);
  const url = new URL(res.headers.location as string);
  expect(`${url.origin}${url.pathname}`).toBe(idp.ssoUrl);
  const request = inflateRawSync(Buffer.from(url.searchParams.get("SAMLRequest")!, "base64")).toString(
    "utf8",
  );
  expect(request).toContain(`AssertionConsumerServiceURL="${ACS}"`);
  return { requestId: /\sID="([^"]+)"/.exec(request)![1]!, relayState: url.searchParams.get("RelayState")! };
}

function respond(
  requestId: string | null,
  overrides: Partial<TestSamlResponse> = {},
  attributes: Record<string, string[]> = {},
) {
  return idp.response({
    inResponseTo: requestId,
    audience: SP_ENTITY,
    acsUrl: ACS,
    attributes: {
      [EPPN]: ["tanaka@example.ac.jp"],
      [AFFILIATION]: ["faculty", "member"],
      [MAIL]: ["tanaka@example.ac.jp"],
      [DISPLAY_NAME]: ["田中 一郎"],
      [OU]: ["理学研究科"],
      ...attributes,
    },
    ...overrides,
  });
}

function post(samlResponse: string, relayState?: string) {
  return t.app.inject({
    method: "POST",
    url: "/sso/saml/gakunin/acs",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      origin: "https://idp.test.example.ac.jp",
    },
    payload: new URLSearchParams({
      SAMLResponse: samlResponse,
      ...(relayState ? { RelayState: relayState } : {}),
    }).toString(),
  });
}

async function expectFailure(res: Awaited<ReturnType<typeof post>>, code: string) {
  expect(res.statusCode).toBe(303);
  expect(res.headers.location).toBe(`/login?ssoError=${code}`);
  expect(res.cookies.find((c) => c.name === SESSION_COOKIE)).toBeUndefined();
  const row = await t.services.db
    .selectFrom("audit_log")
    .selectAll()
    .where("action", "=", "auth.sso_failed")
    .orderBy("id", "desc")
    .executeTakeFirst();
  expect(row?.context).toMatchObject({ code, protocol: "saml", provider: "gakunin" });
  return row!;
}

describe("SAML 2.0 login (学認-style IdP with a key made for the test)", () => {
  it("publishes SP metadata with the entityID and the ACS", async () => {
    const res = await t.app.inject({ method: "GET", url: "/sso/saml/gakunin/metadata" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("samlmetadata+xml");
    expect(res.body).toContain(`entityID="${SP_ENTITY}"`);
    expect(res.body).toContain(`Location="${ACS}"`);
  });

  it("signs a person in from a signed assertion; eduPersonPrincipalName, affiliation, mail, displayName and ou mapped", async () => {
    const { requestId, relayState } = await start();
    const response = respond(requestId);
    const res = await post(response, relayState);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("/people");
    const session = res.cookies.find((c) => c.name === SESSION_COOKIE)!;
    const me = await t.app.inject({
      method: "GET",
      url: "/api/auth/session",
      cookies: { [SESSION_COOKIE]: session.value },
    });
    expect(me.json().user).toMatchObject({
      username: "gakunin.tanaka",
      displayName: "田中 一郎",
      email: "tanaka@example.ac.jp",
      roles: ["applicant", "unit_officer"],
      department: "理学研究科",
    });
    const login = await t.services.db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "auth.login")
      .orderBy("id", "desc")
      .executeTakeFirst();
    expect(login?.context).toMatchObject({ method: "saml:gakunin" });

    // The very same response posted again is a replay.
    const row = await expectFailure(await post(response, relayState), "sso_saml_replay");
    expect(String((row.context as { detail: string }).detail)).toMatch(/^assertion _/);
  });

  it("refuses a tampered assertion (attribute changed after signing)", async () => {
    const { requestId } = await start();
    const signed = Buffer.from(respond(requestId), "base64").toString("utf8");
    const tampered = signed.replace(
      "<saml:AttributeValue>faculty</saml:AttributeValue>",
      "<saml:AttributeValue>staff</saml:AttributeValue>",
    );
    expect(tampered).not.toBe(signed);
    await expectFailure(await post(Buffer.from(tampered).toString("base64")), "sso_saml_signature");
  });

  it("refuses an unsigned assertion", async () => {
    const { requestId } = await start();
    await expectFailure(await post(respond(requestId, { sign: false })), "sso_saml_unsigned");
  });

  it("refuses an assertion signed with a key other than the IdP's", async () => {
    const { requestId } = await start();
    const impostor = await createTestSamlIdp(idp.entityId);
    const forged = impostor.response({
      inResponseTo: requestId,
      audience: SP_ENTITY,
      acsUrl: ACS,
      attributes: { [EPPN]: ["admin@example.ac.jp"] },
    });
    await expectFailure(await post(forged), "sso_saml_signature");
  });

  it("refuses an expired assertion (NotOnOrAfter in the past)", async () => {
    const { requestId } = await start();
    const past = new Date(Date.now() - 10 * 60_000);
    await expectFailure(
      await post(
        respond(requestId, { notBefore: new Date(past.getTime() - 5 * 60_000), notOnOrAfter: past }),
      ),
      "sso_saml_expired",
    );
  });

  it("refuses an assertion for another service (audience)", async () => {
    const { requestId } = await start();
    await expectFailure(
      await post(respond(requestId, { audience: "https://other-sp.example.jp/shibboleth" })),
      "sso_saml_audience",
    );
  });

  it("refuses a response to a request this service never sent (InResponseTo), and an unsolicited one", async () => {
    await expectFailure(await post(respond("_never-sent-by-us")), "sso_saml_in_response_to");
    await expectFailure(await post(respond(null)), "sso_saml_in_response_to");
  });

  it("links an existing local user by the IdP's mail attribute (trusted for this provider) and keeps their roles", async () => {
    const { user } = await t.services.auth.createUser(systemActor("test"), {
      username: "suzuki",
      displayName: "鈴木 花子",
      email: "suzuki@example.ac.jp",
      roles: ["secretariat"],
      password: TEST_PASSWORD,
    });
    const { requestId } = await start();
    const res = await post(
      respond(
        requestId,
        {},
        { [EPPN]: ["hsuzuki@example.ac.jp"], [MAIL]: ["Suzuki@example.ac.jp"], [AFFILIATION]: ["staff"] },
      ),
    );
    expect(res.statusCode).toBe(303);
    const linked = await t.services.db
      .selectFrom("sso_identities")
      .selectAll()
      .where("subject", "=", "hsuzuki@example.ac.jp")
      .executeTakeFirst();
    expect(linked?.user_id).toBe(user.id);
    expect((await t.services.auth.getUser(user.id)).roles).toEqual(["secretariat"]);
    // …and the department followed the IdP's ou
    expect((await t.services.auth.getUser(user.id)).department).toBe("理学研究科");
  });
});
