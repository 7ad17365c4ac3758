/**
 * LDAP entries (OpenLDAP inetOrgPerson, Active Directory user) as directory records. Pure: takes
 * the entries a search returned. Attributes read: uid / sAMAccountName, employeeNumber / employeeID,
 * displayName, cn, givenName, sn, mail, department / departmentNumber / ou, title, manager (a DN,
 * resolved to the manager's user name within the snapshot), employeeType, AD userAccountControl
 * (ACCOUNTDISABLE) and accountExpires. Nothing else — in particular no nationality-like attribute.
 */
import { CATEGORY_WORDS, type RawDirectoryRecord } from "./directory-engine.js";

export type LdapEntry = { dn: string } & Record<string, string | string[] | Buffer | Buffer[] | undefined>;

/** The attributes a sync asks the server for. */
export const LDAP_ATTRIBUTES = [
  "uid",
  "sAMAccountName",
  "employeeNumber",
  "employeeID",
  "displayName",
  "cn",
  "givenName",
  "sn",
  "mail",
  "department",
  "departmentNumber",
  "ou",
  "title",
  "manager",
  "employeeType",
  "userAccountControl",
  "accountExpires",
];

/** People entries in OpenLDAP and Active Directory (AD computers are excluded). */
export const LDAP_DEFAULT_FILTER =
  "(|(objectClass=inetOrgPerson)(&(objectCategory=person)(objectClass=user)))";

function first(entry: LdapEntry, name: string): string | null {
  const key = Object.keys(entry).find((k) => k.toLowerCase() === name.toLowerCase());
  if (!key) return null;
  const v = entry[key];
  const one = Array.isArray(v) ? v[0] : v;
  if (one === undefined) return null;
  const text = Buffer.isBuffer(one) ? one.toString("utf8") : String(one);
  return text.trim() === "" ? null : text.trim();
}

const normDn = (dn: string) =>
  dn
    .split(",")
    .map((p) => p.trim().toLowerCase())
    .join(",");

/** AD accountExpires (100-ns intervals since 1601; 0 or 2^63-1 = never) as YYYY-MM-DD. */
export function adAccountExpires(value: string | null): string | null {
  if (!value || value === "0" || value === "9223372036854775807") return null;
  const ticks = BigInt(value);
  const ms = Number(ticks / 10_000n) - 11_644_473_600_000;
  if (!Number.isFinite(ms) || ms <= 0) return null;
  return new Date(ms).toISOString().slice(0, 10);
}

/** Maps a snapshot of entries to raw records; managers are resolved by DN within the snapshot. */
export function recordsFromLdap(entries: readonly LdapEntry[]): RawDirectoryRecord[] {
  const keyOf = (e: LdapEntry) =>
    (
      first(e, "sAMAccountName") ??
      first(e, "uid") ??
      first(e, "employeeNumber") ??
      first(e, "employeeID")
    )?.toLowerCase() ?? null;
  const byDn = new Map(entries.map((e) => [normDn(e.dn), keyOf(e)]));
  return entries.map((e) => {
    const managerDn = first(e, "manager");
    let supervisor: string | null = null;
    if (managerDn) {
      supervisor = byDn.get(normDn(managerDn)) ?? null;
      if (!supervisor) {
        const rdn = /^(?:uid|cn|samaccountname)=([^,]+)/i.exec(managerDn);
        supervisor = rdn ? rdn[1]!.trim().toLowerCase() : null;
      }
    }
    const uac = Number(first(e, "userAccountControl") ?? "0");
    const given = first(e, "givenName");
    const sn = first(e, "sn");
    const cn = first(e, "cn");
    const ascii = (s: string | null) => s !== null && /^[\x20-\x7e]+$/.test(s);
    const roman = ascii(given) && ascii(sn) ? `${given} ${sn}` : ascii(cn) ? cn : null;
    const type = first(e, "employeeType")?.toLowerCase() ?? null;
    return {
      userName: keyOf(e),
      employeeNumber: first(e, "employeeNumber") ?? first(e, "employeeID"),
      displayName: first(e, "displayName") ?? cn,
      nameKanji: cn && !ascii(cn) ? cn : null,
      nameRoman: roman,
      email: first(e, "mail"),
      department: first(e, "department") ?? first(e, "departmentNumber") ?? first(e, "ou"),
      post: first(e, "title"),
      supervisorKey: supervisor,
      category: type && CATEGORY_WORDS[type] ? type : null,
      endDate: adAccountExpires(first(e, "accountExpires")),
      // AD: bit 2 of userAccountControl is ACCOUNTDISABLE.
      active: (uac & 2) === 0,
    };
  });
}
