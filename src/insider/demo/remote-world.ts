/**
 * The remote-access side of the generated organisation (issue 12, case 7): VPN gateway sign-ins
 * with where they came from, the office identity provider's sign-ins, and process starts, written
 * as Elastic Common Schema JSON lines (`remote.ecs.jsonl`) beside the CERT files — the fields the
 * remote-identity detector reads (`source.ip`, `source.geo.country_iso_code`, `source.as.*`,
 * `process.name`, `host.name`).
 *
 * The benign people who look like the case are the point of it: hybrid and full-time home workers
 * (home ISPs, mobile tethering, dynamic addresses, missing disconnects), business travellers
 * (airport sign-in, short-haul hops that take under four hours, hotel networks, a few on a personal
 * commercial VPN), IT support staff who start remote-desktop tools every day, people who start one
 * once (a supplier's support session), and couples who share a home PC. The seeded insiders are
 * false-identity remote workers: a laptop kept at a facilitator's home and driven with a
 * remote-desktop tool while the worker also signs in from abroad or through a VPS ("laptop farm"),
 * and one worker holding two accounts from one machine ("two personas").
 *
 * Countries are drawn from one list for everyone, insiders and travellers alike: where a sign-in
 * comes from is what the detector reads, never who the person is.
 */
import type { Random } from "./random.js";

/** A network a session comes from. */
export type Net = { ip: string; country: string; asn: number; org: string };

type Trip = { from: number; to: number; dest: Destination; hotel: Net; personalVpn: boolean };

type Destination = { country: string; flightHours: number; asn: number; org: string; octet: number };

/** What a seeded remote-identity insider does from `from` to `to` (day indices). */
export type RemoteAttack<P> = {
  plan: P;
  kind: "laptop-farm" | "two-personas";
  from: number;
  to: number;
  /** The worker's own machine (signs in directly) and the networks the worker uses. */
  device: string;
  abroad: Net;
  vps: Net;
  /** Working days on which each sign is shown (decided up front so the answer key is exact). */
  toolDays: Set<number>;
  abroadDays: Set<number>;
  vpsDays: Set<number>;
  /** two-personas: minutes after the first persona that the second one signs in. */
  lagMinutes: number;
};

export type RemotePlan<P> = {
  fulltime: boolean;
  /** Share of working weekdays worked from home (hybrid). */
  homeShare: number;
  home: Net;
  /** The machine used from home (the work laptop, or a home PC shared with a partner). */
  homeDevice: string;
  trips: Trip[];
  /** Remote-desktop tools started on most working days (IT support). */
  tools: string[];
  toolOnceDay: number | null;
  /** Office sign-ins happen before this day only (onboarding at the office, then remote). */
  officeUntil: number;
  attack: RemoteAttack<P> | null;
};

/** One ECS document with its local time, account and (for insiders) the plan it belongs to. */
export type EcsRow<P> = { t: number; user: string; doc: Record<string, unknown>; malicious: P | null };

const HOME_ISPS = [
  { asn: 2516, org: "KDDI CORPORATION", octet: 106 },
  { asn: 4713, org: "NTT Communications Corporation", octet: 153 },
  { asn: 17676, org: "SoftBank Corp.", octet: 126 },
  { asn: 2527, org: "Sony Network Communications Inc.", octet: 220 },
  { asn: 9824, org: "JCOM Co., Ltd.", octet: 113 },
];
const MOBILE = { asn: 9605, org: "NTT DOCOMO, INC.", octet: 1 };

/** Destinations (flight time from Tokyo, a local access network) for trips and for insiders abroad alike. */
const DESTINATIONS: Destination[] = [
  { country: "US", flightHours: 11, asn: 7922, org: "COMCAST-7922", octet: 73 },
  { country: "DE", flightHours: 13, asn: 3320, org: "Deutsche Telekom AG", octet: 84 },
  { country: "GB", flightHours: 14, asn: 2856, org: "British Telecommunications PLC", octet: 86 },
  { country: "FR", flightHours: 14, asn: 3215, org: "Orange S.A.", octet: 90 },
  { country: "SG", flightHours: 7, asn: 9506, org: "Singtel Fibre Broadband", octet: 116 },
  { country: "KR", flightHours: 2.5, asn: 4766, org: "Korea Telecom", octet: 121 },
  { country: "TW", flightHours: 3.5, asn: 3462, org: "Data Communication Business Group", octet: 114 },
  { country: "CN", flightHours: 4, asn: 4134, org: "CHINANET-BACKBONE", octet: 58 },
  { country: "TH", flightHours: 6.5, asn: 7470, org: "TRUE INTERNET Co.,Ltd.", octet: 171 },
  { country: "VN", flightHours: 6, asn: 7552, org: "Viettel Group", octet: 27 },
  { country: "AE", flightHours: 11, asn: 5384, org: "Emirates Telecommunications Group", octet: 94 },
  { country: "RU", flightHours: 10, asn: 12389, org: "PJSC Rostelecom", octet: 95 },
];
/** Commercial VPN and VPS networks (on the detector's default hosting list). */
const COMMERCIAL_VPNS = [
  { asn: 9009, org: "M247 Europe SRL", octet: 89, country: "NL" },
  { asn: 60068, org: "Datacamp Limited", octet: 185, country: "GB" },
  { asn: 212238, org: "Datacamp Limited", octet: 146, country: "US" },
];
const VPS = [
  { asn: 20473, org: "The Constant Company, LLC", octet: 45, country: "US" },
  { asn: 14061, org: "DigitalOcean, LLC", octet: 159, country: "SG" },
  { asn: 16276, org: "OVH SAS", octet: 51, country: "FR" },
];
const IT_TOOLS = ["teamviewer.exe", "anydesk.exe", "remoting_host.exe", "screenconnect.windowsclient.exe"];
const ONE_OFF_TOOLS = ["teamviewer.exe", "anydesk.exe"];
const FARM_TOOLS = ["anydesk.exe", "rustdesk.exe", "remoting_host.exe"];

/** Local wall-clock ms → ISO 8601 with the Japan offset (the generator's clock is JST). */
export function isoJst(t: number): string {
  return `${new Date(t).toISOString().slice(0, 19)}+09:00`;
}

/** The remote world of one generated organisation; `rr` is its own random stream. */
export function createRemoteWorld<P>(deps: {
  rr: Random;
  nDays: number;
  dayT: (di: number, hour: number) => number;
  weekdaysIn: (from: number, to: number) => number[];
  isWeekday: (di: number) => boolean;
}) {
  const { rr, nDays, dayT, weekdaysIn, isWeekday } = deps;
  const ip = (octet: number) => `${octet}.${rr.int(0, 255)}.${rr.int(0, 255)}.${rr.int(1, 254)}`;
  const net = (n: { asn: number; org: string; octet: number }, country: string): Net => ({
    ip: ip(n.octet),
    country,
    asn: n.asn,
    org: n.org,
  });
  const homeNet = (): Net => net(rr.pick(HOME_ISPS), "JP");
  const newDevice = (prefix: string) =>
    `${prefix}-${rr.int(1000, 9999)}${String.fromCharCode(65 + rr.int(0, 25))}`;

  function plan(overrides: Partial<RemotePlan<P>> = {}): RemotePlan<P> {
    return {
      fulltime: false,
      homeShare: 0.2 + rr.next() * 0.4,
      home: homeNet(),
      homeDevice: "",
      trips: [],
      tools: [],
      toolOnceDay: null,
      officeUntil: nDays + 1,
      attack: null,
      ...overrides,
    };
  }

  /** One to three business trips of 3–10 days; a fifth of travellers use a personal VPN at hotels. */
  function trips(): Trip[] {
    const out: Trip[] = [];
    const personalVpn = rr.chance(0.2);
    for (let i = rr.int(1, 3); i > 0; i--) {
      const from = rr.int(10, Math.max(11, nDays - 12));
      const to = Math.min(nDays - 1, from + rr.int(3, 10));
      if (out.some((x) => from <= x.to + 3 && to >= x.from - 3)) continue;
      const dest = rr.pick(DESTINATIONS);
      out.push({ from, to, dest, hotel: net(dest, dest.country), personalVpn });
    }
    return out.sort((a, b) => a.from - b.from);
  }

  function attack(
    p: P,
    kind: RemoteAttack<P>["kind"],
    from: number,
    to: number,
    shared?: { device: string; vps: Net },
  ): RemoteAttack<P> {
    const days = weekdaysIn(from, to);
    const pickDays = (share: number) => new Set(days.filter(() => rr.chance(share)));
    const toolDays = pickDays(kind === "laptop-farm" ? 0.7 : 0);
    const abroadDays = pickDays(kind === "laptop-farm" ? 0.4 : 0);
    const vpsDays = pickDays(kind === "laptop-farm" ? 0.3 : 0.8);
    // The first working day of the window always shows a sign, so "the first anomaly" is exact.
    if (days[0] !== undefined) (kind === "laptop-farm" ? toolDays : vpsDays).add(days[0]);
    const vps = rr.pick(VPS);
    return {
      plan: p,
      kind,
      from,
      to,
      device: shared?.device ?? newDevice("DESKTOP"),
      abroad: (() => {
        const d = rr.pick(DESTINATIONS);
        return net(d, d.country);
      })(),
      vps: shared?.vps ?? net(vps, vps.country),
      toolDays,
      abroadDays,
      vpsDays,
      lagMinutes: rr.int(5, 90),
    };
  }

  function auth(
    out: EcsRow<P>[],
    user: string,
    host: string,
    t: number,
    from: Net | null,
    action: string,
    m: P | null = null,
  ): void {
    const source = from
      ? {
          ip: from.ip,
          ...(from.country ? { geo: { country_iso_code: from.country } } : {}),
          ...(from.asn > 0 ? { as: { number: from.asn, organization: { name: from.org } } } : {}),
        }
      : { ip: `10.20.${rr.int(0, 63)}.${rr.int(1, 254)}` };
    out.push({
      t,
      user,
      malicious: m,
      doc: {
        "@timestamp": isoJst(t),
        event: {
          category: ["authentication"],
          action,
          dataset: from ? "vpn.gateway" : "idp.signin",
          outcome: "success",
        },
        user: { name: user },
        host: { name: host },
        source,
      },
    });
  }

  function proc(out: EcsRow<P>[], user: string, host: string, t: number, name: string, m: P | null = null) {
    out.push({
      t,
      user,
      malicious: m,
      doc: {
        "@timestamp": isoJst(t),
        event: {
          category: ["process"],
          type: ["start"],
          action: "process-started",
          dataset: "edr.process",
        },
        user: { name: user },
        host: { name: host },
        process: { name },
      },
    });
  }

  /** A VPN session: connect, and (unless the disconnect is lost, 5 %) a disconnect. */
  function session(
    out: EcsRow<P>[],
    user: string,
    host: string,
    t0: number,
    t1: number,
    from: Net,
    m: P | null = null,
  ) {
    auth(out, user, host, t0, from, "vpn-connect", m);
    if (!rr.chance(0.05)) auth(out, user, host, Math.max(t0 + 60_000, t1), from, "vpn-disconnect", m);
  }

  /**
   * One person's remote-access events on a day they work (`start`/`end` in local hours, from the
   * ordinary day); `pc` is their work machine.
   */
  function day(
    user: string,
    pc: string,
    r: RemotePlan<P>,
    di: number,
    work: { start: number; end: number } | null,
    out: EcsRow<P>[],
  ): void {
    const a = r.attack;
    if (a && a.kind === "two-personas" && di >= a.from && di <= a.to && a.vpsDays.has(di) && isWeekday(di)) {
      // The worker signs in as this persona from their own machine through a VPS, while the
      // persona's laptop (at a facilitator's home) keeps its ordinary session.
      const t = dayT(di, rr.normal(10, 0.5)) + a.lagMinutes * 60_000;
      session(out, user, a.device, t, t + rr.int(2, 6) * 3_600_000, a.vps, a.plan);
    }
    if (!work) return;
    // The laptop is logged on first (the CERT logon row), then the VPN or the sign-in follows.
    const t0 = dayT(di, work.start) + rr.int(1, 10) * 60_000;
    const t1 = dayT(di, work.end);
    const trip = r.trips.find((x) => di >= x.from && di <= x.to);
    if (trip) {
      if (di === trip.from) {
        // Airport sign-in on the phone network, then on arrival (flight, immigration, transfer).
        const airport = dayT(di, Math.min(12, Math.max(6, rr.normal(8.5, 1.2))));
        session(out, user, pc, airport, airport + rr.int(10, 40) * 60_000, net(MOBILE, "JP"));
        const arrive =
          airport + (rr.int(60, 150) / 60 + trip.dest.flightHours + rr.int(45, 150) / 60) * 3_600_000;
        if (arrive < dayT(di, 23.8))
          session(out, user, pc, arrive, arrive + rr.int(1, 3) * 3_600_000, trip.hotel);
        return;
      }
      const from =
        trip.personalVpn && rr.chance(0.5)
          ? (() => {
              const v = rr.pick(COMMERCIAL_VPNS);
              return net(v, v.country);
            })()
          : trip.hotel;
      session(out, user, pc, t0, t1, from);
      return;
    }
    if (r.attack?.kind === "laptop-farm" && di >= r.attack.from && di <= r.attack.to) {
      farmDay(user, pc, r, r.attack, di, t0, t1, out);
      return;
    }
    const weekday = isWeekday(di);
    const office = !r.fulltime && di < r.officeUntil && weekday && !rr.chance(r.homeShare);
    if (office) auth(out, user, pc, t0, null, "sign-in");
    else {
      // Home: the household's line (its address changes now and then), or the phone's network.
      if (rr.chance(0.02)) r.home = { ...r.home, ip: ip(Number(r.home.ip.split(".")[0])) };
      const from = rr.chance(0.03) ? net(MOBILE, "JP") : r.home;
      session(out, user, r.homeDevice || pc, t0, t1, from);
    }
    if (r.tools.length > 0 && weekday && rr.chance(0.7))
      for (let i = rr.int(1, 3); i > 0; i--)
        proc(out, user, pc, t0 + rr.int(10, 400) * 60_000, rr.pick(r.tools));
    if (r.toolOnceDay === di) proc(out, user, pc, t0 + rr.int(30, 300) * 60_000, rr.pick(ONE_OFF_TOOLS));
  }

  /** A laptop-farm day: the laptop's ordinary session, and the worker behind it. */
  function farmDay(
    user: string,
    pc: string,
    r: RemotePlan<P>,
    a: RemoteAttack<P>,
    di: number,
    t0: number,
    t1: number,
    out: EcsRow<P>[],
  ): void {
    session(out, user, pc, t0, t1, r.home);
    if (a.toolDays.has(di)) proc(out, user, pc, t0 + rr.int(3, 30) * 60_000, rr.pick(FARM_TOOLS), a.plan);
    if (a.abroadDays.has(di)) {
      auth(out, user, a.device, t0 + rr.int(30, 180) * 60_000, a.abroad, "vpn-connect", a.plan);
    }
    if (a.vpsDays.has(di))
      auth(out, user, a.device, t0 + rr.int(60, 300) * 60_000, a.vps, "vpn-connect", a.plan);
  }

  /** The one or two remote-desktop tools an IT support engineer uses. */
  const itTools = () => rr.sample(IT_TOOLS, rr.int(1, 2));

  return { plan, trips, attack, day, newDevice, homeNet, itTools };
}
