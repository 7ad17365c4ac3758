import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createInsiderEngine, type EngineSnapshot, type UserDayResult } from "../engine.js";
import type { ActivityEvent } from "../event.js";
import { inNetwork, ipv4 } from "./remote-identity.js";
import { ev, normalDays, runEngine, START, TEST_ASSETS, testDirectory } from "./test-kit.js";

type Source = { srcIp: string; country: string; asNumber: number; asOrg: string };
const HOME: Source = { srcIp: "203.0.113.7", country: "JP", asNumber: 2516, asOrg: "KDDI CORPORATION" };
const ABROAD: Source = { srcIp: "198.51.100.9", country: "US", asNumber: 7922, asOrg: "COMCAST-7922" };
const VPS: Source = { srcIp: "192.0.2.44", country: "NL", asNumber: 14061, asOrg: "DigitalOcean, LLC" };
const OFFICE: Source = { srcIp: "10.1.2.3", country: "", asNumber: 0, asOrg: "" };

const login = (user: string, day: number, hour: number, src: Source) =>
  ev(user, day, hour, { kind: "logon", action: "logon", ...src });
const logoff = (user: string, day: number, hour: number, src: Source) =>
  ev(user, day, hour, { kind: "logon", action: "logoff", ...src });
const on = (host: string, src: Source) => ({ ...src, host });
const tool = (user: string, day: number, hour: number, name: string) =>
  ev(user, day, hour, { kind: "process", action: "start", process: name });

/** BOB works from home (one network) every weekday for `days` days, logging off each evening. */
function homeDays(from: number, to: number, src: Source = HOME): ActivityEvent[] {
  const out: ActivityEvent[] = [];
  for (let d = from; d <= to; d++) {
    if ([5, 6].includes(d % 7)) continue; // day 0 is a Monday
    out.push(login("BOB", d, 8.5, src), logoff("BOB", d, 17.5, src));
  }
  return out;
}

describe("remote-identity detector (case 7)", () => {
  it.each([
    ["JP then US 2 hours later", true, [login("BOB", 30, 9, HOME), login("BOB", 30, 11, ABROAD)]],
    ["JP then US 10 hours later", false, [login("BOB", 30, 8, HOME), login("BOB", 30, 18, ABROAD)]],
    ["two logins from the same country", false, [login("BOB", 30, 9, HOME), login("BOB", 30, 9.5, HOME)]],
  ])("impossible travel: %s → %s", (_n, expected, events) => {
    const run = runEngine([...normalDays(0, 32), ...events]);
    expect(run.fired("BOB", 30).includes("I-REMOTE-TRAVEL")).toBe(expected);
    if (expected)
      expect(run.dayOf("BOB", 30)!.indicators.find((i) => i.id === "I-REMOTE-TRAVEL")?.detail?.en).toBe(
        "login countries JP → US 2 h",
      );
  });

  it.each([
    ["a VPS network by AS number", true, { ...VPS, asOrg: "" }, {}],
    ["a VPS network by AS organisation", true, { ...VPS, asNumber: 0 }, {}],
    ["a home ISP", false, HOME, {}],
    ["the organisation's own approved VPN egress on a cloud network", false, VPS, { approvedAsns: [14061] }],
  ])("login through %s → hosting: %s", (_n, expected, src, settings) => {
    const run = runEngine([...normalDays(0, 32), login("BOB", 30, 9, src)], {
      detectors: { "remote-identity": settings },
    });
    expect(run.fired("BOB", 30).includes("I-REMOTE-HOSTING")).toBe(expected);
  });

  it.each([
    ["a second network while the first session is open", true, false],
    ["a second network after the first session logged off", false, true],
  ])("%s → simultaneous: %s", (_n, expected, loggedOff) => {
    const events = [
      login("BOB", 30, 9, HOME),
      ...(loggedOff ? [logoff("BOB", 30, 9.5, HOME)] : []),
      login("BOB", 30, 13, { ...ABROAD, country: "JP" }),
    ];
    const run = runEngine([...normalDays(0, 32), ...events]);
    expect(run.fired("BOB", 30).includes("I-REMOTE-SIMULTANEOUS")).toBe(expected);
  });

  it("flags a remote-desktop tool for someone who does not use one, not for someone who always does", () => {
    const once = runEngine([...normalDays(0, 32), tool("BOB", 30, 10, "anydesk.exe")]);
    expect(once.fired("BOB", 30)).toContain("I-REMOTE-DESKTOP-TOOL");
    const notATool = runEngine([...normalDays(0, 32), tool("BOB", 30, 10, "excel.exe")]);
    expect(notATool.fired("BOB", 30)).not.toContain("I-REMOTE-DESKTOP-TOOL");
    // A help-desk engineer who starts TeamViewer every day.
    const daily = Array.from({ length: 45 }, (_, d) => tool("CAROL", d, 10, "teamviewer.exe"));
    const habit = runEngine([...normalDays(0, 45), ...daily]);
    expect(habit.fired("CAROL", 0)).toContain("I-REMOTE-DESKTOP-TOOL");
    expect(habit.fired("CAROL", 44)).not.toContain("I-REMOTE-DESKTOP-TOOL");
  });

  it("makes the case from two different signs within 14 days, not from one", () => {
    const hop = [login("BOB", 30, 9, HOME), logoff("BOB", 30, 9.2, HOME), login("BOB", 30, 10, ABROAD)];
    const one = runEngine([...normalDays(0, 40), ...hop]);
    expect(one.fired("BOB", 30)).toContain("I-REMOTE-TRAVEL");
    expect(one.fired("BOB", 30)).not.toContain("I-CASE7-REMOTE-IDENTITY");
    const two = runEngine([...normalDays(0, 40), ...hop, tool("BOB", 36, 10, "anydesk.exe")]);
    expect(two.fired("BOB", 36)).toEqual(
      expect.arrayContaining(["I-REMOTE-DESKTOP-TOOL", "I-CASE7-REMOTE-IDENTITY"]),
    );
    const why = two.dayOf("BOB", 36)!.indicators.find((i) => i.id === "I-CASE7-REMOTE-IDENTITY")?.detail;
    expect(why?.en).toContain("anydesk.exe started");
    expect(why?.ja).toContain("anydesk.exe を起動");
    // The case always alerts, whatever the budget.
    expect(two.alerts.some((a) => a.user === "BOB" && a.cases.includes(7))).toBe(true);
    const far = runEngine([...normalDays(0, 60), ...hop, tool("BOB", 55, 10, "anydesk.exe")]);
    expect(far.fired("BOB", 55)).not.toContain("I-CASE7-REMOTE-IDENTITY");
  });

  it("makes the case from one sign for an account whose identity a hiring review put in doubt", () => {
    const dir = testDirectory([{ user_id: "BOB", watchlists: "remote_identity" }]);
    const run = runEngine([...normalDays(0, 32), tool("BOB", 30, 10, "anydesk.exe")], {}, dir);
    expect(run.fired("BOB", 30)).toContain("I-CASE7-REMOTE-IDENTITY");
  });

  it("says when an account keeps logging in from outside and never from the office network", () => {
    const remote = runEngine(homeDays(0, 40));
    expect(remote.fired("BOB", 38)).toContain("I-REMOTE-NEVER-OFFICE");
    expect(remote.fired("BOB", 3)).not.toContain("I-REMOTE-NEVER-OFFICE");
    // Context alone never alerts.
    expect(remote.alerts.filter((a) => a.user === "BOB")).toEqual([]);
    const hybrid = runEngine([...homeDays(0, 40), login("BOB", 2, 8, OFFICE)]);
    expect(hybrid.fired("BOB", 38)).not.toContain("I-REMOTE-NEVER-OFFICE");
    // Never in the office, then through a VPS: the case.
    const vps = runEngine([...homeDays(0, 40), login("BOB", 38, 20, VPS)]);
    expect(vps.fired("BOB", 38)).toEqual(
      expect.arrayContaining(["I-REMOTE-HOSTING", "I-CASE7-REMOTE-IDENTITY"]),
    );
  });

  it("notes a network new to the account as context only", () => {
    const run = runEngine([...homeDays(0, 30), login("BOB", 28, 12, ABROAD)]);
    expect(run.fired("BOB", 28)).toContain("I-REMOTE-NEW-NETWORK");
    expect(run.fired("BOB", 21)).not.toContain("I-REMOTE-NEW-NETWORK");
  });

  it("stays silent on logs without source addresses (CERT)", () => {
    const run = runEngine(normalDays(0, 30));
    const ids = run.days.flatMap((d) => d.indicators.map((i) => i.id));
    expect(ids.filter((i) => i.startsWith("I-REMOTE") || i === "I-CASE7-REMOTE-IDENTITY")).toEqual([]);
  });

  it.each([
    ["10.20.30.40", "10.0.0.0/8", true],
    ["172.31.255.1", "172.16.0.0/12", true],
    ["172.32.0.1", "172.16.0.0/12", false],
    ["192.168.1.1", "192.168.1.0/24", true],
    ["192.168.2.1", "192.168.1.0/24", false],
    ["8.8.8.8", "0.0.0.0/0", true],
    ["fd12::1", "fd", true],
    ["2001:db8::1", "fd", false],
    ["999.1.1.1", "10.0.0.0/8", false],
  ])("%s in %s: %s", (ip, cidr, expected) => {
    expect(inNetwork(ip, cidr)).toBe(expected);
  });

  it("parses IPv4 addresses and refuses anything else", () => {
    fc.assert(
      fc.property(fc.ipV4(), (ip) => {
        const n = ipv4(ip);
        expect(n).toBeGreaterThanOrEqual(0);
        expect(n).toBeLessThanOrEqual(0xffffffff);
        expect(inNetwork(ip, `${ip}/32`)).toBe(true);
      }),
    );
    fc.assert(
      fc.property(fc.ipV6(), (ip) => {
        expect(Number.isNaN(ipv4(ip))).toBe(true);
      }),
    );
  });

  /**
   * Where a login comes from is the signal, never who the person is: no country is riskier than
   * another. Relabelling every country code consistently (JP↔KP, US↔CN…) fires exactly the same
   * indicators on exactly the same days.
   */
  it("treats every country alike: a consistent relabelling of countries changes nothing", () => {
    const COUNTRIES = ["JP", "US", "CN", "KP", "KR", "RU", "VN", "DE"];
    const loginArb = fc.record({
      day: fc.integer({ min: 20, max: 27 }),
      hour: fc.double({ min: 0, max: 23.9, noNaN: true }),
      country: fc.integer({ min: 0, max: COUNTRIES.length - 1 }),
      net: fc.integer({ min: 0, max: 3 }),
      off: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(loginArb, { minLength: 1, maxLength: 12 }),
        fc.shuffledSubarray(COUNTRIES, { minLength: COUNTRIES.length, maxLength: COUNTRIES.length }),
        (logins, permutation) => {
          const events = (relabel: (c: string) => string) => [
            ...normalDays(0, 28, ["BOB", "BOSS"]),
            ...logins.map((l) =>
              ev("BOB", l.day, l.hour, {
                kind: "logon",
                action: l.off ? "logoff" : "logon",
                srcIp: `198.51.100.${l.net}`,
                country: relabel(COUNTRIES[l.country]!),
                asNumber: [7922, 2516, 14061, 4134][l.net]!,
                asOrg: "",
              }),
            ),
          ];
          const fired = (relabel: (c: string) => string) =>
            runEngine(events(relabel))
              .days.filter((d) => d.user === "BOB")
              .map(
                (d) =>
                  `${d.day}:${d.indicators
                    .map((i) => i.id)
                    .sort()
                    .join(",")}`,
              );
          const swap = (c: string) => permutation[COUNTRIES.indexOf(c)]!;
          expect(fired(swap)).toEqual(fired((c) => c));
        },
      ),
      { numRuns: 15 },
    );
  });

  it("never says impossible travel when every login comes from one country", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            day: fc.integer({ min: 10, max: 14 }),
            hour: fc.double({ min: 0, max: 23.9, noNaN: true }),
            net: fc.integer({ min: 0, max: 200 }),
          }),
          { minLength: 1, maxLength: 20 },
        ),
        (logins) => {
          const run = runEngine([
            ...normalDays(0, 15, ["BOB"]),
            ...logins.map((l) =>
              login("BOB", l.day, l.hour, {
                srcIp: `198.51.100.${l.net}`,
                country: "JP",
                asNumber: 2516,
                asOrg: "",
              }),
            ),
          ]);
          expect(run.days.some((d) => d.indicators.some((i) => i.id === "I-REMOTE-TRAVEL"))).toBe(false);
        },
      ),
      { numRuns: 20 },
    );
  });
  describe("one device behind several identities", () => {
    const LT: Source = { srcIp: "198.51.100.20", country: "US", asNumber: 7922, asOrg: "COMCAST-7922" };
    it.each([
      ["another account 5 days earlier", [login("ALICE", 25, 10, on("LT-77", LT))], {}, true],
      [
        "another account 28 days earlier, outside a 20-day window",
        [login("ALICE", 2, 10, on("LT-77", LT))],
        { sharedDeviceDays: 20 },
        false,
      ],
      ["the same account only", [login("BOB", 25, 10, on("LT-77", LT))], {}, false],
      [
        "a device registered as shared",
        [login("ALICE", 25, 10, on("LT-77", LT))],
        { sharedDevices: ["lt-77"] },
        false,
      ],
      [
        "a multi-user host (four other accounts)",
        ["ALICE", "CAROL", "DAVE", "BOSS"].map((u) => login(u, 25, 10, on("LT-77", LT))),
        {},
        false,
      ],
      ["another account from the office network", [login("ALICE", 25, 10, on("LT-77", OFFICE))], {}, false],
    ])("%s → shared device: %s", (_n, before, settings, expected) => {
      const run = runEngine([...normalDays(0, 32), ...before, login("BOB", 30, 10, on("LT-77", LT))], {
        detectors: { "remote-identity": settings },
      });
      expect(run.fired("BOB", 30).includes("I-REMOTE-SHARED-DEVICE")).toBe(expected);
      if (expected) {
        const why = run.dayOf("BOB", 30)!.indicators.find((i) => i.id === "I-REMOTE-SHARED-DEVICE")!.detail;
        expect(why).toEqual({
          ja: "端末 LT-77 を 30 日以内に他の 1 アカウントも使用",
          en: "device LT-77 also used by 1 other account(s) within 30 days",
        });
      }
    });

    it("makes the case when a shared device comes with a second sign", () => {
      const run = runEngine([
        ...normalDays(0, 40),
        login("ALICE", 25, 10, on("LT-77", LT)),
        login("BOB", 30, 10, on("LT-77", LT)),
        tool("BOB", 33, 11, "anydesk.exe"),
      ]);
      expect(run.fired("BOB", 30)).not.toContain("I-CASE7-REMOTE-IDENTITY");
      expect(run.fired("BOB", 33)).toContain("I-CASE7-REMOTE-IDENTITY");
      const why = run.dayOf("BOB", 33)!.indicators.find((i) => i.id === "I-CASE7-REMOTE-IDENTITY")!.detail!;
      expect(why.en).toContain("device LT-77 also used by 1 other account(s)");
      expect(why.ja).toContain("端末 LT-77");
    });

    it.each([
      [
        "a new device from another address in the same network",
        on("DESKTOP-9", { ...HOME, srcIp: "203.0.113.99" }),
        true,
      ],
      ["the same device from another address", on("PC-2", { ...HOME, srcIp: "203.0.113.99" }), false],
      ["a new device from the same address (two machines at home)", on("DESKTOP-9", HOME), false],
    ])("overlapping sessions: %s → simultaneous: %s", (_n, second, expected) => {
      const run = runEngine([
        ...normalDays(0, 32),
        login("BOB", 30, 9, on("PC-2", HOME)),
        login("BOB", 30, 11, second),
      ]);
      expect(run.fired("BOB", 30).includes("I-REMOTE-SIMULTANEOUS")).toBe(expected);
      if (expected)
        expect(
          run.dayOf("BOB", 30)!.indicators.find((i) => i.id === "I-REMOTE-SIMULTANEOUS")!.detail!.en,
        ).toBe("simultaneous sessions AS2516 (PC-2) / AS2516 (DESKTOP-9)");
    });

    /** Runs an engine scoring only `score`, the other users' logons only observed (scale-out). */
    function partition(events: ActivityEvent[], score: string, snapshotAt?: number) {
      const days: UserDayResult[] = [];
      const make = (snapshot?: EngineSnapshot) =>
        createInsiderEngine({
          options: { internalDomains: ["corp.jp"] },
          directory: testDirectory(),
          assets: TEST_ASSETS,
          sink: { userDay: (r) => days.push(r), alert: () => {} },
          ...(snapshot ? { snapshot } : {}),
        });
      let engine = make();
      const feed = (list: ActivityEvent[]) => {
        for (const e of list.sort((a, b) => a.t - b.t))
          if (e.user === score) engine.push(e);
          else if (e.kind === "logon") engine.observe(e);
      };
      const cut = snapshotAt === undefined ? Number.POSITIVE_INFINITY : (START + snapshotAt) * 86_400_000;
      feed(events.filter((e) => e.t < cut));
      if (snapshotAt !== undefined) {
        engine = make(JSON.parse(JSON.stringify(engine.snapshot())) as EngineSnapshot);
        feed(events.filter((e) => e.t >= cut));
      }
      engine.finish();
      return days.find((d) => d.user === score && d.day === START + 30)?.indicators.map((i) => i.id) ?? [];
    }

    it("sees the other account in scale-out (observed logons) and across a snapshot", () => {
      const events = [
        ...normalDays(0, 32, ["BOB", "ALICE"]),
        login("ALICE", 25, 10, on("LT-77", LT)),
        login("BOB", 30, 10, on("LT-77", LT)),
      ];
      expect(partition(events, "BOB")).toContain("I-REMOTE-SHARED-DEVICE");
      expect(partition(events, "BOB", 27)).toContain("I-REMOTE-SHARED-DEVICE");
      const alone = events.filter((e) => !(e.user === "ALICE" && e.host === "LT-77"));
      expect(partition(alone, "BOB", 27)).not.toContain("I-REMOTE-SHARED-DEVICE");
    });
  });
});
