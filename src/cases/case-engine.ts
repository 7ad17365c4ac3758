/**
 * The case library's rules: what a structured case contains, how a case form is checked, and how
 * cases are ranked as "this resembles …" for a set of red flags that fired somewhere in the
 * product. Pure: no IO.
 */

export type Bilingual = { ja: string; en: string };

/** Channels a case can show: the approach-report channels plus the other routes technology leaves by. */
export const CASE_CHANNELS = [
  "professional_network",
  "email",
  "conference",
  "in_person",
  "embassy_or_trade_mission",
  "headhunter",
  "expert_interview",
  "research_or_investment_proposal",
  "cyber",
  "insider",
  "acquisition",
  "export_evasion",
  "reverse_engineering",
  "identity_fraud",
  "other",
] as const;
export type CaseChannel = (typeof CASE_CHANNELS)[number];

export const CASE_CHANNEL_LABELS: Record<CaseChannel, Bilingual> = {
  professional_network: { ja: "ビジネスSNS・SNS", en: "Professional network / social media" },
  email: { ja: "電子メール", en: "E-mail" },
  conference: { ja: "学会・展示会", en: "Conference" },
  in_person: { ja: "対面・会食", en: "In person / dinner" },
  embassy_or_trade_mission: { ja: "通商代表部・大使館等", en: "Trade mission or embassy" },
  headhunter: { ja: "ヘッドハンター", en: "Headhunter" },
  expert_interview: { ja: "有償の専門家インタビュー", en: "Paid expert interview" },
  research_or_investment_proposal: { ja: "共同研究・投資の提案", en: "Joint research or investment" },
  cyber: { ja: "サイバー攻撃", en: "Cyber" },
  insider: { ja: "内部者", en: "Insider" },
  acquisition: { ja: "買収・出資", en: "Acquisition" },
  export_evasion: { ja: "輸出規制の回避", en: "Export-control evasion" },
  reverse_engineering: { ja: "リバースエンジニアリング", en: "Reverse engineering" },
  identity_fraud: { ja: "なりすまし・名義貸し", en: "Identity fraud" },
  other: { ja: "その他", en: "Other" },
};

export type CaseSource = { publisher: string; date: string; title: string; url?: string | undefined };

/** A structured case, in both languages. */
export type CaseContent = {
  title: Bilingual;
  /** Years the case covers, e.g. "2017–2020". */
  period: string;
  channels: CaseChannel[];
  sector: Bilingual;
  summary: Bilingual;
  timeline: { date: string; text: Bilingual }[];
  /** The method, step by step. */
  method: Bilingual[];
  /** Ids from the shared red-flag catalogue (A…, R-…, P-…) and insider indicators (I-…). */
  redFlags: string[];
  countermeasures: Bilingual[];
  outcome: Bilingual;
  sources: CaseSource[];
  /** Editors' note (e.g. what still needs a source); shown to editors only. */
  editorialNote?: Bilingual | undefined;
};

/** A catalogue entry as the case library needs it. */
export type FlagInfo = { id: string; title: Bilingual };

/** Insider indicator ids look like `I-USB-VOLUME`. */
export const INSIDER_FLAG = /^I-[A-Z0-9]+(?:-[A-Z0-9]+)*$/;

export type FieldProblem = { path: string; message: Bilingual };

const blank = (b: Bilingual | undefined) => !b || b.ja.trim() === "" || b.en.trim() === "";

/**
 * Checks a case before it is stored. Published cases must be complete in both languages and cite
 * at least one source; drafts only need a title. Red flags must exist in the catalogue; insider
 * ids (I-…) are accepted when the insider catalogue is not loaded, so cases can be written first.
 */
export function caseProblems(
  content: CaseContent,
  status: "draft" | "published",
  catalogue: ReadonlyMap<string, FlagInfo>,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const both = { ja: "日本語と英語の両方を入力してください", en: "Enter both Japanese and English" };
  if (blank(content.title)) problems.push({ path: "content.title", message: both });
  if (!/^\d{4}(–\d{4})?$/.test(content.period.replace("-", "–"))) {
    problems.push({
      path: "content.period",
      message: {
        ja: "期間は 2018 または 2018–2020 の形で入力してください",
        en: "Period must look like 2018 or 2018–2020",
      },
    });
  }
  const insiderLoaded = [...catalogue.keys()].some((id) => id.startsWith("I-"));
  content.redFlags.forEach((id, i) => {
    const known = catalogue.has(id) || (!insiderLoaded && INSIDER_FLAG.test(id));
    if (!known) {
      problems.push({
        path: `content.redFlags.${i}`,
        message: {
          ja: `赤旗「${id}」はカタログにありません`,
          en: `Red flag "${id}" is not in the catalogue`,
        },
      });
    }
  });
  if (new Set(content.redFlags).size !== content.redFlags.length) {
    problems.push({
      path: "content.redFlags",
      message: { ja: "同じ赤旗が重複しています", en: "A red flag is listed twice" },
    });
  }
  content.sources.forEach((s, i) => {
    if (!s.publisher.trim() || !s.title.trim()) {
      problems.push({
        path: `content.sources.${i}`,
        message: { ja: "出典の発行元と題名を入力してください", en: "A source needs a publisher and a title" },
      });
    }
    if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(s.date)) {
      problems.push({
        path: `content.sources.${i}.date`,
        message: {
          ja: "出典の日付は YYYY / YYYY-MM / YYYY-MM-DD で入力してください",
          en: "Source date must be YYYY, YYYY-MM or YYYY-MM-DD",
        },
      });
    }
    if (s.url) {
      let ok = false;
      try {
        ok = ["http:", "https:"].includes(new URL(s.url).protocol);
      } catch {
        ok = false;
      }
      if (!ok) {
        problems.push({
          path: `content.sources.${i}.url`,
          message: {
            ja: "出典のURLは http(s):// で始めてください",
            en: "Source URL must start with http(s)://",
          },
        });
      }
    }
  });
  if (status === "published") {
    if (blank(content.summary)) problems.push({ path: "content.summary", message: both });
    if (blank(content.outcome)) problems.push({ path: "content.outcome", message: both });
    if (content.method.length === 0 || content.method.some(blank)) {
      problems.push({
        path: "content.method",
        message: {
          ja: "手口を1つ以上、両言語で入力してください",
          en: "Give at least one method step, in both languages",
        },
      });
    }
    if (content.countermeasures.length === 0 || content.countermeasures.some(blank)) {
      problems.push({
        path: "content.countermeasures",
        message: {
          ja: "対策を1つ以上、両言語で入力してください",
          en: "Give at least one countermeasure, in both languages",
        },
      });
    }
    content.timeline.forEach((e, i) => {
      if (blank(e.text)) problems.push({ path: `content.timeline.${i}.text`, message: both });
    });
    if (content.sources.length === 0) {
      problems.push({
        path: "content.sources",
        message: {
          ja: "公開する事例には出典（報道・公的資料）が1つ以上必要です",
          en: "A published case needs at least one public source",
        },
      });
    }
    if (content.redFlags.length === 0) {
      problems.push({
        path: "content.redFlags",
        message: { ja: "赤旗を1つ以上付けてください", en: "Link at least one red flag" },
      });
    }
  }
  return problems;
}

/** A case as the ranking sees it. */
export type RankableCase = {
  id: string;
  slug: string;
  title: Bilingual;
  period: string;
  redFlags: readonly string[];
};

export type RelatedCase = RankableCase & { sharedFlags: string[]; overlap: number; score: number };

/**
 * Cases sharing any of the given flags, most shared flags first; among equals the case whose flags
 * are covered best (Jaccard), then the newest period, then the title. Unknown or duplicate query
 * flags are harmless.
 */
export function rankRelated(
  queryFlags: readonly string[],
  cases: readonly RankableCase[],
  limit = 5,
): RelatedCase[] {
  const query = new Set(queryFlags.map((f) => f.trim()).filter(Boolean));
  if (query.size === 0) return [];
  return cases
    .map((c) => {
      const flags = new Set(c.redFlags);
      const sharedFlags = [...flags].filter((f) => query.has(f));
      const union = new Set([...flags, ...query]).size;
      return {
        ...c,
        sharedFlags,
        overlap: sharedFlags.length,
        score: union === 0 ? 0 : sharedFlags.length / union,
      };
    })
    .filter((c) => c.overlap > 0)
    .sort(
      (a, b) =>
        b.overlap - a.overlap ||
        b.score - a.score ||
        b.period.localeCompare(a.period) ||
        a.title.en.localeCompare(b.title.en),
    )
    .slice(0, limit);
}

/** Splits `?flags=A1,R-LIST-HIT, I-USB-VOLUME` into clean, unique ids (at most 50). */
export function parseFlagList(raw: string | undefined): string[] {
  if (!raw) return [];
  return [
    ...new Set(
      raw
        .split(",")
        .map((s) => s.trim().toUpperCase())
        .filter((s) => /^[A-Z0-9-]{1,60}$/.test(s)),
    ),
  ].slice(0, 50);
}
