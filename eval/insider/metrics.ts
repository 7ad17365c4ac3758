/**
 * Quality metrics for insider detection on a labelled dataset (CERT answer layout), computed from
 * the engine's scored user-days: per-scenario user-day AUC, detection at investigation budgets
 * (share of all user-days an analyst can review), share of insiders alerted and detection delay.
 */

export type ScoredDay = { user: string; day: number; score: number; alerted: boolean };

export type InsiderLabel = {
  user: string;
  scenario: string;
  /** Days with malicious activity. */
  days: Set<number>;
  firstDay: number;
  lastDay: number;
  /** Day of the first exfiltration event, when the answer key gives it. */
  exfiltrationDay: number | null;
};

export const BUDGETS = [0.001, 0.01, 0.05, 0.1, 0.2] as const;

export type ScenarioMetrics = {
  insiders: number;
  maliciousUserDays: number;
  auc: number;
  /** Budget (fraction of user-days) → share of insiders with a malicious day inside it. */
  detectionRate: Record<string, number>;
  /** Budget → share of malicious user-days inside it. */
  userDayRecall: Record<string, number>;
  insidersAlerted: number;
  /** Days from the first malicious event to the first alert (alerted insiders only). */
  delayFromFirstEvent: { mean: number | null; max: number | null };
  delayFromExfiltration: { mean: number | null; max: number | null };
};

/**
 * Area under the ROC curve with ties counted as half (Mann–Whitney): the chance that a random
 * malicious user-day scores above a random benign one.
 */
export function auc(positives: number[], negatives: number[]): number {
  if (positives.length === 0 || negatives.length === 0) return Number.NaN;
  const all = [...positives.map((s) => ({ s, p: 1 })), ...negatives.map((s) => ({ s, p: 0 }))].sort(
    (a, b) => a.s - b.s,
  );
  let rankSumPos = 0;
  let i = 0;
  while (i < all.length) {
    let j = i;
    while (j + 1 < all.length && all[j + 1]!.s === all[i]!.s) j++;
    const avgRank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) if (all[k]!.p === 1) rankSumPos += avgRank;
    i = j + 1;
  }
  const nP = positives.length;
  const nN = negatives.length;
  return (rankSumPos - (nP * (nP + 1)) / 2) / (nP * nN);
}

const key = (user: string, day: number) => `${user}|${day}`;

/**
 * The score threshold that admits `budget` of all user-days. Ties at the threshold are resolved
 * against the insiders (a malicious day tied with the cut-off counts as outside), so results are
 * never flattered by tie order.
 */
function budgetCut(scores: number[], budget: number): number {
  const k = Math.max(1, Math.floor(budget * scores.length));
  const sorted = [...scores].sort((a, b) => b - a);
  const kth = sorted[k - 1]!;
  // Everything strictly above the k-th score is inside; the k-th score itself only if it fits entirely.
  const above = sorted.filter((s) => s > kth).length;
  const atKth = sorted.filter((s) => s === kth).length;
  return above + atKth <= k ? kth : nextAbove(sorted, kth);
}

function nextAbove(sortedDesc: number[], value: number): number {
  let best = Number.POSITIVE_INFINITY;
  for (const s of sortedDesc) if (s > value && s < best) best = s;
  return best;
}

/** What the eval knows about the benign population besides the answer key. */
export type Population = {
  /** People whose departure (end date) falls inside the data: from the directory, for any dataset. */
  leavers: ReadonlySet<string>;
  /** Generated data only: behaviour groups per user (answers/population.csv). */
  groups?: ReadonlyMap<string, readonly string[]>;
  /** Users who got an alert at any time (alert updates), when known beyond the scored user-days. */
  alertedUsers?: ReadonlySet<string>;
};

/** Share of a group of people who got at least one alert. */
export type GroupRate = { people: number; alerted: number; rate: number };

const rate = (people: number, alerted: number): GroupRate => ({
  people,
  alerted,
  rate: people > 0 ? Math.round((alerted / people) * 10000) / 10000 : Number.NaN,
});

/** Computes all metrics, overall and per scenario. */
export function evaluate(days: ScoredDay[], labels: InsiderLabel[], population?: Population) {
  const malicious = new Map<string, string>();
  for (const l of labels) for (const d of l.days) malicious.set(key(l.user, d), l.scenario);
  const scores = days.map((d) => d.score);
  const cuts = new Map(BUDGETS.map((b) => [b, budgetCut(scores, b)]));
  const negatives = days.filter((d) => !malicious.has(key(d.user, d.day))).map((d) => d.score);
  const byUser = new Map<string, ScoredDay[]>();
  for (const d of days) {
    let list = byUser.get(d.user);
    if (!list) {
      list = [];
      byUser.set(d.user, list);
    }
    list.push(d);
  }

  function metricsFor(group: InsiderLabel[]): ScenarioMetrics {
    const posDays = days.filter((d) => {
      const s = malicious.get(key(d.user, d.day));
      return s !== undefined && group.some((l) => l.user === d.user && l.days.has(d.day));
    });
    const detectionRate: Record<string, number> = {};
    const userDayRecall: Record<string, number> = {};
    for (const b of BUDGETS) {
      const cut = cuts.get(b)!;
      const inside = posDays.filter((d) => d.score >= cut);
      userDayRecall[String(b)] = posDays.length > 0 ? inside.length / posDays.length : Number.NaN;
      const found = group.filter((l) => inside.some((d) => d.user === l.user));
      detectionRate[String(b)] = group.length > 0 ? found.length / group.length : Number.NaN;
    }
    const delays: number[] = [];
    const exDelays: number[] = [];
    let alerted = 0;
    for (const l of group) {
      const first = (byUser.get(l.user) ?? [])
        .filter((d) => d.alerted && d.day >= l.firstDay && d.day <= l.lastDay + 1)
        .sort((a, b) => a.day - b.day)[0];
      if (!first) continue;
      alerted++;
      delays.push(first.day - l.firstDay);
      if (l.exfiltrationDay !== null) exDelays.push(first.day - l.exfiltrationDay);
    }
    const summary = (xs: number[]) => ({
      mean: xs.length > 0 ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 100) / 100 : null,
      max: xs.length > 0 ? Math.max(...xs) : null,
    });
    return {
      insiders: group.length,
      maliciousUserDays: posDays.length,
      auc:
        Math.round(
          auc(
            posDays.map((d) => d.score),
            negatives,
          ) * 10000,
        ) / 10000,
      detectionRate,
      userDayRecall,
      insidersAlerted: group.length > 0 ? alerted / group.length : Number.NaN,
      delayFromFirstEvent: summary(delays),
      delayFromExfiltration: summary(exDelays),
    };
  }

  const scenarios: Record<string, ScenarioMetrics> = {};
  for (const s of [...new Set(labels.map((l) => l.scenario))].sort())
    scenarios[s] = metricsFor(labels.filter((l) => l.scenario === s));
  const insiderUsers = new Set(labels.map((l) => l.user));
  const alertedAll = new Set(days.filter((d) => d.alerted).map((d) => d.user));
  for (const u of population?.alertedUsers ?? []) alertedAll.add(u);
  const alertedBenign = new Set([...alertedAll].filter((u) => !insiderUsers.has(u)));
  const benignUsers = [...byUser.keys()].filter((u) => !insiderUsers.has(u));
  const benignLeavers = [...(population?.leavers ?? [])].filter((u) => !insiderUsers.has(u) && byUser.has(u));
  const groups: Record<string, GroupRate> = {};
  if (population?.groups) {
    const members = new Map<string, string[]>();
    for (const [user, gs] of population.groups) {
      if (insiderUsers.has(user) || !byUser.has(user)) continue;
      for (const g of gs) members.set(g, [...(members.get(g) ?? []), user]);
    }
    for (const [g, list] of [...members].sort(([a], [b]) => a.localeCompare(b)))
      groups[g] = rate(list.length, list.filter((u) => alertedBenign.has(u)).length);
  }
  const perInsider = labels.map((l) => {
    const mine = (byUser.get(l.user) ?? []).filter((d) => l.days.has(d.day));
    const best = mine.reduce((m, d) => Math.max(m, d.score), Number.NEGATIVE_INFINITY);
    const rank = scores.filter((s) => s > best).length + 1;
    const firstAlert = (byUser.get(l.user) ?? [])
      .filter((d) => d.alerted && d.day >= l.firstDay && d.day <= l.lastDay + 1)
      .sort((a, b) => a.day - b.day)[0];
    return {
      user: l.user,
      scenario: l.scenario,
      bestScore: Number.isFinite(best) ? best : null,
      bestRank: Number.isFinite(best) ? rank : null,
      bestRankPercent: Number.isFinite(best) ? Math.round((rank / scores.length) * 100000) / 1000 : null,
      firstAlertDelayFromExfiltration:
        firstAlert && l.exfiltrationDay !== null ? firstAlert.day - l.exfiltrationDay : null,
      alerted: firstAlert !== undefined,
    };
  });
  return {
    userDays: days.length,
    users: byUser.size,
    insiders: labels.length,
    alertedUserDays: days.filter((d) => d.alerted).length,
    benignUsersAlerted: alertedBenign.size,
    /** Benign people with at least one alert over the whole period. */
    benign: rate(benignUsers.length, alertedBenign.size),
    /** Benign people who left during the data (directory end dates) with at least one alert. */
    benignLeavers: rate(benignLeavers.length, benignLeavers.filter((u) => alertedBenign.has(u)).length),
    /** Generated data: benign behaviour groups (daily USB users, deadline teams, leaver kinds…). */
    benignGroups: groups,
    budgetThresholds: Object.fromEntries([...cuts].map(([b, c]) => [String(b), c])),
    overall: metricsFor(labels),
    scenarios,
    perInsider,
  };
}

export type EvaluationReport = ReturnType<typeof evaluate>;
