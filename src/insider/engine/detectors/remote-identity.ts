/**
 * Case 7 — remote-identity anomalies: an account that is not used by the person it was issued to,
 * the pattern of North Korean IT workers hired under false or borrowed identities (警察庁・外務省・
 * 財務省・経済産業省「北朝鮮IT労働者に関する企業等に対する注意喚起」2024-03-26; FBI Public Service
 * Announcement on North Korean IT workers, July 2025): company laptops kept in "laptop farms" and
 * driven from abroad with remote-desktop tools, logins through VPS and anonymising networks, one
 * account used from several countries within hours.
 *
 * Read from logon/session events that carry where they came from (ECS `source.ip`,
 * `source.geo.country_iso_code`, `source.as.number`, `source.as.organization.name`; JSON lines
 * `source_ip`, `country`, `asn`, `as_org`) and process events (`process.name`). CERT logs carry none
 * of these, so on CERT data this detector stays silent.
 *
 * Signals (behaviour): two countries within `travelHours` ("impossible travel", judged by country
 * only: no coordinates, so two neighbouring countries an hour apart count too — a documented
 * limit); a login from a hosting/VPS/anonymiser network (by AS number or AS organisation, from a
 * list the organisation can replace; its own VPN/proxy egress networks are approved and never
 * count); a second session from another network while one is open; a remote-desktop tool started
 * by someone who does not usually use one. Context (0 points): a network never seen for the
 * account, and an account whose logins after 20 remote days never came from the office network.
 * The case fires when two different behaviours occur within 14 days, or one together with the
 * context "never on the office network" or the `remote_identity` watchlist (a hiring review's
 * high-risk hire).
 *
 * Where the LOGIN comes from is the signal; the person's nationality, birthplace or ethnicity is
 * never read (the directory refuses such attributes) and no country is treated as riskier than
 * another: relabelling every country code consistently changes nothing (a property test holds it).
 */
import { type Bilingual, defineDetector, type EventContext } from "./types.js";

/** Defaults; each can be replaced per organisation through `detectors["remote-identity"]`. */
export const REMOTE = {
  /** Two different login countries within this many hours is taken as impossible travel. */
  travelHours: 4,
  /** A session without a logoff is taken as closed after this many hours. */
  sessionHours: 12,
  /** Two behaviours within this many days make the case. */
  caseWindowDays: 14,
  /** Remote days after which "never on the office network" is said. */
  neverOfficeDays: 20,
  /** Remote days before a network can be "new" for the account. */
  newNetworkAfterDays: 5,
} as const;

/**
 * Hosting, VPS and anonymising-VPN networks by AS number (a small starting list: DigitalOcean,
 * Amazon, Vultr/Choopa, OVH, Hetzner, M247, Datacamp, Linode, Contabo, Scaleway, QuadraNet,
 * ColoCrossing, Clouvider). An organisation should load a maintained hosting-ASN list instead
 * (setting `hostingAsns`); this one is hand-typed and incomplete.
 */
export const DEFAULT_HOSTING_ASNS: readonly number[] = [
  14061, 16509, 14618, 20473, 16276, 24940, 9009, 60068, 212238, 63949, 51167, 12876, 8100, 36352, 62240,
];

/** Words in an AS organisation name that mark hosting or anonymising networks (lower case). */
export const DEFAULT_HOSTING_ORGS: readonly string[] = [
  "digitalocean",
  "amazon",
  "vultr",
  "choopa",
  "constant company",
  "ovh",
  "hetzner",
  "m247",
  "datacamp",
  "linode",
  "contabo",
  "scaleway",
  "leaseweb",
  "quadranet",
  "colocrossing",
  "clouvider",
  "hostinger",
  "mullvad",
  "nordvpn",
  "expressvpn",
  "private internet access",
  "proton",
  "tor exit",
];

/** Remote-desktop and remote-control tools by executable name (lower case). */
export const DEFAULT_REMOTE_TOOLS: readonly string[] = [
  "anydesk.exe",
  "teamviewer.exe",
  "teamviewer_service.exe",
  "remoting_host.exe",
  "remote_assistance_host.exe",
  "rustdesk.exe",
  "screenconnect.clientservice.exe",
  "screenconnect.windowsclient.exe",
  "splashtopstreamer.exe",
  "srservice.exe",
  "tvnserver.exe",
  "winvnc.exe",
  "vncserver.exe",
  "parsecd.exe",
  "aa_v3.exe",
  "supremo.exe",
  "ultraviewer_desktop.exe",
  "zohoassist.exe",
  "anydesk",
  "teamviewer",
  "rustdesk",
];

/** Per-organisation settings (EngineOptions.detectors["remote-identity"]). */
export type RemoteIdentitySettings = {
  hostingAsns?: number[];
  hostingOrgs?: string[];
  /** The organisation's own VPN/proxy egress: never "hosting", and an office network when listed in officeNetworks. */
  approvedAsns?: number[];
  approvedOrgs?: string[];
  /** IPv4 CIDRs (or IPv6 prefixes) of the office network; private ranges always count as office. */
  officeNetworks?: string[];
  remoteTools?: string[];
  travelHours?: number;
};

const MAX_RECENT = 16;
const MAX_OPEN = 8;
const MAX_NETWORKS = 64;

type Login = { t: number; ip: string; country: string; asn: number };

type State = {
  /** The last remote logins (oldest first, bounded). */
  recent: Login[];
  /** Sessions open now (a logon from a source without its logoff yet). */
  open: Login[];
  /** Networks seen for the account (AS number, or country when the AS is unknown) → first day. */
  networks: Map<string, number>;
  remoteDays: number;
  officeDays: number;
  /** Today's explanations, by signal (reset when a day is learned). */
  travel: string;
  hosting: string;
  simultaneous: string;
  tool: string;
};

/** Parses an IPv4 address into a 32-bit unsigned number; NaN when it is not one. */
export function ipv4(ip: string): number {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip);
  if (!m) return Number.NaN;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return Number.NaN;
  return ((parts[0]! << 24) >>> 0) + (parts[1]! << 16) + (parts[2]! << 8) + parts[3]!;
}

/** Whether an address is in an IPv4 CIDR (`10.0.0.0/8`) or starts with an IPv6 prefix (`fd00:`). */
export function inNetwork(ip: string, cidr: string): boolean {
  const [base, bitsText] = cidr.split("/");
  const a = ipv4(ip);
  const b = ipv4(base ?? "");
  if (Number.isNaN(a) || Number.isNaN(b)) return ip.toLowerCase().startsWith((base ?? "").toLowerCase());
  const bits = bitsText === undefined ? 32 : Number(bitsText);
  if (!(bits >= 0 && bits <= 32)) return false;
  if (bits === 0) return true;
  const mask = (0xffffffff << (32 - bits)) >>> 0;
  return (a & mask) >>> 0 === (b & mask) >>> 0;
}

/** Private and loopback ranges (RFC 1918, RFC 4193, loopback): the office side of the network. */
const PRIVATE = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "127.0.0.0/8", "fc", "fd", "::1"];

const hours = (ms: number) => Math.round((ms / 3_600_000) * 10) / 10;
const net = (l: { asn: number; country: string }) => (l.asn > 0 ? `AS${l.asn}` : l.country);

export const remoteIdentity = defineDetector<State>({
  id: "remote-identity",
  title: {
    ja: "遠隔からの不正なアカウント利用（なりすまし IT 労働者、事例7）",
    en: "Account used remotely by someone else (false-identity IT workers, case 7)",
  },
  computes: [],
  features: [
    { name: "REMOTE_LOGONS", label: { ja: "社外からのログイン", en: "Logins from outside the office" } },
    {
      name: "OFFICE_LOGONS",
      label: { ja: "社内ネットワークからのログイン", en: "Logins from the office network" },
    },
    {
      name: "COUNTRY_HOPS",
      label: { ja: "短時間での複数国からのログイン", en: "Logins from several countries within hours" },
    },
    {
      name: "HOSTING_LOGONS",
      label: {
        ja: "VPS・匿名化ネットワークからのログイン",
        en: "Logins through VPS or anonymising networks",
      },
    },
    {
      name: "SIMULTANEOUS_SESSIONS",
      label: {
        ja: "別ネットワークからの同時セッション",
        en: "Simultaneous sessions from different networks",
      },
    },
    {
      name: "REMOTE_TOOL",
      label: { ja: "リモートデスクトップツールの起動", en: "Remote-desktop tool started" },
    },
    {
      name: "NEW_NETWORK",
      label: { ja: "初めてのネットワークからのログイン", en: "Login from a new network" },
    },
  ],
  habits: [{ id: "remote_tool", feature: "REMOTE_TOOL" }],
  indicators: [
    {
      id: "I-REMOTE-TRAVEL",
      kind: "behaviour",
      weight: 15,
      cases: [7],
      label: { ja: "移動不可能な複数国からのログイン", en: "Impossible travel between login countries" },
      explanation: {
        ja: "同じアカウントが、移動できない短時間のうちに別々の国からログインしました（ログイン元の所在地であり、本人の国籍ではありません）。",
        en: "The same account logged in from different countries within a time no one could travel (where the login came from, not the person's nationality).",
      },
    },
    {
      id: "I-REMOTE-HOSTING",
      kind: "behaviour",
      weight: 10,
      cases: [7],
      label: {
        ja: "VPS・匿名化ネットワーク経由のログイン",
        en: "Login through a VPS or anonymising network",
      },
      explanation: {
        ja: "ホスティング事業者（VPS）や匿名化 VPN のネットワークからログインしました（組織の承認済み VPN・プロキシは除く）。",
        en: "A login came from a hosting (VPS) or anonymising-VPN network (the organisation's approved VPN and proxies excluded).",
      },
    },
    {
      id: "I-REMOTE-SIMULTANEOUS",
      kind: "behaviour",
      weight: 12,
      cases: [7],
      label: {
        ja: "別ネットワークからの同時セッション",
        en: "Simultaneous sessions from different networks",
      },
      explanation: {
        ja: "あるネットワークからのセッションが開いたまま、別のネットワーク（別の AS または国）から同じアカウントでログインしました。",
        en: "While a session from one network was open, the account logged in from another network (another AS or country).",
      },
    },
    {
      id: "I-REMOTE-DESKTOP-TOOL",
      kind: "behaviour",
      weight: 10,
      cases: [7],
      label: { ja: "リモートデスクトップツールの使用", en: "Remote-desktop tool used" },
      explanation: {
        ja: "AnyDesk・TeamViewer・Chrome リモートデスクトップ等の遠隔操作ツールが起動されました（普段は使わない利用者）。",
        en: "A remote-control tool (AnyDesk, TeamViewer, Chrome Remote Desktop…) was started by a user who does not usually use one.",
      },
    },
    {
      id: "I-REMOTE-NEW-NETWORK",
      kind: "context",
      weight: 0,
      cases: [7],
      label: { ja: "初めてのネットワークからのログイン", en: "Login from a network new to the account" },
      explanation: {
        ja: "このアカウントでは初めてのネットワーク（AS）からログインしました。単独では問題になりません。",
        en: "The account logged in from a network (AS) it had not used before. Not a concern on its own.",
      },
    },
    {
      id: "I-REMOTE-NEVER-OFFICE",
      kind: "context",
      weight: 0,
      cases: [7],
      label: { ja: "社内ネットワークに一度も現れない端末", en: "Never seen on the office network" },
      explanation: {
        ja: "社外からのログインが続いており、社内ネットワークからのログインが一度もありません。在宅勤務では普通のことで、単独では問題になりません。",
        en: "The account keeps logging in from outside and has never logged in from the office network. Normal for remote work; not a concern on its own.",
      },
    },
    {
      id: "I-CASE7-REMOTE-IDENTITY",
      kind: "case",
      weight: 25,
      cases: [7],
      label: {
        ja: "本人以外による遠隔からのアカウント利用の疑い",
        en: "Account possibly used remotely by someone other than its holder",
      },
      explanation: {
        ja: "複数の遠隔利用の兆候（移動不可能な国間ログイン、VPS 経由、同時セッション、遠隔操作ツール）が 14 日以内に重なりました（事例7: なりすまし IT 労働者）。",
        en: "Several remote-access signs (impossible travel, VPS logins, simultaneous sessions, remote-control tools) came together within 14 days (case 7: false-identity IT workers).",
      },
    },
  ],
  create(env) {
    const TRAVEL = env.indicator("I-REMOTE-TRAVEL");
    const HOSTING = env.indicator("I-REMOTE-HOSTING");
    const SIMULTANEOUS = env.indicator("I-REMOTE-SIMULTANEOUS");
    const TOOL = env.indicator("I-REMOTE-DESKTOP-TOOL");
    const NEW_NETWORK = env.indicator("I-REMOTE-NEW-NETWORK");
    const NEVER_OFFICE = env.indicator("I-REMOTE-NEVER-OFFICE");
    const CASE7 = env.indicator("I-CASE7-REMOTE-IDENTITY");
    const F_REMOTE = env.feature("REMOTE_LOGONS");
    const F_OFFICE = env.feature("OFFICE_LOGONS");
    const F_HOPS = env.feature("COUNTRY_HOPS");
    const F_HOSTING = env.feature("HOSTING_LOGONS");
    const F_SIMULTANEOUS = env.feature("SIMULTANEOUS_SESSIONS");
    const F_TOOL = env.feature("REMOTE_TOOL");
    const F_NEW = env.feature("NEW_NETWORK");
    const H_TOOL = env.habit("remote_tool");
    const cfg = (env.options.settings["remote-identity"] ?? {}) as RemoteIdentitySettings;
    const hostingAsns = new Set(cfg.hostingAsns ?? DEFAULT_HOSTING_ASNS);
    const hostingOrgs = (cfg.hostingOrgs ?? DEFAULT_HOSTING_ORGS).map((w) => w.toLowerCase());
    const approvedAsns = new Set(cfg.approvedAsns ?? []);
    const approvedOrgs = (cfg.approvedOrgs ?? []).map((w) => w.toLowerCase());
    const office = [...PRIVATE, ...(cfg.officeNetworks ?? [])];
    const tools = new Set((cfg.remoteTools ?? DEFAULT_REMOTE_TOOLS).map((w) => w.toLowerCase()));
    const travelMs = (cfg.travelHours ?? REMOTE.travelHours) * 3_600_000;
    const sessionMs = REMOTE.sessionHours * 3_600_000;
    const BEHAVIOURS = [TRAVEL, HOSTING, SIMULTANEOUS, TOOL];

    const approved = (asn: number, org: string) => {
      const o = org.toLowerCase();
      return (asn > 0 && approvedAsns.has(asn)) || (o !== "" && approvedOrgs.some((w) => o.includes(w)));
    };
    const isHosting = (asn: number, org: string) => {
      const o = org.toLowerCase();
      return (asn > 0 && hostingAsns.has(asn)) || (o !== "" && hostingOrgs.some((w) => o.includes(w)));
    };

    function login(e: EventContext, s: State): void {
      const ev = e.ev;
      const here: Login = { t: ev.t, ip: ev.srcIp, country: ev.country, asn: ev.asNumber };
      if (office.some((n) => inNetwork(ev.srcIp, n))) {
        e.x[F_OFFICE]!++;
        return;
      }
      e.x[F_REMOTE]!++;
      const own = approved(ev.asNumber, ev.asOrg);
      if (!own && isHosting(ev.asNumber, ev.asOrg)) {
        e.x[F_HOSTING]!++;
        e.tags.push(HOSTING);
        s.hosting = ev.asOrg || `AS${ev.asNumber}`;
      }
      if (ev.country !== "")
        for (const r of s.recent) {
          if (r.country === "" || r.country === ev.country || ev.t - r.t > travelMs || ev.t < r.t) continue;
          e.x[F_HOPS]!++;
          e.tags.push(TRAVEL);
          s.travel = `${r.country} → ${ev.country} ${hours(ev.t - r.t)} h`;
          break;
        }
      s.open = s.open.filter((o) => ev.t - o.t <= sessionMs);
      const other = s.open.find(
        (o) => o.ip !== ev.srcIp && (o.asn !== ev.asNumber || o.country !== ev.country),
      );
      if (other && !own) {
        e.x[F_SIMULTANEOUS]!++;
        e.tags.push(SIMULTANEOUS);
        s.simultaneous = `${net(other)} / ${net(here)}`;
      }
      s.open.push(here);
      if (s.open.length > MAX_OPEN) s.open.shift();
      const key = net(here);
      if (key !== "" && !s.networks.has(key)) {
        if (s.remoteDays >= REMOTE.newNetworkAfterDays) {
          e.x[F_NEW]!++;
          e.tags.push(NEW_NETWORK);
        }
        s.networks.set(key, e.day);
        if (s.networks.size > MAX_NETWORKS) s.networks.delete(s.networks.keys().next().value!);
      }
      s.recent.push(here);
      if (s.recent.length > MAX_RECENT) s.recent.shift();
    }

    return {
      newState: () => ({
        recent: [],
        open: [],
        networks: new Map(),
        remoteDays: 0,
        officeDays: 0,
        travel: "",
        hosting: "",
        simultaneous: "",
        tool: "",
      }),
      logon(e, s) {
        const ev = e.ev;
        if (ev.srcIp === "" && ev.country === "" && ev.asNumber === 0) return;
        if (ev.action === "logon") login(e, s);
        else if (ev.srcIp !== "") s.open = s.open.filter((o) => o.ip !== ev.srcIp);
      },
      process(e, s) {
        if (e.ev.action !== "start" || !tools.has(e.ev.process)) return;
        e.x[F_TOOL]!++;
        e.tags.push(TOOL);
        s.tool = e.ev.process;
      },
      signals(d, s) {
        const x = d.x;
        const say = (ja: string, en: string): Bilingual => ({ ja, en });
        if (x[F_HOPS]! > 0) d.fire(TRAVEL, say(`ログイン国 ${s.travel}`, `login countries ${s.travel}`));
        if (x[F_HOSTING]! > 0) d.fire(HOSTING, say(`ログイン元 ${s.hosting}`, `login from ${s.hosting}`));
        if (x[F_SIMULTANEOUS]! > 0)
          d.fire(
            SIMULTANEOUS,
            say(`同時セッション ${s.simultaneous}`, `simultaneous sessions ${s.simultaneous}`),
          );
        if (x[F_TOOL]! > 0 && (d.habit(H_TOOL) < 0.1 || d.watch.includes("remote_identity")))
          d.fire(TOOL, say(`${s.tool} を起動`, `${s.tool} started`));
        if (x[F_NEW]! > 0) d.fire(NEW_NETWORK);
        if (x[F_REMOTE]! > 0 && s.officeDays === 0 && s.remoteDays >= REMOTE.neverOfficeDays)
          d.fire(
            NEVER_OFFICE,
            say(
              `社外からのログイン ${s.remoteDays} 日、社内から 0 日`,
              `${s.remoteDays} days of outside logins, none from the office`,
            ),
          );
      },
      cases(d) {
        const today = BEHAVIOURS.filter((i) => d.has(i));
        if (today.length === 0) return;
        const recent = BEHAVIOURS.filter((i) => d.within(i, REMOTE.caseWindowDays) > 0 || d.has(i));
        const doubt = d.watch.includes("remote_identity") || d.has(NEVER_OFFICE);
        if (recent.length >= 2 || doubt) {
          const why = recent.map((i) => d.detail(i)).filter((b): b is Bilingual => b !== undefined);
          if (d.has(NEVER_OFFICE)) why.push(d.detail(NEVER_OFFICE)!);
          if (d.watch.includes("remote_identity"))
            why.push({
              ja: "本人確認に疑義のあるアカウント（監視リスト）",
              en: "identity in doubt (watchlist)",
            });
          d.fire(
            CASE7,
            why.length > 0
              ? { ja: why.map((w) => w.ja).join("; "), en: why.map((w) => w.en).join("; ") }
              : undefined,
          );
        }
      },
      learn(d, s) {
        if (d.x[F_REMOTE]! > 0) s.remoteDays++;
        if (d.x[F_OFFICE]! > 0) s.officeDays++;
        s.travel = "";
        s.hosting = "";
        s.simultaneous = "";
        s.tool = "";
      },
      snapshot: (s) => ({ ...s, networks: [...s.networks] }),
      restore(raw) {
        const r = (raw ?? {}) as Partial<Omit<State, "networks">> & { networks?: [string, number][] };
        return {
          recent: Array.isArray(r.recent) ? r.recent : [],
          open: Array.isArray(r.open) ? r.open : [],
          networks: new Map(Array.isArray(r.networks) ? r.networks : []),
          remoteDays: r.remoteDays ?? 0,
          officeDays: r.officeDays ?? 0,
          travel: r.travel ?? "",
          hosting: r.hosting ?? "",
          simultaneous: r.simultaneous ?? "",
          tool: r.tool ?? "",
        };
      },
    };
  },
});
