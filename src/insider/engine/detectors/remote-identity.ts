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
 * by someone who does not usually use one; a device (host or client device id) that other accounts
 * also logged in from remotely within 30 days (8 points: weak alone; one machine, several identities — the laptop-farm and
 * "one worker, several personas" pattern; multi-user hosts such as VDI servers, the engine's shared
 * machines and devices listed in `sharedDevices` never count, nor a device with more than
 * `maxDeviceAccounts` accounts). Overlapping sessions count when the second one comes from another
 * network, or from another device and address that the account has not used before. Context (0
 * points): a network never seen for the
 * account, and an account whose logins after 20 remote days never came from the office network.
 * The case fires when two different behaviours occur within 14 days, or one together with the
 * context "never on the office network" or the `remote_identity` watchlist (a hiring review's
 * high-risk hire).
 *
 * Where the LOGIN comes from is the signal; the person's nationality, birthplace or ethnicity is
 * never read (the directory refuses such attributes) and no country is treated as riskier than
 * another: relabelling every country code consistently changes nothing (a property test holds it).
 */
import type { ActivityEvent } from "../event.js";
import { type Bilingual, CTX_SERVER, CTX_SHARED, defineDetector, type EventContext } from "./types.js";

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
  /** Another account's remote login on the same device within this many days makes it shared. */
  sharedDeviceDays: 30,
  /** A device with more accounts than this is a multi-user host (jump host, VDI), not a personal device. */
  maxDeviceAccounts: 3,
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
  /** Devices (host names or ids) several accounts legitimately share (kiosks, lab PCs, VDI hosts). */
  sharedDevices?: string[];
  sharedDeviceDays?: number;
  maxDeviceAccounts?: number;
};

const MAX_RECENT = 16;
const MAX_OPEN = 8;
const MAX_NETWORKS = 64;
const MAX_DEVICES = 16;
/** Devices remembered organisation-wide for the shared-device signal (oldest forgotten first). */
const MAX_SHARED_DEVICES = 200_000;

type Login = { t: number; ip: string; country: string; asn: number; host: string };

type State = {
  /** The last remote logins (oldest first, bounded). */
  recent: Login[];
  /** Sessions open now (a logon from a source without its logoff yet). */
  open: Login[];
  /** Networks seen for the account (AS number, or country when the AS is unknown) → first day. */
  networks: Map<string, number>;
  /** Devices the account logged in on remotely → last day (bounded). */
  devices: Map<string, number>;
  remoteDays: number;
  officeDays: number;
  /** Today's explanations, by signal (reset when a day is learned). */
  travel: string;
  hosting: string;
  simultaneous: string;
  tool: string;
  shared: string;
  /** The last explanation of each behaviour (indicator id → day and text), for the case's reasons. */
  past: Record<string, { day: number; ja: string; en: string }>;
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

/**
 * Whether a logon came from outside the organisation's networks (a source address that is neither
 * private nor in `officeNetworks`). Such sign-ins are this detector's to judge; the other-machines
 * detector (case 5, someone at a colleague's PC) leaves them alone so one event is not counted twice.
 */
export function remoteSignIn(srcIp: string, officeNetworks: readonly string[] = []): boolean {
  if (srcIp === "") return false;
  return ![...PRIVATE, ...officeNetworks].some((n) => inNetwork(srcIp, n));
}

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
    {
      name: "SHARED_DEVICE_LOGONS",
      label: {
        ja: "他のアカウントも使う端末からのログイン",
        en: "Logins on a device other accounts also use",
      },
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
        ja: "あるネットワークからのセッションが開いたまま、別のネットワーク（別の AS または国）から、または初めて使う別の端末・別のアドレスから同じアカウントでログインしました。",
        en: "While a session was open, the account logged in from another network (another AS or country), or from another device and address it had not used before.",
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
      id: "I-REMOTE-SHARED-DEVICE",
      kind: "behaviour",
      // Weak alone (a family PC is shared too): fewer points than the other signs; it counts
      // fully towards the case, which needs a second sign.
      weight: 8,
      cases: [7],
      label: {
        ja: "複数のアカウントが使う端末",
        en: "One device used by several accounts",
      },
      explanation: {
        ja: "同じ端末（ホスト名・端末 ID）から、30 日以内に別のアカウントも社外経由でログインしています（一台で複数の身元を使う、ラップトップファームの手口）。共用端末・VDI として登録した端末は除きます。",
        en: "Another account also logged in remotely from the same device (host name or device id) within 30 days (one machine behind several identities, as in laptop farms). Devices registered as shared or VDI hosts are excluded.",
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
        ja: "複数の遠隔利用の兆候（移動不可能な国間ログイン、VPS 経由、同時セッション、遠隔操作ツール、複数アカウントが使う端末）が 14 日以内に重なりました（事例7: なりすまし IT 労働者）。",
        en: "Several remote-access signs (impossible travel, VPS logins, simultaneous sessions, remote-control tools, a device several accounts use) came together within 14 days (case 7: false-identity IT workers).",
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
    const SHARED = env.indicator("I-REMOTE-SHARED-DEVICE");
    const F_SHARED = env.feature("SHARED_DEVICE_LOGONS");
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
    const sharedDevices = new Set((cfg.sharedDevices ?? []).map((d) => d.toLowerCase()));
    const sharedMs = (cfg.sharedDeviceDays ?? REMOTE.sharedDeviceDays) * 86_400_000;
    const maxDeviceAccounts = cfg.maxDeviceAccounts ?? REMOTE.maxDeviceAccounts;
    const BEHAVIOURS = [TRAVEL, HOSTING, SIMULTANEOUS, TOOL, SHARED];
    const INDICATOR_IDS = new Map<number, string>([
      [TRAVEL, "I-REMOTE-TRAVEL"],
      [HOSTING, "I-REMOTE-HOSTING"],
      [SIMULTANEOUS, "I-REMOTE-SIMULTANEOUS"],
      [TOOL, "I-REMOTE-DESKTOP-TOOL"],
      [SHARED, "I-REMOTE-SHARED-DEVICE"],
    ]);
    /** Organisation-wide: device → account → time of its last remote login there (bounded). */
    const deviceAccounts = new Map<string, Map<string, number>>();
    const isOffice = (ip: string) => office.some((n) => inNetwork(ip, n));

    /** Records a remote login on a device; returns how many other accounts used it within the window. */
    function recordDeviceLogin(host: string, user: string, t: number): number {
      const key = host.toLowerCase();
      let accounts = deviceAccounts.get(key);
      if (!accounts) {
        accounts = new Map();
        deviceAccounts.set(key, accounts);
        if (deviceAccounts.size > MAX_SHARED_DEVICES)
          deviceAccounts.delete(deviceAccounts.keys().next().value!);
      }
      let others = 0;
      for (const [who, last] of accounts) {
        if (t - last > sharedMs) accounts.delete(who);
        else if (who !== user) others++;
      }
      const before = accounts.get(user);
      if (before === undefined || t > before) accounts.set(user, t);
      // A multi-user host keeps at most a few more accounts than the limit: enough to know it is one.
      if (accounts.size > maxDeviceAccounts + 2) accounts.delete(accounts.keys().next().value!);
      return others;
    }

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
      const here: Login = { t: ev.t, ip: ev.srcIp, country: ev.country, asn: ev.asNumber, host: ev.host };
      if (isOffice(ev.srcIp)) {
        e.x[F_OFFICE]!++;
        return;
      }
      e.x[F_REMOTE]!++;
      if (ev.host !== "") {
        const others = recordDeviceLogin(ev.host, ev.user, ev.t);
        const multiUser =
          others + 1 > maxDeviceAccounts ||
          sharedDevices.has(ev.host.toLowerCase()) ||
          e.ctx === CTX_SHARED ||
          e.ctx === CTX_SERVER;
        if (others > 0 && !multiUser) {
          e.x[F_SHARED]!++;
          e.tags.push(SHARED);
          s.shared = `${ev.host}: ${others}`;
        }
      }
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
      const newDevice = ev.host !== "" && !s.devices.has(ev.host);
      const other = s.open.find(
        (o) =>
          o.ip !== ev.srcIp &&
          (o.asn !== ev.asNumber ||
            o.country !== ev.country ||
            (newDevice && o.host !== "" && o.host !== ev.host)),
      );
      if (other && !own) {
        e.x[F_SIMULTANEOUS]!++;
        e.tags.push(SIMULTANEOUS);
        s.simultaneous =
          other.host !== "" && other.host !== ev.host
            ? `${net(other)} (${other.host}) / ${net(here)} (${ev.host})`
            : `${net(other)} / ${net(here)}`;
      }
      if (ev.host !== "") {
        s.devices.delete(ev.host);
        s.devices.set(ev.host, e.day);
        if (s.devices.size > MAX_DEVICES) s.devices.delete(s.devices.keys().next().value!);
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
        devices: new Map(),
        remoteDays: 0,
        officeDays: 0,
        travel: "",
        hosting: "",
        simultaneous: "",
        tool: "",
        shared: "",
        past: {},
      }),
      observe(ev: ActivityEvent) {
        if (ev.action !== "logon" || ev.host === "" || ev.srcIp === "" || isOffice(ev.srcIp)) return;
        recordDeviceLogin(ev.host, ev.user, ev.t);
      },
      shared: {
        snapshot: () => [...deviceAccounts].map(([host, accounts]) => [host, [...accounts]]),
        restore(raw) {
          deviceAccounts.clear();
          if (!Array.isArray(raw)) return;
          for (const entry of raw as [string, [string, number][]][])
            if (Array.isArray(entry) && Array.isArray(entry[1]))
              deviceAccounts.set(String(entry[0]), new Map(entry[1]));
        },
      },
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
        if (x[F_SHARED]! > 0) {
          const [host, n] = s.shared.split(/: (?=\d+$)/);
          d.fire(
            SHARED,
            say(
              `端末 ${host} を 30 日以内に他の ${n} アカウントも使用`,
              `device ${host} also used by ${n} other account(s) within 30 days`,
            ),
          );
        }
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
      cases(d, s) {
        const today = BEHAVIOURS.filter((i) => d.has(i));
        if (today.length === 0) return;
        const recent = BEHAVIOURS.filter((i) => d.within(i, REMOTE.caseWindowDays) > 0 || d.has(i));
        const doubt = d.watch.includes("remote_identity") || d.has(NEVER_OFFICE);
        if (recent.length >= 2 || doubt) {
          const why = recent
            .map((i) => {
              const today = d.detail(i);
              if (today || d.has(i)) return today;
              const before = s.past[INDICATOR_IDS.get(i)!];
              if (!before || d.day - before.day >= REMOTE.caseWindowDays) return undefined;
              const ago = d.day - before.day;
              return { ja: `${before.ja}（${ago} 日前）`, en: `${before.en} (${ago} days ago)` };
            })
            .filter((b): b is Bilingual => b !== undefined);
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
        s.shared = "";
        for (const i of BEHAVIOURS) {
          const why = d.detail(i);
          if (why) s.past[INDICATOR_IDS.get(i)!] = { day: d.day, ja: why.ja, en: why.en };
        }
      },
      snapshot: (s) => ({ ...s, networks: [...s.networks], devices: [...s.devices] }),
      restore(raw) {
        const r = (raw ?? {}) as Partial<Omit<State, "networks" | "devices">> & {
          networks?: [string, number][];
          devices?: [string, number][];
        };
        return {
          recent: Array.isArray(r.recent) ? r.recent : [],
          open: Array.isArray(r.open) ? r.open : [],
          networks: new Map(Array.isArray(r.networks) ? r.networks : []),
          devices: new Map(Array.isArray(r.devices) ? r.devices : []),
          remoteDays: r.remoteDays ?? 0,
          officeDays: r.officeDays ?? 0,
          travel: r.travel ?? "",
          hosting: r.hosting ?? "",
          simultaneous: r.simultaneous ?? "",
          tool: r.tool ?? "",
          shared: r.shared ?? "",
          past: r.past && typeof r.past === "object" ? r.past : {},
        };
      },
    };
  },
});
