import { Client } from "ldapts";
import { LDAP_ATTRIBUTES, LDAP_DEFAULT_FILTER, type LdapEntry } from "./ldap-engine.js";

export type LdapSourceOptions = {
  url: string;
  baseDn: string;
  bindDn?: string | undefined;
  password?: string | undefined;
  filter?: string | undefined;
  timeoutMs?: number | undefined;
};

/**
 * Reads every person entry under a base DN (subtree, paged) from OpenLDAP or Active Directory with
 * `ldapts`, binding as the given DN. The whole snapshot is read before anything is compared.
 */
export async function readLdapEntries(options: LdapSourceOptions): Promise<LdapEntry[]> {
  const timeout = options.timeoutMs ?? 30_000;
  const client = new Client({ url: options.url, timeout, connectTimeout: timeout });
  try {
    if (options.bindDn) await client.bind(options.bindDn, options.password ?? "");
    const { searchEntries } = await client.search(options.baseDn, {
      scope: "sub",
      filter: options.filter ?? LDAP_DEFAULT_FILTER,
      attributes: LDAP_ATTRIBUTES,
      paged: { pageSize: 500 },
    });
    return searchEntries as unknown as LdapEntry[];
  } finally {
    await client.unbind().catch(() => undefined);
  }
}
