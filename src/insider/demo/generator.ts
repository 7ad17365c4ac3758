/**
 * Generates a realistic synthetic organisation's activity logs in the CERT r5.2 layout (logon,
 * device, file, email, http, psychometric, LDAP monthly snapshots with projects) plus an HR file and
 * a confidential-asset registry, with seeded insiders for the six cases of issue 5 and an answer key
 * in the CERT layout (`answers/insiders.csv`: dataset,scenario,details,user,start,end, with one
 * details file per insider listing the malicious rows).
 *
 * A generator we wrote ourselves is easier than real data, so it deliberately includes the benign
 * behaviour that makes insider detection hard: regular and occasional USB users (a few of whom copy
 * project files), after-hours and weekend workers, on-call engineers on confidential servers at
 * night, job-site browsing by people who stay, leavers who take nothing, salespeople mailing large
 * attachments to new customers, personal webmail use, cloud storage users, IT administrators logging
 * on to many machines and installing software from removable media, recruiter messages to people
 * who ignore them, one-off out-of-scope accesses, new hires without a baseline, missing
 * disconnects, unknown service accounts, slightly out-of-order rows and a few malformed rows.
 */
import { certDate, daysFromCivil, MS_PER_DAY, MS_PER_HOUR, weekdayOfDay } from "../engine/time.js";
import { Random } from "./random.js";
import { createRemoteWorld, type EcsRow, type RemotePlan } from "./remote-world.js";

export type GeneratorOptions = {
  users: number;
  days: number;
  seed?: number;
  /** First day, `YYYY-MM-DD` (default 2010-01-04, a Monday, like CERT's 2010 start). */
  start?: string;
  /** Insiders seeded per case (default: one per 500 users, at least 1). */
  insidersPerCase?: number;
  internalDomain?: string;
  /** Write a few malformed rows (default true), to show they are reported and skipped. */
  malformedRows?: boolean;
  /**
   * Extra free text appended to the `content` column of file, e-mail and http rows, so benchmarks can
   * match CERT's row sizes (r4.2 http/e-mail rows average about 500 bytes). Default 0.
   */
  contentBytes?: number;
  /**
   * `realistic` (default) adds the behaviour of issue 12 that makes the departing-employee case
   * hard: daily USB users, departing insiders who job-hunt for 4–8 weeks and copy only 2–4× their
   * own busy USB baseline, departures visible only in the monthly directory snapshots, benign leavers
   * who job-hunt and take personal files, and deadline bursts (whole project teams working late).
   * `classic` is the generator as it was before, kept to report numbers on both.
   */
  profile?: "realistic" | "classic";
};

export type InsiderPlan = {
  user: string;
  case: number;
  variant: string;
  start: number;
  end: number;
  firstExfiltration: number;
  details: string[];
};

/** Where generated files go: `append(file, text)` adds text to a file relative to the output root. */
export type DatasetSink = { append(file: string, text: string): void };

export type GeneratedSummary = {
  users: number;
  days: number;
  events: number;
  insiders: InsiderPlan[];
  start: string;
  internalDomain: string;
};

const FIRST =
  "Aaron Abel Ada Adele Alan Alice Amber Amos Ann Arden Basil Beth Blake Bruce Carla Cecil Chloe Clark Cora Dale Dana Dean Della Drew Earl Edna Eli Ella Emmett Erin Ezra Faye Felix Flora Gage Gail Gene Gwen Hal Hana Hugh Ida Ike Iris Ivan Jade Jake Jane Joel Juno Kai Kara Keith Kim Lane Lara Leo Lily Lois Luke Mae Mark Maya Miles Mira Nash Neil Nina Noel Nora Olga Omar Opal Otis Page Paul Pia Quinn Rae Reed Rhea Rory Ruth Sage Sam Sara Seth Sue Tad Tess Todd Tom Uma Val Vera Vic Wade Wes Wynn Yuki Zane Zoe".split(
    " ",
  );
const LAST =
  "Adams Baker Banks Bell Black Blair Boyd Brooks Burke Cain Carr Chase Cole Cruz Dale Day Dean Diaz Dunn Eaton Ellis Ford Fox Frost Gill Grant Gray Hale Hardy Hart Hayes Hill Hood Hunt Ito James Kane Kato Kent King Knox Lane Lee Long Lowe Lynch Mann Marsh May Mills Moon Moss Nash Noble Oda Ortiz Page Park Pike Pope Price Quinn Reed Reyes Rice Ross Rowe Ryan Sato Shaw Short Snow Stone Swan Todd Tran Vance Wade Walsh Ward Webb West Wolfe Wood Wren Yang Young".split(
    " ",
  );
const WORDS =
  "report design test plan budget review spec draft notes data model results meeting schedule proposal analysis summary invoice quote contract manual guide figure chart prototype simulation protocol sample batch assay layout circuit firmware".split(
    " ",
  );
const BENIGN_SITES = [
  "nytimes.com",
  "bbc.co.uk",
  "wikipedia.org",
  "stackoverflow.com",
  "github.com",
  "weather.com",
  "espn.com",
  "amazon.com",
  "cnn.com",
  "reuters.com",
  "microsoft.com",
  "apple.com",
  "ieee.org",
  "acm.org",
  "nature.com",
  "sciencedirect.com",
  "arxiv.org",
  "youtube.com",
  "facebook.com",
  "twitter.com",
  "craigslist.org",
  "ebay.com",
  "yahoo.com",
  "google.com",
  "bing.com",
  "imdb.com",
  "nikkei.com",
  "asahi.com",
  "mapquest.com",
  "travelocity.com",
];
const JOB_SITES = [
  "monster.com",
  "indeed.com",
  "careerbuilder.com",
  "simplyhired.com",
  "jobhuntersbible.com",
  "glassdoor.com",
];
const PERSONAL_WORDS =
  "photo img family trip vacation wedding recipe tax receipt cv resume portfolio notes music video hobby".split(
    " ",
  );
const CLOUD_SITES = ["dropbox.com", "box.com", "drive.google.com", "mega.nz", "wetransfer.com"];
const WEBMAIL = ["gmail.com", "yahoo.com", "hotmail.com", "outlook.com", "aol.com", "comcast.net"];
const CUSTOMER_WORDS =
  "acme globex initech umbrella stark wayne tyrell cyberdyne soylent hooli vandelay wonka gringotts oscorp aperture massive dunder sirius vector zenith orbit apex lumen nova quanta".split(
    " ",
  );
const ROLES: { role: string; share: number }[] = [
  { role: "Engineer", share: 0.26 },
  { role: "Scientist", share: 0.14 },
  { role: "Salesman", share: 0.12 },
  { role: "Technician", share: 0.1 },
  { role: "AdministrativeAssistant", share: 0.08 },
  { role: "Manager", share: 0.08 },
  { role: "ITAdmin", share: 0.05 },
  { role: "Intern", share: 0.05 },
  { role: "Contractor", share: 0.06 },
  { role: "Accountant", share: 0.06 },
];
const BUSINESS_UNITS = ["1", "2", "3"];
const FUNCTIONAL_UNITS = [
  "1 - Research And Engineering",
  "2 - Manufacturing",
  "3 - Sales And Marketing",
  "4 - Administration",
  "5 - Information Technology",
  "6 - Purchasing",
];

type Profile = {
  id: string;
  name: string;
  email: string;
  role: string;
  bu: string;
  fu: string;
  dept: string;
  team: string;
  supervisor: string | null;
  projects: string[];
  pc: string;
  startDay: number;
  endDay: number;
  noticeDay: number | null;
  startHour: number;
  workLen: number;
  absence: number;
  afterHours: boolean;
  weekendRate: number;
  usb: number;
  usbCopies: number;
  usbConf: number;
  onCall: boolean;
  jobBrowse: number;
  cloud: number;
  cloudUpload: number;
  proNetwork: number;
  recruiterTarget: boolean;
  personalMail: number;
  personalAddress: string;
  extPerDay: number;
  extContacts: string[];
  newContactRate: number;
  partnerDomains: string[];
  massMail: number;
  otherPc: number;
  http: number;
  files: number;
  sharedPcs: string[];
  docs: string[];
  insider: boolean;
  ocean: number[];
  /** realistic: uses removable media every working day (busy baseline). */
  usbDaily: boolean;
  /** The departure is in the HR file (otherwise only the monthly directory snapshots show it). */
  hrRecord: boolean;
  /** realistic: what a (benign) leaver does in their last weeks. */
  leaving: LeaverPlan | null;
  /** Behaviour groups for the eval's per-group report (answers/population.csv). */
  groups: string[];
  /** realistic: VPN / identity-provider sign-ins and process starts (remote.ecs.jsonl), case 7. */
  remote: RemotePlan<InsiderPlan> | null;
};

/** A benign leaver's last weeks: job hunting, contact with the next employer, taking personal files. */
type LeaverPlan = {
  huntFrom: number;
  huntRate: number;
  employer: string | null;
  employerMailDays: Set<number>;
  takeHomeDays: Set<number>;
  takeHomeProjectFiles: boolean;
};

type Row = { t: number; file: string; rest: string; user: string; malicious: InsiderPlan | null };

type Project = {
  name: string;
  slug: string;
  dept: string;
  server: string;
  partners: string[];
  /** realistic: deadline crunches [from, to] (day indices) when the team works late and at weekends. */
  bursts: [number, number][];
};

/** Writes a generated dataset through `sink` and returns its summary (insiders, event count). */
export function generateCertDataset(options: GeneratorOptions, sink: DatasetSink): GeneratedSummary {
  const rng = new Random(options.seed ?? 42);
  const nUsers = Math.max(20, options.users);
  const nDays = Math.max(30, options.days);
  const domain = (options.internalDomain ?? "dtaa.com").toLowerCase();
  const startText = options.start ?? "2010-01-04";
  const [sy, sm, sd] = startText.split("-").map(Number) as [number, number, number];
  const baseDay = daysFromCivil(sy, sm, sd);
  const perCase = options.insidersPerCase ?? Math.max(1, Math.round(nUsers / 500));
  const malformed = options.malformedRows ?? true;
  const realistic = (options.profile ?? "realistic") === "realistic";
  // Realistic-only decisions draw from their own stream, so the organisation, its ordinary days and
  // the other cases stay as the classic generator makes them.
  const rx = new Random(((options.seed ?? 42) ^ 0x5eed1e) >>> 0);
  const filler = options.contentBytes
    ? ` ${"lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor ".repeat(Math.ceil(options.contentBytes / 77) + 1).slice(0, options.contentBytes)}`
    : "";

  // ---------- organisation ----------
  const usedIds = new Set<string>();
  const usedPcs = new Set<string>();
  const newPc = (): string => {
    for (;;) {
      const pc = `PC-${rng.int(1000, 9999)}`;
      if (!usedPcs.has(pc)) {
        usedPcs.add(pc);
        return pc;
      }
    }
  };
  const nDepts = Math.max(4, Math.round(nUsers / 50));
  const depts = Array.from({ length: nDepts }, (_, i) => ({
    name: `${i + 1} - ${rng.pick(["ResearchLab", "ProductDevelopment", "Manufacturing", "SalesOps", "Finance", "Quality", "Platform", "Materials", "Devices", "Systems"])}`,
    fu: FUNCTIONAL_UNITS[i % FUNCTIONAL_UNITS.length]!,
    bu: BUSINESS_UNITS[i % BUSINESS_UNITS.length]!,
  }));
  const nProjects = Math.max(4, Math.round(nUsers / 25));
  const partnerPool = Array.from(
    { length: Math.max(6, Math.round(nProjects / 2)) },
    (_, i) => `${rng.pick(CUSTOMER_WORDS)}-partner${i}.com`,
  );
  const projects: Project[] = Array.from({ length: nProjects }, (_, i) => ({
    name: `Project ${i + 1}`,
    slug: `proj${i + 1}`,
    dept: depts[i % nDepts]!.name,
    server: `SRV-${String(100 + i).padStart(4, "0")}`,
    partners: rng.chance(0.6) ? [rng.pick(partnerPool)] : [],
    bursts: [],
  }));
  const customers = Array.from({ length: 60 }, (_, i) => `${rng.pick(CUSTOMER_WORDS)}${i}.com`);
  const sharedPcs = Array.from({ length: Math.max(5, Math.round(nUsers / 25)) }, () => newPc());

  const profiles: Profile[] = [];
  const roleList: string[] = [];
  for (const r of ROLES) for (let k = 0; k < Math.round(r.share * nUsers); k++) roleList.push(r.role);
  while (roleList.length < nUsers) roleList.push("Engineer");
  roleList.length = nUsers;
  for (let i = roleList.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [roleList[i], roleList[j]] = [roleList[j]!, roleList[i]!];
  }
  for (let i = 0; i < nUsers; i++) {
    const first = rng.pick(FIRST);
    const last = rng.pick(LAST);
    let id: string;
    do
      id =
        `${first[0]}${last[0]}${String.fromCharCode(65 + rng.int(0, 25))}${rng.int(1000, 9999)}`.toUpperCase();
    while (usedIds.has(id));
    usedIds.add(id);
    const role = roleList[i]!;
    const dept = depts[i % nDepts]!;
    const deptProjects = projects.filter((p) => p.dept === dept.name);
    const projectCount =
      role === "Engineer" || role === "Scientist" || role === "Technician"
        ? rng.int(1, 2)
        : role === "Intern" || role === "Contractor"
          ? 1
          : role === "Salesman" || role === "Manager"
            ? rng.int(0, 1)
            : 0;
    const pool = deptProjects.length > 0 ? deptProjects : projects;
    const myProjects = rng.sample(pool, projectCount).map((p) => p.name);
    const startHour = Math.min(10, Math.max(6.8, rng.normal(8.2, 0.6)));
    const isSales = role === "Salesman";
    const usbUser = rng.chance(0.2);
    const cloudUser = rng.chance(0.12);
    const nameEmail = `${first}.${last}${rng.int(1, 99)}`.toLowerCase();
    profiles.push({
      id,
      name: `${first} ${last}`,
      email: `${first}.${last}@${domain}`.toLowerCase(),
      role,
      bu: dept.bu,
      fu: dept.fu,
      dept: dept.name,
      team: `${dept.name.split(" ")[0]}-${rng.int(1, 4)}`,
      supervisor: null,
      projects: myProjects,
      pc: newPc(),
      startDay: 0,
      endDay: nDays + 400,
      noticeDay: null,
      startHour,
      workLen: Math.min(11, Math.max(7, rng.normal(9, 0.7))),
      absence: Math.min(0.15, Math.max(0.01, rng.normal(0.05, 0.03))),
      afterHours: rng.chance(0.08),
      weekendRate: rng.chance(0.1) ? rng.next() * 0.3 : 0.01,
      usb: usbUser ? 0.08 + rng.next() * 0.5 : 0,
      usbCopies: 1 + rng.next() * 6,
      usbConf: usbUser && myProjects.length > 0 && rng.chance(0.1) ? 0.15 : 0,
      onCall: (role === "Engineer" || role === "Technician") && myProjects.length > 0 && rng.chance(0.1),
      jobBrowse: rng.chance(0.06) ? 0.1 + rng.next() * 0.3 : 0,
      cloud: cloudUser ? 0.1 + rng.next() * 0.4 : 0,
      cloudUpload: cloudUser && rng.chance(0.3) ? 0.1 + rng.next() * 0.2 : 0,
      proNetwork: rng.chance(0.3) ? rng.next() * 0.2 : 0,
      recruiterTarget: rng.chance(0.05),
      personalMail: rng.chance(0.1) ? 0.03 + rng.next() * 0.1 : 0,
      personalAddress: `${nameEmail}@${rng.pick(WEBMAIL)}`,
      extPerDay: isSales ? 2 + rng.next() * 5 : role === "Manager" ? 0.8 : myProjects.length > 0 ? 0.3 : 0.1,
      extContacts: [],
      newContactRate: isSales ? 0.08 : 0.01,
      partnerDomains: [],
      massMail: role === "Manager" || role === "AdministrativeAssistant" ? 0.02 + rng.next() * 0.03 : 0,
      otherPc: role === "ITAdmin" ? 0 : 0.01,
      http: 6 + rng.next() * 10,
      files: 2 + rng.next() * 8,
      sharedPcs: role === "Technician" || role === "Intern" ? rng.sample(sharedPcs, 2) : [],
      docs: Array.from(
        { length: 12 },
        () =>
          `${rng.pick(WORDS)}-${rng.int(100, 999)}.${rng.pick(["docx", "pdf", "xlsx", "pptx", "txt", "jpg", "zip"])}`,
      ),
      insider: false,
      ocean: [rng.int(10, 50), rng.int(10, 50), rng.int(10, 50), rng.int(10, 50), rng.int(10, 50)],
      usbDaily: false,
      hrRecord: true,
      leaving: null,
      groups: [],
      remote: null,
    });
  }
  const byId = new Map(profiles.map((p) => [p.id, p]));
  // Supervisors: a manager per team, department heads above them.
  const teams = new Map<string, Profile[]>();
  for (const p of profiles) teams.set(p.team, [...(teams.get(p.team) ?? []), p]);
  const deptHead = new Map<string, Profile>();
  for (const [, members] of teams) {
    const manager = members.find((m) => m.role === "Manager") ?? members[0]!;
    for (const m of members) if (m !== manager) m.supervisor = manager.id;
    const head = deptHead.get(manager.dept);
    if (!head) deptHead.set(manager.dept, manager);
    else if (head !== manager) manager.supervisor = head.id;
  }
  for (const p of profiles) {
    const projPartners = p.projects.flatMap((n) => projects.find((x) => x.name === n)!.partners);
    p.partnerDomains = projPartners;
    const pool = p.role === "Salesman" ? customers : [...projPartners, ...customers.slice(0, 10)];
    p.extContacts = Array.from(
      { length: p.role === "Salesman" ? 15 : 4 },
      () => `${rng.pick(FIRST).toLowerCase()}.${rng.pick(LAST).toLowerCase()}@${rng.pick(pool)}`,
    );
  }
  // Leavers and new hires (benign), decided before insiders so insiders are chosen among stayers.
  for (const p of profiles) {
    if (rng.chance(0.08)) {
      p.endDay = rng.int(Math.round(nDays * 0.3), nDays - 5);
      if (rng.chance(0.6)) p.noticeDay = p.endDay - rng.int(14, 40);
      const browses = rng.chance(0.4);
      if (browses && !realistic) p.jobBrowse = Math.max(p.jobBrowse, 0.3);
    } else if (rng.chance(0.06)) p.startDay = rng.int(Math.round(nDays * 0.15), Math.round(nDays * 0.7));
  }

  // Service accounts that appear in the logs but not in LDAP (unknown users).
  const serviceAccounts = ["SVC0001", "SVC0002"];

  // ---------- insiders ----------
  const plans: { plan: InsiderPlan; user: string; act: (di: number, out: Row[]) => void }[] = [];
  const minStart = Math.min(Math.max(30, Math.round(nDays * 0.35)), nDays - 25);
  const candidates = (pred: (p: Profile) => boolean) =>
    profiles.filter((p) => !p.insider && p.startDay === 0 && p.endDay > nDays && pred(p));
  const choose = (pred: (p: Profile) => boolean, fallback: (p: Profile) => boolean): Profile => {
    const list = candidates(pred);
    const p = list.length > 0 ? rng.pick(list) : rng.pick(candidates(fallback));
    p.insider = true;
    return p;
  };
  /** A moving timestamp for a sequence of actions (keeps the generator free of assignments in expressions). */
  const clock = (start: number) => ({
    t: start,
    add(ms: number): number {
      this.t += ms;
      return this.t;
    },
  });
  const dayT = (di: number, hour: number) => (baseDay + di) * MS_PER_DAY + Math.round(hour * MS_PER_HOUR);
  const isWeekday = (di: number) => {
    const w = weekdayOfDay(baseDay + di);
    return w !== 0 && w !== 6;
  };
  const weekdaysIn = (from: number, to: number) => {
    const out: number[] = [];
    for (let d = Math.max(0, from); d <= Math.min(nDays - 1, to); d++) if (isWeekday(d)) out.push(d);
    return out;
  };
  const projectOf = (p: Profile): Project => projects.find((x) => x.name === p.projects[0]) ?? projects[0]!;
  const confFile = (proj: Project) =>
    `\\\\fs01\\projects\\${proj.slug}\\${rng.pick(WORDS)}\\${rng.pick(WORDS)}-${rng.int(1000, 9999)}.${rng.pick(["docx", "pdf", "xlsx", "dwg", "zip"])}`;
  const baseOf = (path: string) => path.slice(path.lastIndexOf("\\") + 1);

  // Row builders (shared by normal behaviour and insider plans).
  const logon = (
    out: Row[],
    p: Profile,
    pc: string,
    t: number,
    m: InsiderPlan | null = null,
    activity = "Logon",
  ) => out.push({ t, file: "logon", user: p.id, rest: `${p.id},${pc},${activity}`, malicious: m });
  const device = (
    out: Row[],
    p: Profile,
    pc: string,
    t: number,
    connect: boolean,
    m: InsiderPlan | null = null,
  ) =>
    out.push({
      t,
      file: "device",
      user: p.id,
      rest: `${p.id},${pc},${connect ? `R:\\;R:\\${rng.pick(WORDS)}` : ""},${connect ? "Connect" : "Disconnect"}`,
      malicious: m,
    });
  const file = (
    out: Row[],
    p: Profile,
    pc: string,
    t: number,
    name: string,
    activity: string,
    toRem: boolean,
    fromRem: boolean,
    m: InsiderPlan | null = null,
  ) =>
    out.push({
      t,
      file: "file",
      user: p.id,
      rest: `${p.id},${pc},${name},${activity},${toRem ? "True" : "False"},${fromRem ? "True" : "False"},${rng.pick(WORDS)} ${rng.pick(WORDS)} ${rng.pick(WORDS)}${filler}`,
      malicious: m,
    });
  const email = (
    out: Row[],
    p: Profile,
    pc: string,
    t: number,
    to: string[],
    attachments: string[],
    activity: "Send" | "Receive",
    from: string,
    size: number,
    m: InsiderPlan | null = null,
    cc: string[] = [],
  ) =>
    out.push({
      t,
      file: "email",
      user: p.id,
      rest: `${p.id},${pc},${to.join(";")},${cc.join(";")},,${from},${activity},${size},${attachments.map((a) => `${a}(${rng.int(20_000, 3_000_000)})`).join(";")},${rng.pick(WORDS)} ${rng.pick(WORDS)}${filler}`,
      malicious: m,
    });
  const http = (out: Row[], p: Profile, pc: string, t: number, url: string, m: InsiderPlan | null = null) =>
    out.push({
      t,
      file: "http",
      user: p.id,
      rest: `${p.id},${pc},${url},${rng.pick(WORDS)} ${rng.pick(WORDS)} ${rng.pick(WORDS)}${filler}`,
      malicious: m,
    });

  const addPlan = (
    p: Profile,
    kase: number,
    variant: string,
    start: number,
    end: number,
    act: (plan: InsiderPlan, di: number, out: Row[]) => void,
  ) => {
    const plan: InsiderPlan = {
      user: p.id,
      case: kase,
      variant,
      start: dayT(start, 0),
      end: dayT(end, 23.99),
      firstExfiltration: Number.POSITIVE_INFINITY,
      details: [],
    };
    plans.push({ plan, user: p.id, act: (di, out) => act(plan, di, out) });
    return plan;
  };
  const markExfil = (plan: InsiderPlan, t: number) => {
    if (t < plan.firstExfiltration) plan.firstExfiltration = t;
  };
  const windowStart = (len: number) => rng.int(minStart, Math.max(minStart, nDays - len - 3));

  if (realistic) addRealisticPopulation();
  for (let k = 0; k < perCase; k++) {
    // Case 1: off-hours logons to confidential servers, files carried out on USB.
    {
      const p = choose(
        (q) => q.projects.length > 0 && q.usb === 0 && !q.afterHours && !q.onCall && q.role !== "ITAdmin",
        (q) => q.projects.length > 0,
      );
      p.usb = 0;
      p.afterHours = false;
      const s = windowStart(16);
      const days = new Set(rng.sample(weekdaysIn(s, s + 15), rng.int(4, 6)));
      const proj = projectOf(p);
      addPlan(p, 1, "offhours-usb", s, s + 15, (plan, di, out) => {
        if (!days.has(di)) return;
        const h = rng.chance(0.5) ? rng.normal(21.5, 0.8) : rng.normal(5.0, 0.4);
        const c = clock(dayT(di, Math.min(23.2, Math.max(1, h))));
        logon(out, p, p.pc, c.t, plan);
        c.add(rng.int(60, 600) * 1000);
        logon(out, p, proj.server, c.t, plan);
        const files = Array.from({ length: rng.int(5, 15) }, () => confFile(proj));
        for (const f of files)
          file(out, p, p.pc, c.add(rng.int(10, 90) * 1000), f, "File Open", false, false, plan);
        device(out, p, p.pc, c.add(30_000), true, plan);
        for (const f of files) {
          c.add(rng.int(5, 40) * 1000);
          file(out, p, p.pc, c.t, f, "File Copy", true, false, plan);
          markExfil(plan, c.t);
        }
        device(out, p, p.pc, c.add(60_000), false, plan);
        logon(out, p, p.pc, c.add(120_000), plan, "Logoff");
      });
    }
    // Case 2: departing employee; job sites first, then USB/cloud/e-mail to the next employer.
    if (realistic) {
      realisticDeparting("hr-notice");
      realisticDeparting("ldap-only");
    } else {
      const p = choose(
        (q) => q.projects.length > 0 && q.role !== "ITAdmin",
        (q) => q.projects.length > 0,
      );
      p.groups.push("insider");
      const leave = Math.min(nDays - 2, windowStart(30) + 28);
      p.endDay = leave;
      if (k % 2 === 0) p.noticeDay = leave - rng.int(18, 28);
      else p.usb = Math.max(p.usb, 0.3); // an existing USB user: only the rate gives them away
      const proj = projectOf(p);
      const competitor = `${rng.pick(CUSTOMER_WORDS)}-rival.com`;
      const contact = `${rng.pick(FIRST).toLowerCase()}.${rng.pick(LAST).toLowerCase()}@${competitor}`;
      const browse = new Set(weekdaysIn(leave - 45, leave - 3).filter(() => rng.chance(0.45)));
      const exfilDays = rng.sample(weekdaysIn(leave - 14, leave - 1), rng.int(3, 5)).sort((a, b) => a - b);
      const cloudDay = exfilDays[rng.int(0, exfilDays.length - 1)]!;
      const mailDay = exfilDays[exfilDays.length - 1]!;
      addPlan(p, 2, k % 2 === 0 ? "hr-notice" : "job-search-only", leave - 45, leave, (plan, di, out) => {
        if (browse.has(di)) {
          const c = clock(dayT(di, rng.normal(12.5, 1.5)));
          for (let i = rng.int(2, 6); i > 0; i--)
            http(
              out,
              p,
              p.pc,
              c.add(rng.int(30, 400) * 1000),
              `http://www.${rng.pick(JOB_SITES)}/jobs/search?q=${rng.pick(WORDS)}+engineer`,
              plan,
            );
        }
        if (!exfilDays.includes(di)) return;
        const c = clock(dayT(di, rng.chance(0.5) ? rng.normal(16.5, 0.6) : rng.normal(19.8, 0.5)));
        device(out, p, p.pc, c.t, true, plan);
        const files = Array.from({ length: rng.int(12, 35) }, () => confFile(proj));
        for (const f of files) {
          c.add(rng.int(5, 30) * 1000);
          file(out, p, p.pc, c.t, f, "File Copy", true, false, plan);
          markExfil(plan, c.t);
        }
        device(out, p, p.pc, c.add(60_000), false, plan);
        if (di === cloudDay) {
          http(out, p, p.pc, c.add(120_000), "https://www.dropbox.com/home", plan);
          for (let i = rng.int(3, 8); i > 0; i--) {
            c.add(rng.int(20, 120) * 1000);
            http(out, p, p.pc, c.t, `https://www.dropbox.com/upload?file=${baseOf(rng.pick(files))}`, plan);
            markExfil(plan, c.t);
          }
        }
        if (di === mailDay) {
          c.add(300_000);
          email(
            out,
            p,
            p.pc,
            c.t,
            [contact],
            rng.sample(files, rng.int(1, 3)).map(baseOf),
            "Send",
            p.email,
            rng.int(500_000, 8_000_000),
            plan,
          );
          markExfil(plan, c.t);
        }
      });
    }
    // Case 3: recruited over a professional network; e-mails confidential research outside.
    {
      const p = choose(
        (q) => q.projects.length > 0 && (q.role === "Scientist" || q.role === "Engineer"),
        (q) => q.projects.length > 0,
      );
      const s = windowStart(22);
      const proj = projectOf(p);
      const recruiter = `${rng.pick(FIRST).toLowerCase()}.${rng.pick(LAST).toLowerCase()}@linkedin.com`;
      const outside =
        k % 2 === 0
          ? `${p.name.toLowerCase().replace(" ", ".")}.lab@${rng.pick(WEBMAIL)}`
          : `office@${rng.pick(["institute", "academy", "research-center", "lab"])}-${rng.int(10, 99)}.org`;
      const contactDays = new Set(rng.sample(weekdaysIn(s - 30, s - 1), rng.int(2, 4)));
      const sendDays = new Set(rng.sample(weekdaysIn(s, s + 20), rng.int(3, 5)));
      addPlan(
        p,
        3,
        k % 2 === 0 ? "personal-address" : "outside-organisation",
        s - 30,
        s + 20,
        (plan, di, out) => {
          if (contactDays.has(di)) {
            const c = clock(dayT(di, rng.normal(11, 1.5)));
            email(out, p, p.pc, c.t, [p.email], [], "Receive", recruiter, rng.int(5_000, 40_000), plan);
            http(
              out,
              p,
              p.pc,
              c.add(600_000),
              `https://www.linkedin.com/messaging/thread/${rng.int(1000, 9999)}`,
              plan,
            );
          }
          if (!sendDays.has(di)) return;
          const c = clock(dayT(di, rng.normal(13, 2)));
          const files = Array.from({ length: rng.int(2, 4) }, () => confFile(proj));
          for (const f of files)
            file(out, p, p.pc, c.add(rng.int(30, 300) * 1000), f, "File Open", false, false, plan);
          c.add(rng.int(300, 1800) * 1000);
          email(
            out,
            p,
            p.pc,
            c.t,
            [outside],
            rng.sample(files, rng.int(1, 3)).map(baseOf),
            "Send",
            p.email,
            rng.int(200_000, 5_000_000),
            plan,
          );
          markExfil(plan, c.t);
        },
      );
    }
    // Case 4: intern or contractor placed from a partner, repeatedly reading other projects' data.
    {
      const p = choose(
        (q) => (q.role === "Intern" || q.role === "Contractor") && q.projects.length > 0,
        (q) => q.projects.length > 0,
      );
      const s = windowStart(26);
      const own = projectOf(p);
      const others = rng.sample(
        projects.filter((x) => !p.projects.includes(x.name)),
        2,
      );
      const home = `${rng.pick(["univ", "college", "partner"])}-${rng.pick(CUSTOMER_WORDS)}.ac.jp`;
      const accessDays = rng.sample(weekdaysIn(s, s + 25), rng.int(5, 8)).sort((a, b) => a - b);
      const sendDays = new Set(accessDays.slice(1).filter(() => rng.chance(0.6)));
      if (sendDays.size === 0) sendDays.add(accessDays[accessDays.length - 1]!);
      void own;
      addPlan(p, 4, "out-of-scope", s, s + 25, (plan, di, out) => {
        if (!accessDays.includes(di)) return;
        const c = clock(dayT(di, rng.normal(14, 1.5)));
        const target = rng.pick(others);
        if (rng.chance(0.3)) logon(out, p, target.server, c.add(60_000), plan);
        const files = Array.from({ length: rng.int(3, 10) }, () => confFile(target));
        for (const f of files)
          file(out, p, p.pc, c.add(rng.int(20, 200) * 1000), f, "File Open", false, false, plan);
        if (sendDays.has(di)) {
          c.add(rng.int(600, 3600) * 1000);
          email(
            out,
            p,
            p.pc,
            c.t,
            [`${p.name.split(" ")[0]!.toLowerCase()}@${home}`],
            rng.sample(files, rng.int(1, 2)).map(baseOf),
            "Send",
            p.email,
            rng.int(100_000, 3_000_000),
            plan,
          );
          markExfil(plan, c.t);
        }
      });
    }
    // Case 5: logs on to colleagues' machines, searches files, mails them home.
    {
      const p = choose(
        (q) => q.role !== "ITAdmin" && q.role !== "Manager",
        () => true,
      );
      const victims = rng.sample(
        profiles.filter((q) => q.dept === p.dept && q !== p && q.role !== "ITAdmin"),
        rng.int(2, 4),
      );
      if (victims.length === 0) victims.push(rng.pick(profiles.filter((q) => q !== p)));
      const s = windowStart(20);
      const days = rng.sample(weekdaysIn(s, s + 19), rng.int(3, 6)).sort((a, b) => a - b);
      const mailDays = new Set(days.filter((_, i) => i > 0 || rng.chance(0.5)));
      addPlan(p, 5, "other-machines", s, s + 19, (plan, di, out) => {
        if (!days.includes(di)) return;
        const v = rng.pick(victims);
        const c = clock(dayT(di, rng.chance(0.5) ? rng.normal(12.3, 0.3) : rng.normal(18.8, 0.4)));
        logon(out, p, v.pc, c.t, plan);
        const files = Array.from(
          { length: rng.int(4, 12) },
          () =>
            `C:\\Users\\${v.id}\\Documents\\${rng.pick(WORDS)}-${rng.int(100, 999)}.${rng.pick(["docx", "pdf", "xlsx"])}`,
        );
        for (const f of files)
          file(out, p, v.pc, c.add(rng.int(10, 60) * 1000), f, "File Open", false, false, plan);
        if (mailDays.has(di)) {
          c.add(rng.int(60, 300) * 1000);
          email(
            out,
            p,
            v.pc,
            c.t,
            [p.personalAddress],
            rng.sample(files, rng.int(1, 3)).map(baseOf),
            "Send",
            p.email,
            rng.int(100_000, 4_000_000),
            plan,
          );
          markExfil(plan, c.t);
        }
        logon(out, p, v.pc, c.add(120_000), plan, "Logoff");
      });
    }
    // Case 6: (a) uploads to cloud storage and a leak site; (b) an administrator plants a keylogger.
    if (k % 2 === 0) {
      const p = choose(
        (q) => q.projects.length > 0 && q.cloud === 0,
        (q) => q.projects.length > 0,
      );
      const proj = projectOf(p);
      const s = windowStart(12);
      const days = rng.sample(weekdaysIn(s, s + 11), rng.int(2, 4)).sort((a, b) => a - b);
      const leakDay = days[days.length - 1]!;
      addPlan(p, 6, "cloud-and-leak", s, s + 11, (plan, di, out) => {
        if (!days.includes(di)) return;
        const c = clock(dayT(di, rng.normal(15, 1.5)));
        const files = Array.from({ length: rng.int(3, 8) }, () => confFile(proj));
        for (const f of files)
          file(out, p, p.pc, c.add(rng.int(20, 200) * 1000), f, "File Open", false, false, plan);
        const site = di === leakDay ? "wikileaks.org" : rng.pick(CLOUD_SITES);
        http(out, p, p.pc, c.add(60_000), `https://${site}/`, plan);
        for (const f of files.slice(0, rng.int(2, files.length))) {
          c.add(rng.int(20, 120) * 1000);
          http(out, p, p.pc, c.t, `https://${site}/upload?file=${baseOf(f)}`, plan);
          markExfil(plan, c.t);
        }
      });
    } else {
      const admins = candidates((q) => q.role === "ITAdmin" && q.supervisor !== null);
      const p =
        admins.length > 0
          ? rng.pick(admins)
          : choose(
              (q) => q.supervisor !== null,
              () => true,
            );
      p.insider = true;
      const boss = byId.get(p.supervisor!) ?? rng.pick(profiles.filter((q) => q !== p));
      const s = windowStart(8);
      const d0 = weekdaysIn(s, s + 7);
      const fetchDay = d0[0]!;
      const plantDay = d0[Math.min(1, d0.length - 1)]!;
      const harvest = new Set(d0.slice(2, 5));
      addPlan(p, 6, "admin-keylogger", s, s + 7, (plan, di, out) => {
        if (di === fetchDay) {
          const c = clock(dayT(di, rng.normal(13, 1)));
          http(out, p, p.pc, c.t, "http://www.keylogger.com/download/free-keylogger", plan);
          http(out, p, p.pc, c.add(40_000), "http://www.keylogger.com/download/keylogger-setup.exe", plan);
          device(out, p, p.pc, c.add(300_000), true, plan);
          file(
            out,
            p,
            p.pc,
            c.add(30_000),
            "C:\\Users\\Public\\Downloads\\keylogger-setup.exe",
            "File Copy",
            true,
            false,
            plan,
          );
          device(out, p, p.pc, c.add(60_000), false, plan);
        }
        if (di === plantDay) {
          const c = clock(dayT(di, rng.normal(19.5, 0.4)));
          logon(out, p, boss.pc, c.t, plan);
          device(out, p, boss.pc, c.add(30_000), true, plan);
          c.add(20_000);
          file(out, p, boss.pc, c.t, "C:\\Windows\\Temp\\svchost32.exe", "File Write", false, true, plan);
          markExfil(plan, c.t);
          device(out, p, boss.pc, c.add(40_000), false, plan);
          logon(out, p, boss.pc, c.add(60_000), plan, "Logoff");
        }
        if (harvest.has(di)) {
          const c = clock(dayT(di, rng.normal(20, 0.5)));
          logon(out, p, boss.pc, c.t, plan);
          device(out, p, boss.pc, c.add(30_000), true, plan);
          file(
            out,
            p,
            boss.pc,
            c.add(20_000),
            "C:\\Windows\\Temp\\kl-log.txt",
            "File Copy",
            true,
            false,
            plan,
          );
          device(out, p, boss.pc, c.add(40_000), false, plan);
          logon(out, p, boss.pc, c.add(60_000), plan, "Logoff");
        }
      });
    }
  }
  // Case 7 and its look-alikes (realistic only), from their own random stream so the CERT files and
  // the other cases stay as they were.
  const rr = new Random(((options.seed ?? 42) ^ 0x7e3071) >>> 0);
  const remote = createRemoteWorld<InsiderPlan>({ rr, nDays, dayT, weekdaysIn, isWeekday });
  if (realistic) addRemotePopulation();
  const planByUser = new Map<string, (typeof plans)[number][]>();
  for (const pl of plans) planByUser.set(pl.user, [...(planByUser.get(pl.user) ?? []), pl]);

  // ---------- static files ----------
  sink.append("psychometric.csv", "employee_name,user_id,O,C,E,A,N\n");
  sink.append(
    "psychometric.csv",
    `${profiles.map((p) => `${p.name},${p.id},${p.ocean.join(",")}`).join("\n")}\n`,
  );
  sink.append(
    "hr.csv",
    "user_id,start_date,end_date,notice_date,watchlists\n" +
      profiles
        .filter((p) => p.startDay > 0 || (p.hrRecord && (p.noticeDay !== null || p.endDay <= nDays)))
        .map((p) => {
          const iso = (di: number) => new Date((baseDay + di) * MS_PER_DAY).toISOString().slice(0, 10);
          return [
            p.id,
            p.startDay > 0 ? iso(p.startDay) : "",
            p.hrRecord && p.endDay <= nDays ? iso(p.endDay) : "",
            p.hrRecord && p.noticeDay !== null ? iso(p.noticeDay) : "",
            "",
          ].join(",");
        })
        .join("\n") +
      "\n",
  );
  const assets = projects.flatMap((pr) => [
    {
      id: `A-${pr.slug}-srv`,
      name: `${pr.name} server`,
      kind: "server",
      pattern: pr.server,
      projects: [pr.name],
      allowedRoles: ["ITAdmin"],
      allowedDomains: pr.partners,
    },
    {
      id: `A-${pr.slug}-fs`,
      name: `${pr.name} project share`,
      kind: "path",
      pattern: `\\\\fs01\\projects\\${pr.slug}\\`,
      projects: [pr.name],
      allowedRoles: ["ITAdmin"],
      allowedDomains: pr.partners,
    },
    {
      id: `A-${pr.slug}-git`,
      name: `${pr.name} repository`,
      kind: "repository",
      pattern: `http://git.${domain}/${pr.slug}/`,
      projects: [pr.name],
      allowedRoles: ["ITAdmin"],
      allowedDomains: pr.partners,
    },
  ]);
  sink.append("confidential-assets.json", `${JSON.stringify({ assets }, null, 2)}\n`);
  sink.append("logon.csv", "id,date,user,pc,activity\n");
  sink.append("device.csv", "id,date,user,pc,file_tree,activity\n");
  sink.append(
    "file.csv",
    "id,date,user,pc,filename,activity,to_removable_media,from_removable_media,content\n",
  );
  sink.append("email.csv", "id,date,user,pc,to,cc,bcc,from,activity,size,attachments,content\n");
  sink.append("http.csv", "id,date,user,pc,url,content\n");
  let ecsId = 0;

  // ---------- daily activity ----------
  let events = 0;
  let lastMonth = "";
  const malformedAt = malformed
    ? new Set([Math.floor(nDays * 0.2), Math.floor(nDays * 0.5), Math.floor(nDays * 0.8)])
    : new Set<number>();
  for (let di = 0; di < nDays; di++) {
    const day = baseDay + di;
    const month = new Date(day * MS_PER_DAY).toISOString().slice(0, 7);
    if (month !== lastMonth) {
      lastMonth = month;
      const y = Number(month.slice(0, 4));
      const m = Number(month.slice(5, 7));
      const monthEnd = (m === 12 ? daysFromCivil(y + 1, 1, 1) : daysFromCivil(y, m + 1, 1)) - baseDay;
      const present = profiles.filter((p) => p.startDay < monthEnd && p.endDay >= di);
      const rows = present.map((p) => {
        const sup = p.supervisor ? byId.get(p.supervisor) : undefined;
        return [
          p.name,
          p.id,
          p.email,
          p.role,
          p.projects.join(";"),
          p.bu,
          p.fu,
          p.dept,
          p.team,
          sup?.name ?? "",
        ].join(",");
      });
      sink.append(
        `LDAP/${month}.csv`,
        `employee_name,user_id,email,role,projects,business_unit,functional_unit,department,team,supervisor\n${rows.join("\n")}\n`,
      );
    }
    const weekday = isWeekday(di);
    const out: Row[] = [];
    const ecs: EcsRow<InsiderPlan>[] = [];
    for (const p of profiles) {
      if (di < p.startDay || di > p.endDay) continue;
      const work = normalDay(p, di, weekday, out);
      if (p.remote) remote.day(p.id, p.pc, p.remote, di, work, ecs);
      if (realistic) realisticDay(p, di, weekday, out);
      for (const pl of planByUser.get(p.id) ?? []) pl.act(di, out);
    }
    if (weekday) {
      for (const svc of serviceAccounts) {
        const t = dayT(di, 2 + rng.next());
        out.push({
          t,
          file: "logon",
          user: svc,
          rest: `${svc},${projects[0]!.server},Logon`,
          malicious: null,
        });
      }
    }
    out.sort((a, b) => a.t - b.t);
    // A few rows a minute out of order (log shippers do this); within the engine's lateness.
    for (let i = 0; i + 1 < out.length; i += 997) {
      const a = out[i]!;
      const b = out[i + 1]!;
      if (a.file === b.file && b.t - a.t < 60_000) {
        out[i] = b;
        out[i + 1] = a;
      }
    }
    const texts: Record<string, string[]> = { logon: [], device: [], file: [], email: [], http: [] };
    for (const r of out) {
      const id = rng.certId();
      const line = `${id},${certDate(r.t)},${r.rest}`;
      texts[r.file]!.push(line);
      if (r.malicious) r.malicious.details.push(`${r.file},${line}`);
    }
    if (malformedAt.has(di)) {
      texts.logon!.push(`${rng.certId()},13/45/2010 99:00:00,${profiles[0]!.id},${profiles[0]!.pc},Logon`);
      texts.email!.push(`${rng.certId()},${certDate(dayT(di, 12))},${profiles[1]!.id}`);
      texts.http!.push(`${rng.certId()},${certDate(dayT(di, 12))},,${profiles[2]!.pc},http://example.com/,x`);
    }
    for (const [name, lines] of Object.entries(texts)) {
      if (lines.length > 0) sink.append(`${name}.csv`, `${lines.join("\n")}\n`);
    }
    events += out.length;
    if (ecs.length > 0) {
      ecs.sort((a, b) => a.t - b.t);
      const lines: string[] = [];
      for (const r of ecs) {
        const id = `R${String(++ecsId).padStart(8, "0")}`;
        (r.doc.event as Record<string, unknown>).id = id;
        lines.push(JSON.stringify(r.doc));
        if (r.malicious) {
          const host = (r.doc.host as { name: string }).name;
          const action = (r.doc.event as { action: string }).action;
          r.malicious.details.push(`remote,${id},${certDate(r.t)},${r.user},${host},${action}`);
          markExfil(r.malicious, r.t);
        }
      }
      sink.append("remote.ecs.jsonl", `${lines.join("\n")}\n`);
      events += ecs.length;
    }
  }

  // ---------- answer key ----------
  const insiders: InsiderPlan[] = plans.map((entry) => entry.plan);
  const answerLines = ["dataset,scenario,details,user,start,end"];
  for (const plan of insiders) {
    const first = plan.details[0]?.split(",")[2] ?? certDate(plan.start);
    const last = plan.details[plan.details.length - 1]?.split(",")[2] ?? certDate(plan.end);
    const details = `r5.2-${plan.case}-${plan.user}.csv`;
    answerLines.push(`5.2,${plan.case},${details},${plan.user},${first},${last}`);
    sink.append(`answers/r5.2-${plan.case}/${details}`, `${plan.details.join("\n")}\n`);
  }
  sink.append("answers/insiders.csv", `${answerLines.join("\n")}\n`);
  // Who is who among the benign (for the eval's per-group numbers; never read by the engine).
  for (const plan of insiders) {
    const p = byId.get(plan.user);
    if (p && !p.groups.includes("insider")) p.groups.push("insider");
  }
  sink.append(
    "answers/population.csv",
    `user,groups\n${profiles.map((p) => `${p.id},${p.groups.join(";")}`).join("\n")}\n`,
  );
  sink.append(
    "answers/exfiltration.csv",
    `user,scenario,variant,first_exfiltration\n${insiders.map((p) => `${p.user},${p.case},${p.variant},${Number.isFinite(p.firstExfiltration) ? certDate(p.firstExfiltration) : ""}`).join("\n")}\n`,
  );
  return { users: profiles.length, days: nDays, events, insiders, start: startText, internalDomain: domain };

  // ---------- realistic profile (issue 12) ----------

  /** A confidential project file name drawn from the realistic stream. */
  function projectFileX(proj: Project): string {
    return `\\\\fs01\\projects\\${proj.slug}\\${rx.pick(WORDS)}\\${rx.pick(WORDS)}-${rx.int(1000, 9999)}.${rx.pick(["docx", "pdf", "xlsx", "dwg", "zip"])}`;
  }

  function personalFileX(p: Profile): string {
    return `C:\\Users\\${p.id}\\${rx.pick(["Pictures", "Documents", "Desktop", "Downloads"])}\\${rx.pick(PERSONAL_WORDS)}-${rx.int(1, 999)}.${rx.pick(["jpg", "png", "docx", "pdf", "xlsx", "mp4"])}`;
  }

  function employerDomainX(): string {
    return `${rx.pick(CUSTOMER_WORDS)}${rx.int(10, 99)}-${rx.pick(["systems", "tech", "labs", "works", "devices"])}.com`;
  }

  /** Job-site browsing, a recruiter or careers page now and then: one low-grade job-hunting session. */
  function jobHuntSession(
    p: Profile,
    di: number,
    out: Row[],
    employer: string | null,
    m: InsiderPlan | null,
  ) {
    const c = clock(dayT(di, Math.min(22, Math.max(7.5, rx.normal(12.5, 2)))));
    for (let i = rx.int(1, 4); i > 0; i--)
      http(
        out,
        p,
        p.pc,
        c.add(rx.int(20, 400) * 1000),
        `http://www.${rx.pick(JOB_SITES)}/jobs/search?q=${rx.pick(WORDS)}+${rx.pick(["engineer", "scientist", "manager", "analyst"])}`,
        m,
      );
    if (rx.chance(0.3))
      http(
        out,
        p,
        p.pc,
        c.add(rx.int(60, 600) * 1000),
        `https://www.linkedin.com/jobs/view/${rx.int(1e6, 9e6)}`,
        m,
      );
    if (employer && rx.chance(0.25))
      http(
        out,
        p,
        p.pc,
        c.add(rx.int(60, 600) * 1000),
        `https://careers.${employer}/positions/${rx.int(100, 999)}`,
        m,
      );
  }

  /** realistic: daily USB users, deadline crunches per project, and benign leavers' last weeks. */
  function addRealisticPopulation(): void {
    for (const p of profiles) {
      if (p.endDay > nDays && rx.chance(0.04)) {
        // Removable media every working day (lab instruments, test rigs, offline machines): several
        // files a day, for some of them from project shares.
        p.usbDaily = true;
        p.usb = 0.85 + rx.next() * 0.1;
        p.usbCopies = 4 + rx.next() * 12;
        p.usbConf = p.projects.length > 0 && rx.chance(0.5) ? 0.1 + rx.next() * 0.2 : 0;
        p.groups.push("daily-usb");
      } else if (p.usb > 0) p.groups.push("usb");
      if (p.afterHours) p.groups.push("after-hours");
      if (p.jobBrowse > 0) p.groups.push("job-browser");
    }
    for (const pr of projects) {
      if (!rx.chance(0.7)) continue;
      for (let i = rx.int(1, 2); i > 0; i--) {
        const deadline = rx.int(Math.min(20, nDays - 1), nDays - 1);
        pr.bursts.push([Math.max(0, deadline - rx.int(7, 14)), deadline]);
      }
    }
    for (const p of profiles)
      if (p.projects.some((n) => (projects.find((x) => x.name === n)?.bursts.length ?? 0) > 0))
        p.groups.push("deadline-team");
    for (const p of profiles) {
      if (p.endDay > nDays) continue;
      // Half the departures reach the HR file (end date, and a notice date for most of those);
      // the others show only as a person missing from the next monthly directory snapshot.
      p.hrRecord = rx.chance(0.5);
      if (!p.hrRecord) p.noticeDay = null;
      const hunting = rx.chance(0.7);
      const employer = hunting && rx.chance(0.5) ? employerDomainX() : null;
      const huntFrom = p.endDay - rx.int(4, 8) * 7;
      const huntDays = weekdaysIn(huntFrom, p.endDay - 1);
      const takeHome = rx.chance(0.35);
      const lastDays = weekdaysIn(p.endDay - 6, p.endDay);
      p.leaving = {
        huntFrom,
        huntRate: hunting ? 0.15 + rx.next() * 0.3 : 0,
        employer,
        employerMailDays: new Set(employer ? rx.sample(huntDays, rx.int(1, 3)) : []),
        takeHomeDays: new Set(takeHome ? rx.sample(lastDays, rx.int(1, 2)) : []),
        takeHomeProjectFiles: takeHome && rx.chance(0.1),
      };
      p.groups.push("leaver", p.hrRecord ? "leaver-hr" : "leaver-ldap-only");
      if (hunting) p.groups.push("leaver-hunting");
      if (employer) p.groups.push("leaver-mails-next-employer");
      if (takeHome) p.groups.push("leaver-takes-personal-files");
    }
  }

  /**
   * realistic: who works remotely and how (see remote-world.ts), and the case-7 insiders: a laptop
   * kept at a facilitator's home and driven from elsewhere ("laptop-farm", even k), and one worker
   * holding two accounts from one machine ("two-personas", odd k).
   */
  function addRemotePopulation(): void {
    const lookalike = (p: Profile, group: string) => p.groups.push("remote-lookalike", group);
    for (const p of profiles) {
      if (p.insider) continue;
      if (p.role === "ITAdmin") {
        p.remote = remote.plan({ tools: remote.itTools() });
        lookalike(p, "remote-it-support");
      } else if (rr.chance(0.03)) {
        p.remote = remote.plan({ fulltime: true });
        lookalike(p, "remote-fulltime");
      } else if (rr.chance(0.06)) {
        p.remote = remote.plan({ trips: remote.trips() });
        lookalike(p, "remote-traveller");
      } else if (rr.chance(0.22)) {
        p.remote = remote.plan();
        lookalike(p, "remote-hybrid");
      }
      if (p.remote && p.role !== "ITAdmin" && rr.chance(0.03)) {
        p.remote.toolOnceDay = rr.pick(weekdaysIn(20, nDays - 1));
        p.groups.push("remote-tool-once");
      }
    }
    // Couples who share a home PC (two accounts, one machine, one line).
    const hybrids = profiles.filter((p) => p.groups.includes("remote-hybrid") && p.endDay > nDays);
    for (let i = Math.max(1, Math.round(nUsers / 300)); i > 0 && hybrids.length >= 2; i--) {
      const [a, b] = rr.sample(hybrids, 2) as [Profile, Profile];
      hybrids.splice(hybrids.indexOf(a), 1);
      hybrids.splice(hybrids.indexOf(b), 1);
      const device = remote.newDevice("HOME-PC");
      const home = remote.homeNet();
      for (const p of [a, b]) {
        p.remote = { ...p.remote!, homeDevice: device, home };
        p.groups.push("remote-shared-home-device");
      }
    }
    const chooseRemote = () => {
      const list = candidates((q) => q.role !== "ITAdmin" && q.remote === null);
      const p = rr.pick(list.length > 0 ? list : candidates(() => true));
      p.insider = true;
      p.groups.push("insider");
      return p;
    };
    for (let k = 0; k < perCase; k++) {
      const from = rr.int(minStart, Math.max(minStart, nDays - 25));
      const to = Math.min(nDays - 1, from + 20);
      if (k % 2 === 0) {
        const p = chooseRemote();
        const plan = addPlan(p, 7, "laptop-farm", from, to, () => {});
        p.remote = remote.plan({ fulltime: true });
        p.remote.attack = remote.attack(plan, "laptop-farm", from, to);
      } else {
        const a = chooseRemote();
        const b = chooseRemote();
        const planA = addPlan(a, 7, "two-personas", from, to, () => {});
        const planB = addPlan(b, 7, "two-personas", from, to, () => {});
        a.remote = remote.plan({ officeUntil: rr.int(8, 20) });
        b.remote = remote.plan({ officeUntil: rr.int(8, 20) });
        a.remote.attack = remote.attack(planA, "two-personas", from, to);
        b.remote.attack = remote.attack(planB, "two-personas", from, to, a.remote.attack);
      }
    }
  }

  /**
   * realistic case 2: a USB user with a busy baseline job-hunts for 4–8 weeks (low-grade browsing,
   * a few e-mails with the next employer), then in the last two to four weeks copies 2–4× their own
   * usual volume to removable media, part of it project files; some also mail files to a personal
   * address or upload them. The departure is in HR (`hr-notice`) or only in the LDAP snapshots.
   */
  function realisticDeparting(variant: "hr-notice" | "ldap-only"): void {
    const p = choose(
      (q) => q.projects.length > 0 && q.role !== "ITAdmin" && q.usb >= 0.2 && !q.usbDaily,
      (q) => q.projects.length > 0 && !q.usbDaily,
    );
    p.groups.push("insider");
    p.usb = Math.max(p.usb, 0.35 + rx.next() * 0.3);
    p.usbCopies = Math.max(p.usbCopies, 3 + rx.next() * 5);
    const leave = rx.int(Math.min(nDays - 3, Math.max(minStart + 10, Math.round(nDays * 0.55))), nDays - 3);
    p.endDay = leave;
    p.hrRecord = variant === "hr-notice";
    p.noticeDay = variant === "hr-notice" ? leave - rx.int(14, 28) : null;
    const proj = projectOf(p);
    const employer = employerDomainX();
    const contact = `${rx.pick(FIRST).toLowerCase()}.${rx.pick(LAST).toLowerCase()}@${employer}`;
    const huntFrom = leave - rx.int(4, 8) * 7;
    const huntDays = weekdaysIn(huntFrom, leave - 1);
    const huntRate = 0.2 + rx.next() * 0.25;
    const browse = new Set(huntDays.filter(() => rx.chance(huntRate)));
    const mailDays = rx.sample(huntDays, rx.int(2, 4)).sort((a, b) => a - b);
    const window = weekdaysIn(leave - rx.int(10, 20), leave - 1);
    const exfilDays = window.filter(() => rx.chance(0.7));
    if (exfilDays.length === 0) exfilDays.push(window[window.length - 1] ?? leave - 1);
    const personalMailDay = rx.chance(0.3) ? rx.pick(exfilDays) : null;
    const cloudDay = rx.chance(0.15) ? rx.pick(exfilDays) : null;
    addPlan(p, 2, variant, huntFrom, leave, (plan, di, out) => {
      if (browse.has(di)) jobHuntSession(p, di, out, employer, plan);
      if (mailDays.includes(di)) {
        const first = di === mailDays[0];
        const c = clock(dayT(di, rx.normal(12.3, 0.6)));
        email(
          out,
          p,
          p.pc,
          c.t,
          [contact],
          first ? [`resume-${p.id.toLowerCase()}.pdf`] : [],
          "Send",
          p.email,
          rx.int(first ? 200_000 : 5_000, first ? 900_000 : 40_000),
          plan,
        );
        email(
          out,
          p,
          p.pc,
          c.add(rx.int(3600, 18000) * 1000),
          [p.email],
          [],
          "Receive",
          contact,
          rx.int(4_000, 30_000),
          plan,
        );
      }
      if (!exfilDays.includes(di)) return;
      const c = clock(dayT(di, rx.chance(0.6) ? rx.normal(16.8, 0.6) : rx.normal(12.5, 1)));
      device(out, p, p.pc, c.t, true, plan);
      const n = Math.max(2, Math.round(p.usbCopies * (2 + rx.next() * 2)));
      const share = 0.3 + rx.next() * 0.4;
      const taken: string[] = [];
      for (let i = 0; i < n; i++) {
        const conf = i === 0 || rx.chance(share);
        const name = conf ? projectFileX(proj) : personalFileX(p);
        c.add(rx.int(5, 60) * 1000);
        file(out, p, p.pc, c.t, name, "File Copy", true, false, plan);
        if (conf) {
          taken.push(name);
          markExfil(plan, c.t);
        }
      }
      device(out, p, p.pc, c.add(rx.int(60, 600) * 1000), false, plan);
      if (di === personalMailDay) {
        c.add(rx.int(600, 3600) * 1000);
        email(
          out,
          p,
          p.pc,
          c.t,
          [p.personalAddress],
          rx.sample(taken, rx.int(1, 3)).map(baseOf),
          "Send",
          p.email,
          rx.int(300_000, 6_000_000),
          plan,
        );
        markExfil(plan, c.t);
      }
      if (di === cloudDay) {
        for (const f of rx.sample(taken, rx.int(1, 3))) {
          c.add(rx.int(30, 300) * 1000);
          http(out, p, p.pc, c.t, `https://www.dropbox.com/upload?file=${baseOf(f)}`, plan);
          markExfil(plan, c.t);
        }
      }
    });
  }

  /** realistic: a benign leaver's last weeks and deadline crunches, on top of the ordinary day. */
  function realisticDay(p: Profile, di: number, weekday: boolean, out: Row[]): void {
    const leaving = p.leaving;
    if (leaving && weekday && di >= leaving.huntFrom && di <= p.endDay) {
      if (rx.chance(leaving.huntRate)) jobHuntSession(p, di, out, leaving.employer, null);
      if (leaving.employer && leaving.employerMailDays.has(di)) {
        const contact = `recruit@${leaving.employer}`;
        const first = di === Math.min(...leaving.employerMailDays);
        const t = dayT(di, rx.normal(12.3, 0.6));
        email(
          out,
          p,
          p.pc,
          t,
          [contact],
          first ? [`resume-${p.id.toLowerCase()}.pdf`] : [],
          "Send",
          p.email,
          rx.int(5_000, 900_000),
        );
        email(
          out,
          p,
          p.pc,
          t + rx.int(3600, 18000) * 1000,
          [p.email],
          [],
          "Receive",
          contact,
          rx.int(4_000, 30_000),
        );
      }
      if (leaving.takeHomeDays.has(di)) {
        // Taking personal files (and, rarely, a few of one's own work files) home on the last days.
        const t0 = dayT(di, rx.normal(17.2, 0.5));
        device(out, p, p.pc, t0, true);
        const n = p.usb > 0 ? Math.max(1, Math.round(p.usbCopies * (1 + rx.next()))) : rx.int(5, 20);
        let t = t0;
        for (let i = 0; i < n; i++) {
          t += rx.int(5, 40) * 1000;
          file(out, p, p.pc, t, personalFileX(p), "File Copy", true, false);
        }
        if (leaving.takeHomeProjectFiles && p.projects.length > 0)
          for (let i = rx.int(1, 3); i > 0; i--) {
            t += rx.int(5, 40) * 1000;
            file(out, p, p.pc, t, projectFileX(projectOf(p)), "File Copy", true, false);
          }
        device(out, p, p.pc, t + rx.int(60, 600) * 1000, false);
      }
    }
    if (p.projects.length === 0) return;
    let crunch: Project | undefined;
    for (const name of p.projects) {
      const pr = projects.find((x) => x.name === name);
      if (pr?.bursts.some(([a, b]) => di >= a && di <= b)) crunch = pr;
    }
    if (!crunch || !rx.chance(weekday ? 0.6 : 0.3)) return;
    // Deadline crunch: the team works late (or at the weekend) on the project share and server.
    const start = weekday ? Math.min(21.5, Math.max(19, rx.normal(20, 0.8))) : rx.normal(11, 1);
    const t0 = dayT(di, start);
    const end = Math.min(dayT(di, 23.9), t0 + rx.int(5400, 12600) * 1000);
    const at = () => t0 + Math.floor(rx.next() * (end - t0));
    logon(out, p, p.pc, t0);
    if (rx.chance(0.5)) logon(out, p, crunch.server, t0 + rx.int(60, 600) * 1000);
    for (let i = rx.int(3, 10); i > 0; i--)
      file(
        out,
        p,
        p.pc,
        at(),
        projectFileX(crunch),
        rx.chance(0.6) ? "File Open" : "File Write",
        false,
        false,
      );
    const mates = profiles.filter((q) => q !== p && q.projects.includes(crunch!.name));
    for (let i = rx.int(0, 3); i > 0 && mates.length > 0; i--)
      email(
        out,
        p,
        p.pc,
        at(),
        [rx.pick(mates).email],
        rx.chance(0.4) ? [baseOf(projectFileX(crunch))] : [],
        "Send",
        p.email,
        rx.int(5_000, 2_000_000),
      );
    if (p.usb > 0 && rx.chance(0.15)) {
      // Work taken home on a USB stick during the crunch (common, against most policies).
      const t = at();
      device(out, p, p.pc, t, true);
      for (let i = rx.int(1, 4); i > 0; i--)
        file(out, p, p.pc, t + i * 20_000, projectFileX(crunch), "File Copy", true, false);
      device(out, p, p.pc, t + 200_000, false);
    }
    logon(out, p, p.pc, end, null, "Logoff");
  }

  // ---------- one ordinary day of one person ----------
  /** Writes one ordinary day; returns its working hours (null: not working). */
  function normalDay(
    p: Profile,
    di: number,
    weekday: boolean,
    out: Row[],
  ): { start: number; end: number } | null {
    const working = weekday ? !rng.chance(p.absence) : rng.chance(p.weekendRate);
    if (!working) return null;
    const start = weekday ? rng.normal(p.startHour, 0.35) : rng.normal(11, 1.5);
    const end = weekday ? start + rng.normal(p.workLen, 0.5) : start + rng.normal(3, 1);
    const at = () => dayT(di, start + rng.next() * Math.max(0.5, end - start));
    const pc = p.sharedPcs.length > 0 && rng.chance(0.3) ? rng.pick(p.sharedPcs) : p.pc;
    logon(out, p, pc, dayT(di, start));
    for (let i = rng.poisson(1.2); i > 0; i--) logon(out, p, pc, at());
    if (!rng.chance(0.04)) logon(out, p, pc, dayT(di, end), null, "Logoff");
    if (p.afterHours && rng.chance(0.3)) {
      const eh = rng.normal(21, 0.8);
      logon(out, p, p.pc, dayT(di, eh));
      for (let i = rng.poisson(4); i > 0; i--)
        http(
          out,
          p,
          p.pc,
          dayT(di, eh + rng.next() * 1.5),
          `http://www.${rng.pick(BENIGN_SITES)}/${rng.pick(WORDS)}`,
        );
      if (rng.chance(0.5))
        email(
          out,
          p,
          p.pc,
          dayT(di, eh + 1),
          [rng.pick(profiles).email],
          [],
          "Send",
          p.email,
          rng.int(2000, 60_000),
        );
      if (p.usb > 0 && rng.chance(0.3)) {
        device(out, p, p.pc, dayT(di, eh + 0.5), true);
        file(
          out,
          p,
          p.pc,
          dayT(di, eh + 0.55),
          `C:\\Users\\${p.id}\\Documents\\${rng.pick(p.docs)}`,
          "File Copy",
          true,
          false,
        );
        device(out, p, p.pc, dayT(di, eh + 0.7), false);
      }
      logon(out, p, p.pc, dayT(di, eh + 1.6), null, "Logoff");
    }
    // Web.
    for (let i = rng.poisson(p.http); i > 0; i--)
      http(out, p, pc, at(), `http://www.${rng.pick(BENIGN_SITES)}/${rng.pick(WORDS)}/${rng.int(1, 9999)}`);
    if (p.jobBrowse > 0 && rng.chance(p.jobBrowse))
      for (let i = rng.int(1, 5); i > 0; i--)
        http(out, p, pc, at(), `http://www.${rng.pick(JOB_SITES)}/jobs/${rng.pick(WORDS)}`);
    if (p.proNetwork > 0 && rng.chance(p.proNetwork))
      http(out, p, pc, at(), `https://www.linkedin.com/feed/${rng.int(1, 999)}`);
    if (p.cloud > 0 && rng.chance(p.cloud)) {
      const site = rng.pick(CLOUD_SITES.slice(0, 3));
      http(out, p, pc, at(), `https://www.${site}/home`);
      if (p.cloudUpload > 0 && rng.chance(p.cloudUpload))
        http(out, p, pc, at(), `https://www.${site}/upload?file=${rng.pick(p.docs)}`);
    }
    if (p.role === "ITAdmin" && rng.chance(0.02))
      http(out, p, pc, at(), `https://www.exploit-db.com/search?cve=2010-${rng.int(1000, 9999)}`);
    for (const proj of p.projects)
      if (rng.chance(0.3))
        http(
          out,
          p,
          pc,
          at(),
          `http://git.${domain}/${projects.find((x) => x.name === proj)!.slug}/tree/main/${rng.pick(WORDS)}`,
        );
    // Files.
    for (let i = rng.poisson(p.files); i > 0; i--)
      file(
        out,
        p,
        pc,
        at(),
        `C:\\Users\\${p.id}\\Documents\\${rng.pick(p.docs)}`,
        rng.chance(0.7) ? "File Open" : "File Write",
        false,
        false,
      );
    const projectFiles: string[] = [];
    for (const name of p.projects) {
      const proj = projects.find((x) => x.name === name)!;
      for (let i = rng.poisson(2.5); i > 0; i--) {
        const f = confFile(proj);
        projectFiles.push(f);
        file(out, p, pc, at(), f, "File Open", false, false);
      }
      if (rng.chance(0.15)) logon(out, p, proj.server, at());
      if (p.onCall && rng.chance(0.1)) {
        const t = dayT(di, rng.chance(0.5) ? rng.normal(22, 1) : rng.normal(5.5, 0.5));
        logon(out, p, proj.server, t);
        file(out, p, p.pc, t + 300_000, confFile(proj), "File Open", false, false);
      }
    }
    if (p.projects.length > 0 && rng.chance(0.008))
      file(out, p, pc, at(), confFile(rng.pick(projects)), "File Open", false, false);
    // Removable media.
    if (p.usb > 0 && rng.chance(p.usb)) {
      const t0 = at();
      device(out, p, pc, t0, true);
      let t = t0;
      for (let i = Math.max(1, rng.poisson(p.usbCopies)); i > 0; i--) {
        t += rng.int(5, 120) * 1000;
        const conf = p.usbConf > 0 && projectFiles.length > 0 && rng.chance(p.usbConf);
        file(
          out,
          p,
          pc,
          t,
          conf ? rng.pick(projectFiles) : `C:\\Users\\${p.id}\\Documents\\${rng.pick(p.docs)}`,
          "File Copy",
          true,
          false,
        );
      }
      if (!rng.chance(0.05)) device(out, p, pc, t + rng.int(60, 3600) * 1000, false);
    }
    // IT administrators: remote support on many machines, software installs from media.
    if (p.role === "ITAdmin" && weekday) {
      for (let i = rng.int(2, 7); i > 0; i--) {
        const target = rng.pick(profiles);
        const t = at();
        logon(out, p, target.pc, t);
        if (rng.chance(0.15)) {
          device(out, p, target.pc, t + 60_000, true);
          file(
            out,
            p,
            target.pc,
            t + 120_000,
            `C:\\Program Files\\${rng.pick(["Office", "Acrobat", "Java", "VPN", "Printer"])}\\setup-${rng.int(10, 99)}.exe`,
            "File Write",
            false,
            true,
          );
          device(out, p, target.pc, t + 300_000, false);
        }
        logon(out, p, target.pc, t + 600_000, null, "Logoff");
      }
    }
    if (p.otherPc > 0 && rng.chance(p.otherPc)) {
      const mate = rng.pick(profiles.filter((q) => q.team === p.team && q !== p)) ?? rng.pick(profiles);
      const t = at();
      logon(out, p, mate.pc, t);
      if (rng.chance(0.5))
        file(
          out,
          p,
          mate.pc,
          t + 60_000,
          `C:\\Users\\${mate.id}\\Documents\\${rng.pick(mate.docs)}`,
          "File Open",
          false,
          false,
        );
      logon(out, p, mate.pc, t + 900_000, null, "Logoff");
    }
    // E-mail.
    for (let i = rng.poisson(3); i > 0; i--) {
      const to = Array.from({ length: rng.int(1, 4) }, () => rng.pick(profiles).email);
      email(
        out,
        p,
        pc,
        at(),
        to,
        rng.chance(0.3) ? [rng.pick(p.docs)] : [],
        "Send",
        p.email,
        rng.int(3000, 400_000),
      );
    }
    for (let i = rng.poisson(p.extPerDay); i > 0; i--) {
      if (rng.chance(p.newContactRate))
        p.extContacts.push(
          `${rng.pick(FIRST).toLowerCase()}.${rng.pick(LAST).toLowerCase()}@${rng.pick(customers)}`,
        );
      const to = rng.pick(p.extContacts);
      const toPartner = p.partnerDomains.some((d) => to.endsWith(`@${d}`));
      const attach = rng.chance(0.5)
        ? toPartner && projectFiles.length > 0
          ? [rng.pick(projectFiles).slice(projectFiles[0]!.lastIndexOf("\\") + 1)]
          : [rng.pick(p.docs)]
        : [];
      email(
        out,
        p,
        pc,
        at(),
        [to],
        attach.map((a) => a.slice(a.lastIndexOf("\\") + 1)),
        "Send",
        p.email,
        rng.int(10_000, attach.length > 0 ? 9_000_000 : 100_000),
      );
      if (rng.chance(0.6)) email(out, p, pc, at(), [p.email], [], "Receive", to, rng.int(3000, 200_000));
    }
    if (p.personalMail > 0 && rng.chance(p.personalMail))
      email(
        out,
        p,
        pc,
        at(),
        [p.personalAddress],
        rng.chance(0.5) ? [rng.pick(p.docs)] : [],
        "Send",
        p.email,
        rng.int(5000, 2_000_000),
      );
    if (p.massMail > 0 && rng.chance(p.massMail)) {
      const list = rng.sample(profiles, 25).map((q) => q.email);
      email(
        out,
        p,
        pc,
        at(),
        list.slice(0, 20),
        [],
        "Send",
        p.email,
        rng.int(5000, 80_000),
        null,
        list.slice(20),
      );
    }
    if (p.recruiterTarget && rng.chance(0.03))
      email(
        out,
        p,
        pc,
        at(),
        [p.email],
        [],
        "Receive",
        `talent.${rng.int(1, 99)}@linkedin.com`,
        rng.int(3000, 20_000),
      );
    if (rng.chance(0.5))
      email(out, p, pc, at(), [p.email], [], "Receive", rng.pick(p.extContacts), rng.int(3000, 200_000));
    return { start, end };
  }
}
