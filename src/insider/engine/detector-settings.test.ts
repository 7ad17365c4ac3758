import { describe, expect, it } from "vitest";
import { parseDetectorSettings } from "./detector-settings.js";
import { ev, normalDays, runEngine } from "./detectors/test-kit.js";

describe("detector settings file", () => {
  it("accepts remote-identity lists and passes them to the engine", () => {
    const settings = parseDetectorSettings({
      "remote-identity": { approvedAsns: [14061], officeNetworks: ["198.51.100.0/24"], travelHours: 3 },
    });
    const vps = { srcIp: "192.0.2.44", country: "NL", asNumber: 14061, asOrg: "DigitalOcean, LLC" };
    const login = ev("BOB", 30, 9, { kind: "logon", action: "logon", ...vps });
    expect(runEngine([...normalDays(0, 32), login]).fired("BOB", 30)).toContain("I-REMOTE-HOSTING");
    expect(runEngine([...normalDays(0, 32), login], { detectors: settings }).fired("BOB", 30)).not.toContain(
      "I-REMOTE-HOSTING",
    );
  });

  it.each([
    [[], "expected a JSON object keyed by detector id"],
    [{ "remote-identiy": {} }, 'unknown detector "remote-identiy"'],
    [{ "remote-identity": [] }, "remote-identity: expected an object of settings"],
    [
      { "remote-identity": { hostingAsns: ["AS14061"] } },
      "remote-identity.hostingAsns: expected a list of AS numbers",
    ],
    [
      { "remote-identity": { officeNetworks: "10.0.0.0/8" } },
      "remote-identity.officeNetworks: expected a list",
    ],
    [{ "remote-identity": { travelHours: 0 } }, "remote-identity.travelHours: expected a number above 0"],
    [{ "remote-identity": { hostingAsn: [1] } }, "remote-identity.hostingAsn: unknown setting"],
  ])("refuses %j naming what is wrong", (raw, message) => {
    expect(() => parseDetectorSettings(raw)).toThrow(message);
  });
});
