/**
 * Web and e-mail domain categories: cloud storage, leak sites, job search, professional networks,
 * personal webmail and hacking tools. Lists are configurable; the defaults cover the domains the
 * CERT scenarios use plus common Japanese job sites and webmail providers.
 */

export const DOMAIN_CLOUD = 1;
export const DOMAIN_LEAK = 2;
export const DOMAIN_JOB = 4;
export const DOMAIN_PRO_NETWORK = 8;
export const DOMAIN_WEBMAIL = 16;
export const DOMAIN_HACK = 32;

export type DomainLists = {
  cloud: readonly string[];
  leak: readonly string[];
  jobSearch: readonly string[];
  professionalNetwork: readonly string[];
  webmail: readonly string[];
  hackTools: readonly string[];
};

export const DEFAULT_DOMAINS: DomainLists = {
  cloud: [
    "dropbox.com",
    "box.com",
    "drive.google.com",
    "docs.google.com",
    "onedrive.live.com",
    "1drv.ms",
    "mega.nz",
    "mega.io",
    "wetransfer.com",
    "mediafire.com",
    "sendspace.com",
    "pcloud.com",
    "icloud.com",
    "firestorage.jp",
    "gigafile.nu",
    "pastebin.com",
  ],
  leak: [
    "wikileaks.org",
    "wikileaks.com",
    "cryptome.org",
    "ddosecrets.com",
    "leaksource.info",
    "anonfiles.com",
  ],
  jobSearch: [
    "monster.com",
    "indeed.com",
    "careerbuilder.com",
    "simplyhired.com",
    "jobhuntersbible.com",
    "job-hunt.org",
    "hotjobs.yahoo.com",
    "glassdoor.com",
    "ziprecruiter.com",
    "dice.com",
    "rikunabi.com",
    "next.rikunabi.com",
    "doda.jp",
    "en-japan.com",
    "bizreach.jp",
    "mynavi.jp",
    "green-japan.com",
    "jac-recruitment.jp",
  ],
  professionalNetwork: ["linkedin.com", "xing.com", "wantedly.com", "eight.sansan.com", "researchgate.net"],
  webmail: [
    "gmail.com",
    "googlemail.com",
    "yahoo.com",
    "yahoo.co.jp",
    "hotmail.com",
    "outlook.com",
    "live.com",
    "msn.com",
    "aol.com",
    "icloud.com",
    "me.com",
    "protonmail.com",
    "proton.me",
    "gmx.com",
    "mail.ru",
    "yandex.ru",
    "qq.com",
    "163.com",
    "126.com",
    "naver.com",
    "comcast.net",
    "verizon.net",
    "cox.net",
    "juno.com",
    "earthlink.net",
    "netzero.net",
    "docomo.ne.jp",
    "ezweb.ne.jp",
    "softbank.ne.jp",
  ],
  hackTools: [
    "keylogger.com",
    "keyloggers.com",
    "spyrix.com",
    "refog.com",
    "exploit-db.com",
    "hackforums.net",
    "metasploit.com",
  ],
};

/** URL words that mark hacking tools even on unknown domains. */
const HACK_WORDS = /keylog|spyware|rootkit|mimikatz|password[-_]?(?:dump|crack)|hack[-_]?tool|ratkit/i;

/** Host name of a URL (lower case, without `www.` and port); cheap, no URL object. */
export function hostOfUrl(url: string): string {
  let s = url.indexOf("://");
  s = s === -1 ? 0 : s + 3;
  let e = s;
  const n = url.length;
  while (e < n) {
    const c = url.charCodeAt(e);
    if (c === 47 || c === 58 || c === 63 || c === 35) break; // / : ? #
    e++;
  }
  let host = url.slice(s, e).toLowerCase();
  if (host.startsWith("www.")) host = host.slice(4);
  return host;
}

/** Domain of an e-mail address (lower case). */
export function domainOfEmail(address: string): string {
  const at = address.lastIndexOf("@");
  return at === -1
    ? ""
    : address
        .slice(at + 1)
        .toLowerCase()
        .trim();
}

/** Classifies hosts into category bit flags by suffix (`a.b.dropbox.com` → cloud), with a cache. */
export class DomainClassifier {
  private readonly table = new Map<string, number>();
  private readonly cache = new Map<string, number>();

  constructor(lists: DomainLists = DEFAULT_DOMAINS) {
    const add = (domains: readonly string[], flag: number) => {
      for (const d of domains) {
        const key = d
          .trim()
          .toLowerCase()
          .replace(/^www\./, "");
        if (key) this.table.set(key, (this.table.get(key) ?? 0) | flag);
      }
    };
    add(lists.cloud, DOMAIN_CLOUD);
    add(lists.leak, DOMAIN_LEAK);
    add(lists.jobSearch, DOMAIN_JOB);
    add(lists.professionalNetwork, DOMAIN_PRO_NETWORK);
    add(lists.webmail, DOMAIN_WEBMAIL);
    add(lists.hackTools, DOMAIN_HACK);
  }

  /** Category flags of a host name (0 when uncategorised). */
  host(host: string): number {
    const hit = this.cache.get(host);
    if (hit !== undefined) return hit;
    let flags = 0;
    let h = host;
    for (;;) {
      const f = this.table.get(h);
      if (f !== undefined) flags |= f;
      const dot = h.indexOf(".");
      if (dot === -1) break;
      h = h.slice(dot + 1);
      if (h.indexOf(".") === -1 && flags !== 0) break;
    }
    if (this.cache.size > 200_000) this.cache.clear();
    this.cache.set(host, flags);
    return flags;
  }

  /** Category flags of a URL, including hacking-tool words in its path. */
  url(url: string): number {
    let flags = this.host(hostOfUrl(url));
    if ((flags & DOMAIN_HACK) === 0 && HACK_WORDS.test(url)) flags |= DOMAIN_HACK;
    return flags;
  }
}
