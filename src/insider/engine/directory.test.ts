import { describe, expect, it } from "vitest";
import { AssetRegistry, validateAssets } from "./assets.js";
import { Directory, directoryFromLdap, mergeHrRows, mergePsychometric, monthStartDay } from "./directory.js";
import {
  DOMAIN_CLOUD,
  DOMAIN_HACK,
  DOMAIN_JOB,
  DOMAIN_LEAK,
  DOMAIN_WEBMAIL,
  DomainClassifier,
  domainOfEmail,
  hostOfUrl,
} from "./domains.js";
import { isoToDay } from "./time.js";

const row = (id: string, name: string, extra: Partial<Record<string, string>> = {}) => ({
  employee_name: name,
  user_id: id,
  email: `${name.replace(" ", ".")}@dtaa.com`,
  role: "Engineer",
  projects: "Project 1",
  business_unit: "1",
  functional_unit: "1 - R&D",
  department: "Lab",
  team: "T1",
  supervisor: "Boss Person",
  ...extra,
});

describe("directory from LDAP snapshots", () => {
  const dir = directoryFromLdap([
    {
      month: "2010-02",
      rows: [
        row("B1", "Boss Person", { role: "Manager", supervisor: "" }),
        row("E1", "Emp One"),
        row("E3", "Emp Three", { projects: "Project 2" }),
      ],
    },
    {
      month: "2010-01",
      rows: [
        row("B1", "Boss Person", { role: "Manager", supervisor: "" }),
        row("E1", "Emp One"),
        row("E2", "Emp Two", { role: "ITAdmin" }),
      ],
    },
    {
      month: "2010-03",
      rows: [
        row("B1", "Boss Person", { role: "Manager", supervisor: "" }),
        row("E1", "Emp One", { projects: "Project 1;Project 3" }),
        row("E3", "Emp Three", { projects: "Project 2" }),
      ],
    },
  ]);

  it("marks a user missing from a month as having left at the end of the previous month", () => {
    expect(dir.people.get("E2")!.endDay).toBe(monthStartDay("2010-02") - 1);
    expect(dir.people.get("E1")!.endDay).toBeNull();
  });
  it("marks users who appear later as new hires for 90 days", () => {
    const start = monthStartDay("2010-02");
    expect(dir.people.get("E3")!.startDay).toBe(start);
    expect(dir.watchlistsAt("E3", start + 10)).toContain("new_hire");
    expect(dir.watchlistsAt("E3", start + 200)).not.toContain("new_hire");
    expect(dir.people.get("E1")!.startDay).toBeNull();
  });
  it("resolves supervisors by name and tracks attribute changes over time", () => {
    expect(dir.attributesAt("E1", monthStartDay("2010-01")).supervisorId).toBe("B1");
    expect(dir.attributesAt("E1", monthStartDay("2010-02")).projects).toEqual(["Project 1"]);
    expect(dir.attributesAt("E1", monthStartDay("2010-03") + 3).projects).toEqual(["Project 1", "Project 3"]);
    expect(dir.userByEmail("EMP.ONE@dtaa.com")).toBe("E1");
  });
  it("derives watchlists from roles", () => {
    expect(dir.watchlistsAt("E2", monthStartDay("2010-01"))).toEqual(["privileged"]);
  });
});

describe("HR data", () => {
  it("adds notice periods, watchlists and hosts, ignores nationality-like columns, reports bad values", () => {
    const dir = new Directory();
    const { problems, ignoredColumns } = mergeHrRows(dir, [
      {
        line: 2,
        values: {
          user_id: "U1",
          name: "A B",
          role: "Intern",
          notice_date: "2024-03-01",
          end_date: "2024-03-31",
          watchlists: "contractor",
          nationality: "XX",
          hosts: "PC-1;PC-2",
        },
      },
      { line: 3, values: { user_id: "", name: "nobody" } },
      { line: 4, values: { user_id: "U2", start_date: "2024-13-01", watchlists: "spy" } },
    ]);
    expect(ignoredColumns).toEqual(["nationality"]);
    expect(problems.map((p) => p.line)).toEqual([3, 4, 4]);
    const u1 = dir.people.get("U1")!;
    expect(u1.hosts).toEqual(["PC-1", "PC-2"]);
    expect(JSON.stringify(u1)).not.toContain("XX");
    expect(dir.watchlistsAt("U1", isoToDay("2024-03-10")).sort()).toEqual([
      "contractor",
      "departing",
      "intern",
    ]);
    expect(dir.watchlistsAt("U1", isoToDay("2024-02-10")).sort()).toEqual(["contractor", "intern"]);
  });
  it("attaches psychometric scores only to known people", () => {
    const dir = new Directory();
    mergeHrRows(dir, [{ line: 2, values: { user_id: "U1" } }]);
    const problems = mergePsychometric(dir, [
      { line: 2, values: { user_id: "U1", o: "10", c: "20", e: "30", a: "40", n: "50" } },
      { line: 3, values: { user_id: "U9", o: "1", c: "1", e: "1", a: "1", n: "1" } },
      { line: 4, values: { user_id: "U1", o: "x", c: "1", e: "1", a: "1", n: "1" } },
    ]);
    expect(dir.people.get("U1")!.psychometric).toEqual({ O: 10, C: 20, E: 30, A: 40, N: 50 });
    expect(dir.people.has("U9")).toBe(false);
    expect(problems).toEqual([{ line: 4, reason: "O, C, E, A, N must be numbers" }]);
  });
});

describe("confidential-asset registry", () => {
  const { assets, problems } = validateAssets({
    assets: [
      { id: "S", kind: "server", pattern: "SRV-01", projects: ["P1"], allowedRoles: ["ITAdmin"] },
      {
        id: "F",
        kind: "path",
        pattern: "\\\\fs01\\rnd\\",
        projects: ["P1"],
        allowedDomains: ["Partner.com"],
      },
      { id: "F2", kind: "path", pattern: "\\\\fs01\\rnd\\secret\\", projects: ["P2"] },
      { id: "G", kind: "repository", pattern: "https://git.example.com/p1/", projects: [] },
      { id: "S", kind: "server", pattern: "dup" },
      { id: "X", kind: "printer", pattern: "p" },
      { kind: "path" },
    ],
  });
  const reg = new AssetRegistry(assets);
  it("validates entries and names the field at fault", () => {
    expect(assets.map((a) => a.id)).toEqual(["S", "F", "F2", "G"]);
    expect(problems.map((p) => `${p.index}:${p.field}`)).toEqual(["4:id", "5:kind", "6:id", "6:pattern"]);
    expect(validateAssets("nope").problems[0]!.field).toBe("assets");
  });
  it("matches servers, the most specific path and URL prefixes", () => {
    expect(reg.server("srv-01")?.id).toBe("S");
    expect(reg.path("\\\\FS01\\rnd\\secret\\x.docx")?.id).toBe("F2");
    expect(reg.path("//fs01/rnd/a.pdf")?.id).toBe("F");
    expect(reg.path("C:\\Users\\a.pdf")).toBeNull();
    expect(reg.url("http://www.git.example.com/p1/tree/main")?.id).toBe("G");
    expect(reg.url("https://git.example.com/p2/")).toBeNull();
    expect(reg.assets[1]!.allowedDomains).toEqual(["partner.com"]);
  });
  it("decides scope by project or allowed role", () => {
    const s = reg.server("SRV-01")!;
    expect(reg.inScope(s, ["P1"], "Engineer")).toBe(true);
    expect(reg.inScope(s, ["P2"], "Engineer")).toBe(false);
    expect(reg.inScope(s, [], "ITAdmin")).toBe(true);
    expect(reg.inScope(reg.url("https://git.example.com/p1/")!, [], "Intern")).toBe(true);
  });
});

describe("domain categories", () => {
  const c = new DomainClassifier();
  it("classifies by suffix and URL words", () => {
    expect(c.url("https://www.dropbox.com/upload")).toBe(DOMAIN_CLOUD);
    expect(c.url("http://wikileaks.org/submit")).toBe(DOMAIN_LEAK);
    expect(c.url("http://jobs.monster.com/search")).toBe(DOMAIN_JOB);
    expect(c.url("http://example.org/free-keylogger.exe")).toBe(DOMAIN_HACK);
    expect(c.host("mail.yahoo.co.jp")).toBe(DOMAIN_WEBMAIL);
    expect(c.host("example.com")).toBe(0);
  });
  it("extracts hosts and e-mail domains", () => {
    expect(hostOfUrl("HTTPS://WWW.Example.COM:8080/a?b")).toBe("example.com");
    expect(hostOfUrl("example.com/path")).toBe("example.com");
    expect(domainOfEmail("A.B@Example.COM")).toBe("example.com");
    expect(domainOfEmail("no-at")).toBe("");
  });
});
