/**
 * Case 2 — a departing employee takes product data (to removable media, cloud storage or outside
 * mail) before leaving. Issue 12: it must work on realistic signals, where
 *
 * - job hunting is weeks of low-grade browsing (job boards, recruiter pages), not one burst: the
 *   detector counts job-search days per week over the last 8 weeks and compares the rate with the
 *   person's own earlier rate (someone who always browses job sites is not "leaving");
 * - the departure is known from the directory: a notice date or a `departing` watchlist entry, an
 *   end date, or a person missing from the next monthly snapshot — each only from the day it became
 *   known (`endKnownDay`): before that, leaving is only suggested by behaviour;
 * - the exfiltration is a rise against the person's own level and their department's (I-USB-RISE,
 *   removable-media.ts), not an absolute count; confidential files to media or to an outside address
 *   not approved for them, and cloud uploads count too. Attachments to personal webmail alone do
 *   not: leavers mail their own files (CV, photos, contacts) home, and counting that made every
 *   job-hunting leaver an alert — data must be the organisation's and actually leave.
 *
 * When a departure becomes known after the fact (the next snapshot), the detector looks back over
 * the 8 weeks before it and opens an alert if data moved then, on at least two days
 * (I-CASE2-LOOKBACK): one day over the line in some 40 working days is ordinary variation.
 *
 * Leaving (or job hunting) only amplifies a rise; it never makes one (issue 12 round 3). Most
 * leavers copy something in their last weeks: their own files, a hand-over, the odd project file
 * they always copy. What marks the departing insider is data leaving *more than the person and
 * their peers normally move*. So the case pattern (which always alerts) and the look-back count
 * only: a media rise (I-USB-RISE: ≥ 2× the own 8-week level, beyond Poisson noise, top 5 % of the
 * department); confidential copies that are themselves such a rise (at least 4 files, a rise over
 * the own level with a one-file floor — one file is ordinary variation, not a take — and top 5 % of
 * the department's confidential copies); confidential files e-mailed to an outside address not
 * approved for them, on a day attachments went to a new outside correspondent or a personal address
 * (internal colleagues and the organisation's own domains never count: a hand-over is not a leak;
 * nor does an established outside partner, as in case 3); and uploads of confidential files to cloud storage (an upload without
 * the organisation's data, e.g. a CV to a job site, does not count). A single confidential copy or
 * an ordinary upload still scores as a behaviour and can reach the budget on its own merit.
 */
import { F } from "../core-features.js";
import { DOMAIN_JOB } from "../domains.js";
import { dayToIso } from "../time.js";
import { isRise, RISE } from "./removable-media.js";
import { type Bilingual, type DayContext, defineDetector, type Evidence } from "./types.js";

/** Job hunting counts as sustained from this many days over this many distinct weeks (8-week window). */
export const HUNT = {
  weeks: 8,
  historyWeeks: 24,
  minDays: 3,
  minWeeks: 2,
  /** Earlier active days needed before a rise against the own rate can be judged. */
  minEarlierActiveDays: 20,
  riseFactor: 2,
  riseMargin: 0.08,
} as const;
/** A known departure makes someone "leaving" from this many days before the end date. */
const LEAVING_WINDOW_DAYS = 8 * 7;
const LOOKBACK_DAYS = 8 * 7;
/** A look-back needs data moving (as case 2 counts it) on at least this many days of its window. */
export const LOOKBACK_MIN_DAYS = 2;
const MAX_EXFIL_EVIDENCE = 40;

type State = {
  /** Ring of HUNT.historyWeeks weeks (by week number): the week, its active days and job-search days. */
  week: Int32Array;
  active: Uint8Array;
  job: Uint8Array;
  /** Days (last 8 weeks) on which data moved out in a way case 2 counts, with evidence for a look-back. */
  exfilDays: number[];
  exfil: Evidence[];
  exfilDetail: Bilingual | null;
  /** The last day case 2 fired (a look-back is not needed after it), and whether the look-back ran. */
  case2Day: number | null;
  lookedBack: boolean;
  /** Today's data movement counts for case 2 (set by cases(), read by learn(); not stored). */
  strongToday: boolean;
  strongDetail: Bilingual | null;
};

const weekOf = (day: number) => Math.floor((day + 3) / 7); // weeks start on Monday

/** Job-search days in the last 8 weeks (today included) against the person's earlier weeks. */
function jobHunt(s: State, d: DayContext) {
  const w = weekOf(d.day);
  let recentDays = 0;
  let recentActive = 0;
  let weeksWithJob = 0;
  let earlierDays = 0;
  let earlierActive = 0;
  for (let k = 0; k < HUNT.historyWeeks; k++) {
    const week = w - k;
    const slot = ((week % HUNT.historyWeeks) + HUNT.historyWeeks) % HUNT.historyWeeks;
    if (s.week[slot] !== week) continue;
    let job = s.job[slot]!;
    let active = s.active[slot]!;
    if (k === 0) {
      // Today is not learned yet.
      active++;
      if (d.x[F.JOB_SEARCH]! > 0) job++;
    }
    if (k < HUNT.weeks) {
      recentDays += job;
      recentActive += active;
      if (job > 0) weeksWithJob++;
    } else {
      earlierDays += job;
      earlierActive += active;
    }
  }
  if (s.week[((w % HUNT.historyWeeks) + HUNT.historyWeeks) % HUNT.historyWeeks] !== w) {
    recentActive++;
    if (d.x[F.JOB_SEARCH]! > 0) {
      recentDays++;
      weeksWithJob++;
    }
  }
  const recentRate = recentActive > 0 ? recentDays / recentActive : 0;
  const earlierRate = earlierActive > 0 ? earlierDays / earlierActive : 0;
  const sustained =
    recentDays >= HUNT.minDays &&
    weeksWithJob >= HUNT.minWeeks &&
    earlierActive >= HUNT.minEarlierActiveDays &&
    recentRate >= Math.max(HUNT.riseFactor * earlierRate, earlierRate + HUNT.riseMargin);
  return { sustained, recentDays, weeksWithJob, recentRate, earlierRate };
}

/** Whether the directory already knows the person is leaving today, and how to say so. */
function knownDeparture(d: DayContext): Bilingual | null {
  const p = d.person;
  if (p?.endDay != null) {
    const known = p.endKnownDay ?? p.endDay;
    const left = p.endDay - d.day;
    if (known <= d.day && left >= 0 && left <= LEAVING_WINDOW_DAYS)
      return {
        ja: `退職予定日（${dayToIso(p.endDay)}）の ${left} 日前`,
        en: `${left} days before the leaving date (${dayToIso(p.endDay)})`,
      };
  }
  if (d.watch.includes("departing")) {
    const span = p?.watch.find(
      (w) =>
        w.list === "departing" &&
        (w.fromDay === null || w.fromDay <= d.day) &&
        (w.toDay === null || d.day <= w.toDay),
    );
    const src = span?.source ? `（${span.source}）` : "";
    return {
      ja: `退職予定者リスト${src}に登録`,
      en: `on the departing watchlist${span?.source ? ` (${span.source})` : ""}`,
    };
  }
  return null;
}

const fmtRate = (r: number) => `${Math.round(r * 100)} %`;
const fmtN = (v: number) => (Math.round(v * 10) / 10).toString();
const fmtTop = (percentile: number) => Math.max(0.1, Math.round((100 - percentile) * 10) / 10);
/** Confidential copies count as a take from this many files (with a rise over own and peers). */
export const CONF_RISE_MIN = 4;

export const departing = defineDetector<State>({
  id: "departing",
  title: { ja: "退職予定者によるデータ持ち出し（事例2）", en: "Departing employee taking data (case 2)" },
  computes: ["JOB_SEARCH", "POST_DEPARTURE"],
  indicators: [
    {
      id: "I-JOB-SEARCH",
      kind: "context",
      weight: 0,
      cases: [2],
      label: { ja: "求人サイトの閲覧", en: "Job-search browsing" },
      explanation: {
        ja: "求人サイトを閲覧しました。単独では問題になりませんが、他の兆候と合わせて評価します。",
        en: "Job-search sites were visited. Not a concern on its own; weighed together with other signs.",
      },
    },
    {
      id: "I-JOB-HUNT",
      kind: "context",
      weight: 0,
      cases: [2],
      label: { ja: "数週間にわたる転職活動", en: "Job hunting over several weeks" },
      explanation: {
        ja: "過去 8 週のうち複数の週に求人サイトを閲覧しており、本人のそれ以前の頻度を大きく上回っています。単独では問題になりません。",
        en: "Job-search sites were visited in several of the last 8 weeks, far more often than the user did before. Not a concern on its own.",
      },
    },
    {
      id: "I-DEPARTING",
      kind: "context",
      weight: 0,
      cases: [2],
      label: { ja: "退職予定者", en: "Departing employee" },
      explanation: {
        ja: "人事・ディレクトリ情報上、退職予定の利用者です（通知日・退職日・退職予定者リスト）。",
        en: "HR or directory records show the user is leaving (notice date, end date or the departing watchlist).",
      },
    },
    {
      id: "I-POST-DEPARTURE",
      kind: "behaviour",
      weight: 15,
      cases: [2],
      label: { ja: "退職日後の操作", en: "Activity after leaving date" },
      explanation: {
        ja: "人事情報上の退職日より後に、アカウントが使われました。",
        en: "The account was used after the user's leaving date in HR records.",
      },
    },
    {
      id: "I-CASE2-DEPARTING-EXFIL",
      kind: "case",
      weight: 25,
      cases: [2],
      label: { ja: "退職予定者によるデータ持ち出し", en: "Data taken by a departing employee" },
      explanation: {
        ja: "退職予定または数週間の転職活動がある利用者が、本人・同僚の水準を上回ってメディア・クラウド・メールでデータを持ち出しています（事例2）。",
        en: "A user who is leaving or has been job-hunting for weeks moves data to removable media, cloud or outside mail above their own and their peers' level (case 2).",
      },
    },
    {
      id: "I-CASE2-LOOKBACK",
      kind: "case",
      weight: 20,
      cases: [2],
      label: {
        ja: "退職判明後の遡及確認で持ち出しの兆候",
        en: "Look-back after a departure: data moved before leaving",
      },
      explanation: {
        ja: "退職がディレクトリ等で判明した時点で過去 8 週を遡ったところ、持ち出しの兆候がありました（事例2）。",
        en: "When the departure became known (directory or HR), the 8 weeks before it showed data being moved out (case 2).",
      },
    },
  ],
  create(env) {
    const JOB = env.indicator("I-JOB-SEARCH");
    const HUNT_I = env.indicator("I-JOB-HUNT");
    const DEPARTING = env.indicator("I-DEPARTING");
    const POST_DEPARTURE = env.indicator("I-POST-DEPARTURE");
    const CASE2 = env.indicator("I-CASE2-DEPARTING-EXFIL");
    const LOOKBACK = env.indicator("I-CASE2-LOOKBACK");
    const USB_RISE = env.indicator("I-USB-RISE");
    const USB_CONF = env.indicator("I-USB-CONFIDENTIAL");
    const CLOUD_UPLOAD = env.indicator("I-CLOUD-UPLOAD");
    const EMAIL_CONF = env.indicator("I-EMAIL-CONFIDENTIAL");
    const CONF_UPLOAD = env.feature("CONF_UPLOAD");
    /**
     * What counts as the organisation's data leaving in a way that rises above the person's own and
     * their peers' level (see the file comment): the indicators that fired today and count, with the
     * explanation of a confidential-copy rise.
     */
    function exfilToday(d: DayContext): { moved: number[]; confRise: Bilingual | null } {
      const moved: number[] = [];
      let confRise: Bilingual | null = null;
      if (d.has(USB_RISE)) moved.push(USB_RISE);
      if (d.has(USB_CONF)) {
        const conf = d.x[F.CONF_REMOVABLE]!;
        const own = d.recent(F.CONF_REMOVABLE);
        const base = Math.max(1, own.mean);
        const peer = d.peerPercentile(F.CONF_REMOVABLE);
        if (conf >= CONF_RISE_MIN && isRise(conf, base) && peer && peer.percentile >= RISE.percentile) {
          moved.push(USB_CONF);
          confRise = {
            ja: `機密ファイル ${conf} 件をメディアへ（本人の通常 ${fmtN(own.mean)} 件、同僚の上位 ${fmtTop(peer.percentile)} %）`,
            en: `${conf} confidential files to media (usually ${fmtN(own.mean)}, top ${fmtTop(peer.percentile)} % of peers)`,
          };
        }
      }
      if (d.has(CLOUD_UPLOAD) && d.x[CONF_UPLOAD]! > 0) moved.push(CLOUD_UPLOAD);
      if (d.has(EMAIL_CONF) && (d.x[F.EMAIL_NEW_RECIPIENT]! > 0 || d.x[F.PERSONAL_ATTACH]! > 0))
        moved.push(EMAIL_CONF);
      return { moved, confRise };
    }
    return {
      newState: () => ({
        week: new Int32Array(HUNT.historyWeeks).fill(-1),
        active: new Uint8Array(HUNT.historyWeeks),
        job: new Uint8Array(HUNT.historyWeeks),
        exfilDays: [],
        exfil: [],
        exfilDetail: null,
        case2Day: null,
        lookedBack: false,
        strongToday: false,
        strongDetail: null,
      }),
      http(e) {
        if (e.domainFlags & DOMAIN_JOB) {
          e.x[F.JOB_SEARCH]!++;
          e.tags.push(JOB);
        }
      },
      any(e) {
        const end = e.person?.endDay;
        if (end != null && e.day > end && e.x[F.POST_DEPARTURE] === 0) {
          e.x[F.POST_DEPARTURE] = 1;
          e.tags.push(POST_DEPARTURE);
        }
      },
      signals(d, s) {
        if (d.x[F.POST_DEPARTURE]! > 0) d.fire(POST_DEPARTURE);
        if (d.x[F.JOB_SEARCH]! > 0) d.fire(JOB);
        const known = knownDeparture(d);
        if (known) d.fire(DEPARTING, known);
        const hunt = jobHunt(s, d);
        if (hunt.sustained)
          d.fire(HUNT_I, {
            ja: `過去 8 週のうち ${hunt.weeksWithJob} 週・${hunt.recentDays} 日に求人サイトを閲覧（活動日の ${fmtRate(hunt.recentRate)}、それ以前は ${fmtRate(hunt.earlierRate)}）`,
            en: `job sites visited on ${hunt.recentDays} days in ${hunt.weeksWithJob} of the last 8 weeks (${fmtRate(hunt.recentRate)} of active days, before: ${fmtRate(hunt.earlierRate)})`,
          });
      },
      cases(d, s) {
        const { moved, confRise } = exfilToday(d);
        s.strongToday = moved.length > 0;
        s.strongDetail = null;
        if (moved.length === 0) return;
        const rise = moved.includes(USB_RISE) ? detailOf(d, USB_RISE) : null;
        s.strongDetail = rise ?? confRise;
        const known = knownDeparture(d);
        if (!known && !d.has(HUNT_I)) return;
        const why: Bilingual[] = [];
        if (rise) why.push(rise);
        if (confRise) why.push(confRise);
        if (moved.includes(EMAIL_CONF))
          why.push({
            ja: "機密ファイルを未承認の社外宛にメール送信",
            en: "confidential files e-mailed to an unapproved outside address",
          });
        if (moved.includes(CLOUD_UPLOAD))
          why.push({
            ja: "機密ファイルをクラウドへアップロード",
            en: "confidential files uploaded to cloud storage",
          });
        why.push(known ?? { ja: "数週間にわたる転職活動", en: "job hunting over several weeks" });
        d.fire(CASE2, { ja: why.map((w) => w.ja).join("; "), en: why.map((w) => w.en).join("; ") });
        s.case2Day = d.day;
      },
      learn(d, s) {
        const w = weekOf(d.day);
        const slot = ((w % HUNT.historyWeeks) + HUNT.historyWeeks) % HUNT.historyWeeks;
        if (s.week[slot] !== w) {
          s.week[slot] = w;
          s.active[slot] = 0;
          s.job[slot] = 0;
        }
        s.active[slot] = Math.min(255, s.active[slot]! + 1);
        if (d.x[F.JOB_SEARCH]! > 0) s.job[slot] = Math.min(255, s.job[slot]! + 1);
        // Keep what moved out in the last 8 weeks, for a look-back when a departure becomes known.
        while (s.exfilDays.length > 0 && s.exfilDays[0]! <= d.day - LOOKBACK_DAYS) s.exfilDays.shift();
        while (s.exfil.length > 0 && s.exfil[0]!.t < (d.day - LOOKBACK_DAYS) * 86_400_000) s.exfil.shift();
        // The same rule as the case pattern (cases() worked it out for today).
        const moved = s.strongToday
          ? [USB_RISE, USB_CONF, EMAIL_CONF, CLOUD_UPLOAD].filter((i) => d.has(i))
          : [];
        s.strongToday = false;
        if (moved.length > 0) {
          s.exfilDays.push(d.day);
          if (s.strongDetail) s.exfilDetail = s.strongDetail;
          for (const e of d.evidenceFor(moved)) {
            s.exfil.push(e);
            if (s.exfil.length > MAX_EXFIL_EVIDENCE) s.exfil.shift();
          }
        }
      },
      departure(c, s) {
        if (s.lookedBack) return null;
        s.lookedBack = true;
        if (s.case2Day !== null && s.case2Day >= c.day - LOOKBACK_DAYS) return null;
        const days = s.exfilDays.filter((d) => d > c.day - LOOKBACK_DAYS && d <= c.day);
        // Eight weeks hold about 40 working days, each judged against the top 5 % of the department:
        // one day over the line in that many tries is ordinary variation, not a take.
        if (days.length < LOOKBACK_MIN_DAYS) return null;
        const end = c.person.endDay;
        const moved = s.exfilDetail ?? {
          ja: "メディア・メールでの持ち出し",
          en: "data moved to media or mail",
        };
        return {
          indicators: [
            {
              index: LOOKBACK,
              detail: {
                ja: `${dayToIso(c.day)} に退職が判明（退職日 ${end !== null ? dayToIso(end) : "不明"}）。退職前 8 週のうち ${days.length} 日に持ち出しの兆候: ${moved.ja}`,
                en: `departure known on ${dayToIso(c.day)} (leaving date ${end !== null ? dayToIso(end) : "unknown"}); data moved on ${days.length} days in the 8 weeks before: ${moved.en}`,
              },
            },
          ],
          evidence: s.exfil.filter((e) => e.t >= (c.day - LOOKBACK_DAYS) * 86_400_000),
        };
      },
      snapshot: (s) => ({
        week: [...s.week],
        active: [...s.active],
        job: [...s.job],
        exfilDays: s.exfilDays,
        exfil: s.exfil,
        exfilDetail: s.exfilDetail,
        case2Day: s.case2Day,
        lookedBack: s.lookedBack,
      }),
      restore(raw) {
        const r = (raw ?? {}) as Partial<Record<keyof State, unknown>>;
        const arr = (v: unknown) => (Array.isArray(v) ? (v as number[]) : []);
        const week = new Int32Array(HUNT.historyWeeks).fill(-1);
        arr(r.week).forEach((v, i) => {
          if (i < week.length) week[i] = v;
        });
        return {
          week,
          active: Uint8Array.from({ length: HUNT.historyWeeks }, (_, i) => arr(r.active)[i] ?? 0),
          job: Uint8Array.from({ length: HUNT.historyWeeks }, (_, i) => arr(r.job)[i] ?? 0),
          exfilDays: arr(r.exfilDays),
          exfil: (Array.isArray(r.exfil) ? r.exfil : []) as Evidence[],
          exfilDetail: (r.exfilDetail as Bilingual | null) ?? null,
          case2Day: typeof r.case2Day === "number" ? r.case2Day : null,
          lookedBack: r.lookedBack === true,
          strongToday: false,
          strongDetail: null,
        };
      },
    };
  },
});

/** The explanation a detector gave for an indicator today (DayContext keeps them by index). */
function detailOf(d: DayContext, indicator: number): Bilingual | null {
  return d.detail(indicator) ?? null;
}
