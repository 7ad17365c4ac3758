/**
 * Per-organisation detector settings (`SEKIMORI_INSIDER_DETECTORS_FILE`): a JSON object keyed by
 * detector id, e.g. `{"remote-identity": {"approvedAsns": [64600], "officeNetworks": ["203.0.113.0/24"]}}`.
 * The remote-identity lists (hosting ASNs, the organisation's own VPN egress, office networks,
 * remote-desktop tools, shared devices) are the settings an organisation most needs to replace, so
 * they are checked field by field; other detectors' settings must be objects. Pure: no I/O.
 */
import { DETECTORS } from "./detectors/index.js";

const NUMBER_LISTS = ["hostingAsns", "approvedAsns"];
const STRING_LISTS = ["hostingOrgs", "approvedOrgs", "officeNetworks", "remoteTools", "sharedDevices"];
const POSITIVE = ["travelHours", "sharedDeviceDays", "maxDeviceAccounts"];

/** Validates parsed settings; throws an Error naming the detector and field that is wrong. */
export function parseDetectorSettings(raw: unknown): Record<string, Record<string, unknown>> {
  if (!raw || typeof raw !== "object" || Array.isArray(raw))
    throw new Error("expected a JSON object keyed by detector id");
  const known = DETECTORS.map((d) => d.id);
  const out: Record<string, Record<string, unknown>> = {};
  for (const [id, value] of Object.entries(raw)) {
    if (!known.includes(id)) throw new Error(`unknown detector "${id}" (known: ${known.join(", ")})`);
    if (!value || typeof value !== "object" || Array.isArray(value))
      throw new Error(`${id}: expected an object of settings`);
    if (id === "remote-identity") {
      for (const [field, v] of Object.entries(value)) {
        const where = `${id}.${field}`;
        if (NUMBER_LISTS.includes(field)) {
          if (!Array.isArray(v) || !v.every((n) => Number.isInteger(n) && n > 0))
            throw new Error(`${where}: expected a list of AS numbers (positive whole numbers)`);
        } else if (STRING_LISTS.includes(field)) {
          if (!Array.isArray(v) || !v.every((s) => typeof s === "string" && s.trim() !== ""))
            throw new Error(`${where}: expected a list of non-empty strings`);
        } else if (POSITIVE.includes(field)) {
          if (typeof v !== "number" || !(v > 0)) throw new Error(`${where}: expected a number above 0`);
        } else
          throw new Error(
            `${where}: unknown setting (known: ${[...NUMBER_LISTS, ...STRING_LISTS, ...POSITIVE].join(", ")})`,
          );
      }
    }
    out[id] = value as Record<string, unknown>;
  }
  return out;
}
