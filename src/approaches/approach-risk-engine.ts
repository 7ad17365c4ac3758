/**
 * The approach-report questionnaire and its risk rules. Pure: no IO, no clock. A reporter answers
 * twelve behaviour questions (A1–A12, the ids of the shared red-flag catalogue) and ticks what was
 * offered and what was asked; the rules turn that into low / medium / high, every point carrying its
 * reason, and into advice on what to do now. Nothing here reads — or could read — anyone's
 * nationality or ethnicity: the input type has no such field and the questions describe behaviour.
 */

export type Bilingual = { ja: string; en: string };

/** How the contact reached the reporter (the list, in its order). */
export const APPROACH_CHANNELS = [
  "professional_network",
  "email",
  "conference",
  "in_person",
  "embassy_or_trade_mission",
  "headhunter",
  "expert_interview",
  "research_or_investment_proposal",
  "other",
] as const;
export type ApproachChannel = (typeof APPROACH_CHANNELS)[number];

export const CHANNEL_LABELS: Record<ApproachChannel, Bilingual> = {
  professional_network: {
    ja: "ビジネスSNS・SNS（LinkedIn など）",
    en: "Professional network / social media",
  },
  email: { ja: "電子メール", en: "E-mail" },
  conference: { ja: "学会・展示会", en: "Conference or trade fair" },
  in_person: { ja: "対面・会食", en: "In person / dinner" },
  embassy_or_trade_mission: { ja: "通商代表部・大使館等の職員", en: "Trade mission or embassy staff" },
  headhunter: { ja: "ヘッドハンター・人材紹介", en: "Headhunter" },
  expert_interview: {
    ja: "有償の専門家インタビュー（エキスパートネットワーク）",
    en: "Paid expert-interview platform",
  },
  research_or_investment_proposal: {
    ja: "共同研究・投資の提案",
    en: "Joint-research or investment proposal",
  },
  other: { ja: "その他", en: "Other" },
};

/** What the contact offered. */
export const OFFER_KINDS = [
  "job",
  "adviser_role",
  "fee",
  "travel",
  "gifts",
  "coauthorship",
  "other",
] as const;
export type OfferKind = (typeof OFFER_KINDS)[number];

export const OFFER_LABELS: Record<OfferKind, Bilingual> = {
  job: { ja: "就職・転職", en: "A job" },
  adviser_role: { ja: "顧問・アドバイザー", en: "An adviser role" },
  fee: { ja: "謝礼・報酬", en: "A fee" },
  travel: { ja: "旅費・招へい", en: "Paid travel or an invitation abroad" },
  gifts: { ja: "贈り物・接待", en: "Gifts or hospitality" },
  coauthorship: { ja: "共著・論文掲載の支援", en: "Co-authorship or publication help" },
  other: { ja: "その他", en: "Something else" },
};

/** What the contact asked for. */
export const ASK_KINDS = ["information", "data", "samples", "visits", "introductions", "other"] as const;
export type AskKind = (typeof ASK_KINDS)[number];

export const ASK_LABELS: Record<AskKind, Bilingual> = {
  information: { ja: "情報・説明", en: "Information" },
  data: { ja: "データ・資料", en: "Data or documents" },
  samples: { ja: "試料・サンプル", en: "Samples or materials" },
  visits: { ja: "研究室・施設の見学", en: "Visits to labs or sites" },
  introductions: { ja: "人の紹介", en: "Introductions to people" },
  other: { ja: "その他", en: "Something else" },
};

export type Answer = "yes" | "no" | "unsure";

/** One question of the guided questionnaire; `weight` is what a "yes" adds (an "unsure" adds half). */
export type Question = {
  flagId: string;
  /**
   * The answer that raises the flag. Every question is worded so that はい / yes is the risky one
   * (no 「…ませんか」 forms a reporter could answer backwards); a test walks all twelve.
   */
  riskyAnswer: "yes";
  /** A "yes" to a decisive question makes the report high on its own. */
  decisive: boolean;
  weight: number;
  question: Bilingual;
  /** A short example so the reporter can recognise the behaviour. */
  example: Bilingual;
  /** The reason shown when the answer is yes. */
  reason: Bilingual;
};

/**
 * The twelve questions, worded for a reporter in a hurry. Each describes something the contact (or
 * an intermediary) did; none asks where anyone comes from.
 */
export const QUESTIONS: readonly Question[] = [
  {
    riskyAnswer: "yes",
    flagId: "A1",
    decisive: false,
    weight: 1,
    question: {
      ja: "面識のない相手から、突然連絡がありましたか？",
      en: "Did someone you do not know contact you out of the blue?",
    },
    example: {
      ja: "例：LinkedIn で知らない人からメッセージが届いた",
      en: "e.g. a LinkedIn message from a stranger",
    },
    reason: { ja: "面識のない相手からの一方的な接触", en: "Unsolicited contact from a stranger" },
  },
  {
    riskyAnswer: "yes",
    flagId: "A2",
    decisive: false,
    weight: 2,
    question: {
      ja: "求められる仕事に比べて、報酬や待遇が不自然に良いですか？",
      en: "Is the pay or the offer unusually generous for what is asked?",
    },
    example: {
      ja: "例：1時間の相談で数万円、経費すべて先方負担の招待",
      en: "e.g. tens of thousands of yen for one hour, all expenses paid trips",
    },
    reason: { ja: "話がうますぎる（不自然に好条件）", en: "Too good to be true (unusually generous)" },
  },
  {
    riskyAnswer: "yes",
    flagId: "A3",
    decisive: true,
    weight: 4,
    question: {
      ja: "短時間の有償インタビューで、公開していない業務や研究について聞かれましたか？",
      en: "Were you offered a paid short interview about work or research that is not public?",
    },
    example: {
      ja: "例：1時間3〜4万円の「専門家インタビュー」で開発中の工程を質問された",
      en: "e.g. a ¥30,000–40,000 one-hour 'expert interview' asking about a process under development",
    },
    reason: {
      ja: "非公開業務に関する有償の短時間インタビュー",
      en: "Paid short interview about non-public work",
    },
  },
  {
    riskyAnswer: "yes",
    flagId: "A4",
    decisive: true,
    weight: 4,
    question: {
      ja: "最初は公開情報だった依頼が、だんだん社外秘・未発表の内容に変わってきましたか？",
      en: "Did the requests move from public material towards internal or unpublished material?",
    },
    example: {
      ja: "例：最初は論文やカタログ、次に社内資料や実験データを求められた",
      en: "e.g. first papers or brochures, then internal documents or lab data",
    },
    reason: {
      ja: "依頼が公開情報から非公開情報へエスカレート",
      en: "Requests escalating from public to confidential",
    },
  },
  {
    riskyAnswer: "yes",
    flagId: "A5",
    decisive: false,
    weight: 2,
    question: {
      ja: "個人のメールや別のメッセージアプリに移るよう求められましたか？",
      en: "Were you pushed to move to personal e-mail or another messaging app?",
    },
    example: {
      ja: "例：「WeChat / Telegram / 個人の Gmail で話しましょう」",
      en: "e.g. 'let's continue on WeChat / Telegram / your private Gmail'",
    },
    reason: { ja: "公式の連絡手段の外への誘導", en: "Push to move off-platform" },
  },
  {
    riskyAnswer: "yes",
    flagId: "A6",
    decisive: false,
    weight: 2,
    question: {
      ja: "相手のプロフィールは新しい・情報が少ない・経歴や所属に矛盾がありますか？",
      en: "Is the contact's profile new, sparse, or inconsistent?",
    },
    example: {
      ja: "例：つながりが少ない、写真が素材写真、名乗った会社と実際の会社が違う",
      en: "e.g. few connections, a stock photo, a company name that later changes",
    },
    reason: { ja: "薄い・矛盾したプロフィール", en: "Thin or inconsistent profile" },
  },
  {
    riskyAnswer: "yes",
    flagId: "A7",
    decisive: false,
    weight: 1,
    question: {
      ja: "機微な研究・業務に携わっていることを公開しているために狙われたと思いますか？",
      en: "Do you think you were picked because you publicly list a sensitive role or project?",
    },
    example: {
      ja: "例：プロフィールに担当技術や研究テーマを詳しく書いている",
      en: "e.g. your profile details the technology or project you work on",
    },
    reason: {
      ja: "機微な役割を公開している人への標的化",
      en: "Targeting of people who advertise sensitive roles",
    },
  },
  {
    riskyAnswer: "yes",
    flagId: "A8",
    decisive: false,
    weight: 3,
    question: {
      ja: "偶然知り合った相手から、会食や贈り物が続いていますか？",
      en: "Did a chance acquaintance follow up with repeated dinners or gifts?",
    },
    example: {
      ja: "例：道を尋ねられて知り合い、その後何度も食事に誘われ謝礼を渡された",
      en: "e.g. asked for directions, then invited to dinners and handed 'thank-you' money",
    },
    reason: {
      ja: "偶然の出会いからの会食・贈答の繰り返し",
      en: "Chance meeting followed by dinners and gifts",
    },
  },
  {
    riskyAnswer: "yes",
    flagId: "A9",
    decisive: true,
    weight: 4,
    question: {
      ja: "やり取りを誰にも言わないよう指示されたり、脅されたりしましたか？",
      en: "Were you told to keep the contact secret, or were you threatened?",
    },
    example: {
      ja: "例：「上司には言わないで」「次の会う場所は当日伝える」",
      en: "e.g. 'don't tell your manager', 'I will tell you the place on the day'",
    },
    reason: { ja: "隠蔽の指示・脅し", en: "Coaching on concealment, or threats" },
  },
  {
    riskyAnswer: "yes",
    flagId: "A10",
    decisive: true,
    weight: 4,
    question: {
      ja: "秘密保持や海外での研究室設置を条件とする招へい・人材プログラムに誘われましたか？",
      en: "Were you invited to a programme that requires secrecy or setting up a lab abroad?",
    },
    example: {
      ja: "例：参加を所属機関に申告しないこと、海外に研究室を持つことが条件",
      en: "e.g. you must not tell your institution, or must run a lab abroad",
    },
    reason: {
      ja: "秘密保持・国外研究室条件付きの人材プログラムへの招待",
      en: "Talent-programme invitation with secrecy or lab-abroad terms",
    },
  },
  {
    riskyAnswer: "yes",
    flagId: "A11",
    decisive: false,
    weight: 2,
    question: {
      ja: "転職や顧問の話で、すぐに決めるよう急かされましたか？",
      en: "Is a headhunter or recruiter pressing you to decide quickly?",
    },
    example: {
      ja: "例：「今週中に返事を」「条件はこの場限り」",
      en: "e.g. 'answer by Friday', 'this offer is only for today'",
    },
    reason: { ja: "決断を急かす勧誘", en: "Urgent headhunter offer" },
  },
  {
    riskyAnswer: "yes",
    flagId: "A12",
    decisive: false,
    weight: 2,
    question: {
      ja: "仲介者が、共通の知人・同窓・同郷などの個人的なつながりを持ち出して、紹介や協力を持ちかけてきましたか？（誰かの国籍や出身は判断材料にしません。仲介者の行動についての質問です）",
      en: "Did an intermediary use personal ties — a mutual friend, the same school, hometown or community — to broker the contact or press you to help? (This is about what the intermediary did; nobody's nationality or origin is a factor.)",
    },
    example: {
      ja: "例：「先輩の頼みだから」「同じ町の出身だから」と言って資料を求める",
      en: "e.g. 'do it as a favour for your old classmate' while asking for documents",
    },
    reason: {
      ja: "個人的なつながりを利用した仲介者の働きかけ",
      en: "An intermediary leaning on personal ties",
    },
  },
];

/** What the reporter told us; deliberately no field about anyone's nationality or ethnicity. */
export type ApproachFacts = {
  channel: ApproachChannel;
  offered: readonly OfferKind[];
  asked: readonly AskKind[];
  /** Answers by flag id; missing questions count as not answered. */
  answers: Readonly<Record<string, Answer>>;
};

export type RiskLevel = "low" | "medium" | "high";

export type RiskReason = {
  /** The red-flag id when the reason is a questionnaire answer; a rule id otherwise. */
  id: string;
  points: number;
  answer?: "yes" | "unsure";
  text: Bilingual;
};

export type RiskAssessment = {
  level: RiskLevel;
  score: number;
  /** Red flags answered yes (these link to cases that share them). */
  firedFlags: string[];
  /** Red flags answered unsure. */
  possibleFlags: string[];
  reasons: RiskReason[];
  /** One sentence on why the level is what it is. */
  summary: Bilingual;
  /** What to do now, most urgent first. */
  advice: Bilingual[];
};

/** Score at or above which a report is high / medium without a decisive answer. */
export const HIGH_SCORE = 6;
export const MEDIUM_SCORE = 3;

const has = <T>(list: readonly T[], ...items: T[]) => items.some((i) => list.includes(i));

/**
 * Scores one report. Answers add their question's weight (unsure: half); three combinations of
 * what was offered and asked add points of their own; a "yes" to a decisive question (A3, A4, A9,
 * A10) makes the report high whatever the score.
 */
export function assessApproach(facts: ApproachFacts): RiskAssessment {
  const reasons: RiskReason[] = [];
  const firedFlags: string[] = [];
  const possibleFlags: string[] = [];
  let decisiveYes = false;
  for (const q of QUESTIONS) {
    const answer = facts.answers[q.flagId];
    if (answer === q.riskyAnswer) {
      firedFlags.push(q.flagId);
      reasons.push({ id: q.flagId, points: q.weight, answer, text: q.reason });
      if (q.decisive) decisiveYes = true;
    } else if (answer === "unsure") {
      possibleFlags.push(q.flagId);
      reasons.push({
        id: q.flagId,
        points: q.weight / 2,
        answer,
        text: { ja: `${q.reason.ja}（可能性あり）`, en: `${q.reason.en} (possibly)` },
      });
    }
  }

  const rewardOffered = has(facts.offered, "fee", "adviser_role", "job", "gifts", "travel");
  const materialAsked = has(facts.asked, "information", "data", "samples");
  if (rewardOffered && materialAsked) {
    reasons.push({
      id: "RULE-REWARD-FOR-INFORMATION",
      points: 2,
      text: {
        ja: "報酬・役職・旅行などの見返りと引き換えに情報・データ・試料を求められている",
        en: "Money, a role or travel offered in exchange for information, data or samples",
      },
    });
  }
  if (has(facts.asked, "data", "samples")) {
    reasons.push({
      id: "RULE-DATA-OR-SAMPLES",
      points: 1,
      text: {
        ja: "データや試料そのものを求められている",
        en: "Data or samples themselves were requested",
      },
    });
  }
  if (facts.channel === "expert_interview" && materialAsked && facts.answers.A3 !== "yes") {
    reasons.push({
      id: "RULE-EXPERT-INTERVIEW",
      points: 2,
      text: {
        ja: "有償インタビューの仲介サービス経由で情報を求められている",
        en: "Information requested through a paid expert-interview platform",
      },
    });
  }

  reasons.sort((a, b) => b.points - a.points || a.id.localeCompare(b.id));
  const score = reasons.reduce((sum, r) => sum + r.points, 0);
  const level: RiskLevel =
    decisiveYes || score >= HIGH_SCORE ? "high" : score >= MEDIUM_SCORE ? "medium" : "low";
  return {
    level,
    score,
    firedFlags,
    possibleFlags,
    reasons,
    summary: summaryFor(level, decisiveYes, score),
    advice: adviceFor(level, facts, firedFlags),
  };
}

function summaryFor(level: RiskLevel, decisive: boolean, score: number): Bilingual {
  if (level === "high" && decisive) {
    return {
      ja: "技術流出の手口で典型的な行動が含まれているため「高」です。",
      en: "High: the contact shows behaviour typical of technology-theft approaches.",
    };
  }
  if (level === "high") {
    return {
      ja: `複数の注意すべき兆候が重なっているため「高」です（点数 ${score}）。`,
      en: `High: several warning signs add up (score ${score}).`,
    };
  }
  if (level === "medium") {
    return {
      ja: `注意すべき兆候があるため「中」です（点数 ${score}）。`,
      en: `Medium: there are warning signs (score ${score}).`,
    };
  }
  return {
    ja: "現時点で目立った兆候は少ないため「低」です。",
    en: "Low: few warning signs so far.",
  };
}

function adviceFor(level: RiskLevel, facts: ApproachFacts, fired: string[]): Bilingual[] {
  const advice: Bilingual[] = [];
  if (level === "high") {
    advice.push(
      {
        ja: "これ以上、情報・資料・データを渡さないでください。返信もいったん止めてください。",
        en: "Do not send any more information, documents or data, and pause replying.",
      },
      {
        ja: "報告は安全保障管理の担当部署に届きました。担当者から連絡があるまで、相手には報告したことを伝えないでください。",
        en: "Your report has reached the security office. Until they contact you, do not tell the contact that you reported it.",
      },
    );
  } else if (level === "medium") {
    advice.push({
      ja: "非公開の情報は渡さず、返信する前に安全保障管理の担当部署か上司に相談してください。",
      en: "Share nothing non-public, and talk to the security office or your supervisor before replying.",
    });
  } else {
    advice.push({
      ja: "現時点では通常のやり取りと考えられますが、公開済みの情報以外は渡さないでください。",
      en: "This looks ordinary so far, but share only what is already public.",
    });
  }
  advice.push({
    ja: "メッセージやメールは削除せず、スクリーンショットを保存してください（この報告に添付できます）。",
    en: "Keep the messages and e-mails, and take screenshots (you can attach them to this report).",
  });
  if (fired.includes("A5")) {
    advice.push({
      ja: "個人のメールやメッセージアプリへの移行には応じないでください。",
      en: "Do not move the conversation to personal e-mail or messaging apps.",
    });
  }
  if (fired.includes("A8") || facts.offered.includes("gifts")) {
    advice.push({
      ja: "贈り物や現金は受け取らないでください。受け取ったものがあれば、内容と日付を記録してください。",
      en: "Do not accept gifts or cash; if you already did, note what and when.",
    });
  }
  if (fired.includes("A10")) {
    advice.push({
      ja: "応募・参加の前に、研究インテグリティの担当部署に申告・相談してください。",
      en: "Before applying or joining, declare it to and consult the research-integrity office.",
    });
  }
  if (fired.includes("A9")) {
    advice.push({
      ja: "脅されて身の危険を感じる場合は、ためらわず警察（110番）に連絡してください。",
      en: "If you are threatened and feel unsafe, call the police (110) without delay.",
    });
  }
  if (facts.offered.includes("travel")) {
    advice.push({
      ja: "招へいや出張の申し出は、受ける前に担当部署へ相談してください。",
      en: "Consult the security office before accepting any invitation or paid trip.",
    });
  }
  return advice;
}
