import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Client } from "ldapts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../shared/actor.js";
import { AppError } from "../shared/errors.js";
import { runCli } from "../testing/cli-run.js";
import { type Slapd, startSlapd } from "../testing/slapd.js";
import { createTestApp, type TestApp } from "../testing/test-app.js";

// Runs from `npm run test:ldap` (SEKIMORI_LDAP_TEST=1) against a private slapd on 127.0.0.1.
const SUFFIX = "dc=example,dc=org";
const TREE = `dn: ${SUFFIX}
objectClass: dcObject
objectClass: organization
dc: example
o: Example University

dn: ou=people,${SUFFIX}
objectClass: organizationalUnit
ou: people

dn: uid=tanaka,ou=people,${SUFFIX}
objectClass: inetOrgPerson
uid: tanaka
cn:: 55Sw5LitIOS4gOmDjg==
sn: Tanaka
givenName: Ichiro
displayName:: 55Sw5LitIOS4gOmDjg==
mail: tanaka@univ.example
departmentNumber: Engineering
title: Professor
employeeNumber: E001
employeeType: researcher

dn: uid=suzuki,ou=people,${SUFFIX}
objectClass: inetOrgPerson
uid: suzuki
cn: Suzuki Hanako
sn: Suzuki
givenName: Hanako
mail: suzuki@univ.example
departmentNumber: Engineering
title: Assistant Professor
manager: uid=tanaka,ou=people,${SUFFIX}
employeeNumber: E002
employeeType: researcher

dn: uid=yamada,ou=people,${SUFFIX}
objectClass: inetOrgPerson
uid: yamada
cn: Yamada Taro
sn: Yamada
givenName: Taro
mail: yamada@univ.example
ou: Science
title: Technician
employeeNumber: E003
`;

let slapd: Slapd;
let t: TestApp;
let dir: string;
const actor = systemActor("test:ldap");

beforeAll(async () => {
  expect(process.env.SEKIMORI_LDAP_TEST, "run with npm run test:ldap").toBe("1");
  slapd = await startSlapd(TREE, SUFFIX);
  t = await createTestApp();
  dir = mkdtempSync(path.join(tmpdir(), "sekimori-ldap-"));
  writeFileSync(path.join(dir, "password"), `${slapd.rootPassword}\n`);
});
afterAll(async () => {
  await t?.close();
  await slapd?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const base = () => ({
  url: slapd.url,
  baseDn: `ou=people,${SUFFIX}`,
  bindDn: slapd.rootDn,
  password: slapd.rootPassword,
});

describe("LDAP sync against a real OpenLDAP", () => {
  it("previews joiners without writing, then applies them with departments and supervisors", async () => {
    const preview = await t.services.directory.syncLdap(actor, { ...base(), mode: "preview" });
    expect(preview.counts.joiner).toBe(3);
    expect(await t.services.db.selectFrom("directory_entries").select("user_name").execute()).toHaveLength(0);
    await t.services.directory.syncLdap(actor, { ...base(), mode: "apply" });
    const rows = await t.services.db
      .selectFrom("directory_entries")
      .selectAll()
      .orderBy("user_name")
      .execute();
    expect(rows.map((r) => [r.user_name, r.supervisor_key, r.post, r.source])).toEqual([
      ["suzuki", "tanaka", "Assistant Professor", "ldap"],
      ["tanaka", null, "Professor", "ldap"],
      ["yamada", null, "Technician", "ldap"],
    ]);
    expect(rows.find((r) => r.user_name === "tanaka")!.name_kanji).toBe("田中 一郎");
    const yamada = await t.services.db
      .selectFrom("people")
      .select(["department", "category"])
      .where("id", "=", rows.find((r) => r.user_name === "yamada")!.person_id)
      .executeTakeFirstOrThrow();
    expect(yamada).toEqual({ department: "Science", category: "staff" });
    // The command does the same on its own data folder (used for the dry run below).
    const cli = await runCliWithEnv([...cliArgs()]);
    expect(cli.code).toBe(0);
    expect(cli.out).toContain("applied: 3 records, 3 joiners");
  });

  it("a change of post is a mover with a residency re-check; an entry removed from LDAP is a leaver kept deactivated", async () => {
    const client = new Client({ url: slapd.url });
    await client.bind(slapd.rootDn, slapd.rootPassword);
    const { Change, Attribute } = await import("ldapts");
    await client.modify(
      `uid=suzuki,ou=people,${SUFFIX}`,
      new Change({
        operation: "replace",
        modification: new Attribute({ type: "title", values: ["Associate Professor"] }),
      }),
    );
    await client.del(`uid=yamada,ou=people,${SUFFIX}`);
    await client.unbind();

    const dry = await runCliWithEnv([...cliArgs(), "--dry-run"]);
    expect(dry.code).toBe(0);
    expect(dry.out).toContain("mover    suzuki: post Assistant Professor → Associate Professor");
    expect(dry.out).toContain("leaver   yamada (missing)");
    expect(dry.out).toContain("preview (nothing written)");

    const applied = await t.services.directory.syncLdap(actor, { ...base(), mode: "apply" });
    expect(applied.counts).toMatchObject({ mover: 1, leaver: 1, joiner: 0 });
    const yamada = await t.services.db
      .selectFrom("directory_entries")
      .selectAll()
      .where("user_name", "=", "yamada")
      .executeTakeFirstOrThrow();
    expect(yamada.active).toBe(false);
    expect(yamada.display_name).toBe("Yamada Taro");
    const suzuki = await t.services.db
      .selectFrom("directory_entries")
      .select("person_id")
      .where("user_name", "=", "suzuki")
      .executeTakeFirstOrThrow();
    const kinds = (
      await t.services.db
        .selectFrom("tasks")
        .select("kind")
        .where("entity_id", "=", suzuki.person_id)
        .execute()
    ).map((k) => k.kind);
    expect(kinds).toContain("directory.residency_recheck");
  });

  it("refuses a snapshot that would deactivate everyone (a wrong base or filter) and reports a bad server", async () => {
    const error = await t.services.directory
      .syncLdap(actor, { ...base(), filter: "(uid=nobody)", mode: "apply" })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).fields![0]!.message.en).toContain("would deactivate 2 of 2 people");
    const active = await t.services.db
      .selectFrom("directory_entries")
      .select("user_name")
      .where("active", "=", true)
      .execute();
    expect(active.map((a) => a.user_name).sort()).toEqual(["suzuki", "tanaka"]);
    const bad = await runCliWithEnv([
      "directory",
      "sync",
      "--ldap",
      "ldap://127.0.0.1:1",
      "--base",
      SUFFIX,
      "--dry-run",
    ]);
    expect(bad.code).not.toBe(0);
    expect(bad.err).toContain("sekimori:");
  });
});

const cliArgs = () => [
  "directory",
  "sync",
  "--ldap",
  slapd.url,
  "--base",
  `ou=people,${SUFFIX}`,
  "--bind-dn",
  slapd.rootDn,
  "--password-file",
  path.join(dir, "password"),
];

/** The CLI against the test app's database is not possible (PGlite, one process): it uses its own data folder. */
async function runCliWithEnv(args: string[]) {
  const saved = { ...process.env };
  process.env.SEKIMORI_DATA_DIR = path.join(dir, "data");
  process.env.SEKIMORI_CONFIG = path.join(dir, "none.json");
  try {
    return await runCli(...args);
  } finally {
    process.env = saved;
  }
}
