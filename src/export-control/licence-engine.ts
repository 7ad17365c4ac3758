import {
  type CatchAllCategory,
  type CatchAllRow,
  CONCERN_LABELS,
  type Concern,
  catchAllEditionOn,
  catchAllRow,
  REQUIREMENT_LABELS,
} from "./catch-all-rules.js";
import { type CountryGroupTable, type GroupLookup, lookupCountry } from "./country-groups.js";
import { EXCEPTION_DEFINITIONS, type TechException } from "./exceptions.js";
import { C, type Citation, citationText, type Label } from "./legal-sources.js";

/**
 * The licence-requirement engine: does this export of goods, or this provision of technology, need a
 * licence from the Minister of Economy, Trade and Industry (外為法 第48条第1項 / 第25条第1項)? It reads
 * the item's classification (別表第1/外為令別表 1–15 or 16の項(1)/(2)), whether it is goods or
 * technology, the destination and its group in the law's tables on the day, the end user (End User
 * List concern, known activity), the known use (WMD / conventional / civil), METI inform notices and,
 * for technology, the recipient's residency and 特定類型. It answers 許可要 / インフォーム該当 / 不要 (or
 * 判定不能 when a fact is missing) with every finding's legal basis and its reasoning in Japanese and
 * English. Pure: no IO, no clock (the date is an input).
 *
 * What it decides is the legal requirement, not risk: a person's nationality is never an input — the
 * destination country of the goods or technology is, because the law's tables name it.
 */

export type ItemKind = "goods" | "technology";

export type ItemClassificationInput = {
  kind: ItemKind;
  /** 1–15 項 (with "3-2"); null when not listed (非該当). */
  listedItem: string | null;
  /** For a non-listed item: its 16の項 category, "outside" (食料品・木材等, not in 16), or null (not decided). */
  catchAllCategory: CatchAllCategory | "outside" | null;
  /** Technology exceptions recorded in addition to the classification. */
  exceptions: TechException[];
  /** Shown in reasons, e.g. "リチウムイオン電池用電解液 ELX-200". */
  name?: string | undefined;
};

export type EndUse = "wmd" | "conventional" | "civil" | "unknown";

export type LicenceInput = {
  /** The day of the export or provision (YYYY-MM-DD): picks the editions of the tables. */
  date: string;
  item: ItemClassificationInput;
  /** Goods: the country of destination (仕向地). Technology: where it is provided, or the recipient's country. */
  destinationCountry: string | null;
  /** A later destination the exporter knows of (re-export); informs cautions, not the legal branch. */
  finalDestinationCountry?: string | null | undefined;
  /** Technology only. */
  technology?:
    | {
        recipientResidency: "resident" | "non_resident" | "unknown";
        /** The resident recipient has declared 特定類型 ①②③: treated as provision to a non-resident. */
        recipientTokutei: boolean;
        /** Provided in a foreign country (e.g. during a trip), whoever receives it. */
        providedAbroad: boolean;
      }
    | undefined;
  /** What the exporter knows of the use (契約書・需要者からの連絡・取引審査). */
  use: { stated: EndUse; knownWmd: boolean; knownConventional: boolean };
  endUser: {
    /** Concern types of an End User List entry the end user matches (confirmed). */
    eulConcerns: Concern[];
    /** The exporter knows the end user develops or developed WMD / conventional weapons. */
    knownWmdActivity: boolean;
    knownConventionalActivity: boolean;
    /** 明らかガイドライン: it is clear the goods will not be used for the concern (recorded with reasons). */
    clearlyNoConcern: boolean;
  };
  /** A METI inform notice (許可申請をすべき旨の通知) was received for this transaction. */
  informed: { wmd: boolean; conventional: boolean };
  /** Diversion (迂回輸出) to a country of concern is feared. */
  diversionConcern: boolean;
};

export type Outcome = "licence_required" | "not_required" | "not_applicable" | "exempt" | "undetermined";

export type Finding = {
  id: string;
  topic: "scope" | "list" | "catch_all" | "inform" | "exception";
  outcome: Outcome;
  reason: Label;
  citations: Citation[];
};

export type LicenceResult = "licence_required" | "inform" | "not_required" | "undetermined";

export const RESULT_LABELS: Record<LicenceResult, Label> = {
  licence_required: { ja: "許可要", en: "Licence required" },
  inform: { ja: "インフォーム該当（許可要）", en: "Inform notice (licence required)" },
  not_required: { ja: "許可不要", en: "No licence required" },
  undetermined: { ja: "判定不能（情報不足）", en: "Cannot decide yet (facts missing)" },
};

export type LicenceDetermination = {
  result: LicenceResult;
  licenceRequired: boolean;
  findings: Finding[];
  /** The reasoning, one paragraph per finding, in both languages. */
  reasoning: Label;
  missing: { field: string; label: Label }[];
  cautions: Label[];
  destination: GroupLookup | null;
  catchAllEdition: string;
  /** Some citation relied on is marked 要確認. */
  relyOnUnverified: boolean;
};

const L = (ja: string, en: string): Label => ({ ja, en });

const CATEGORY_SHORT: Record<CatchAllCategory, Label> = {
  "16-1": L("16の項(1)", "item 16(1)"),
  "16-2": L("16の項(2)", "item 16(2)"),
};

/** Technology is subject to 外為法 第25条第1項 only when it leaves Japan or reaches a non-resident. */
function technologyScope(
  input: LicenceInput,
  findings: Finding[],
  missing: LicenceDetermination["missing"],
): boolean {
  const t = input.technology;
  if (!t) {
    missing.push({
      field: "technology",
      label: L("提供先の居住性・提供場所", "Recipient's residency and place of provision"),
    });
    findings.push({
      id: "scope.technology_unknown",
      topic: "scope",
      outcome: "undetermined",
      reason: L(
        "提供先の居住性と提供場所が未記録のため判定できません",
        "Residency of the recipient and place of provision are not recorded",
      ),
      citations: [C.techLicence],
    });
    return false;
  }
  if (t.providedAbroad) {
    findings.push({
      id: "scope.provided_abroad",
      topic: "scope",
      outcome: "licence_required",
      reason: L(
        "外国において提供するため、提供先の居住性にかかわらず外為法第25条第1項の役務取引に当たります",
        "Provided in a foreign country: a transaction under FEFTA art. 25(1) whoever the recipient is",
      ),
      citations: [C.techLicence],
    });
    return true;
  }
  if (t.recipientResidency === "non_resident") {
    findings.push({
      id: "scope.non_resident",
      topic: "scope",
      outcome: "licence_required",
      reason: L(
        "非居住者への提供のため外為法第25条第1項の役務取引に当たります（国内での提供＝みなし輸出を含む）",
        "Provision to a non-resident: a transaction under FEFTA art. 25(1) (deemed export when in Japan)",
      ),
      citations: [C.techLicence, C.residencyDefinition],
    });
    return true;
  }
  if (t.recipientResidency === "resident" && t.recipientTokutei) {
    findings.push({
      id: "scope.tokutei",
      topic: "scope",
      outcome: "licence_required",
      reason: L(
        "提供先は居住者ですが特定類型に該当するため、非居住者への提供とみなされます（みなし輸出管理）",
        "The recipient is a resident but falls under 特定類型, so the provision is treated as one to a non-resident (deemed export)",
      ),
      citations: [C.techLicence, C.tokuteiDeemed],
    });
    return true;
  }
  if (t.recipientResidency === "unknown") {
    missing.push({
      field: "technology.recipientResidency",
      label: L("提供先の居住性", "Recipient's residency"),
    });
    findings.push({
      id: "scope.residency_unknown",
      topic: "scope",
      outcome: "undetermined",
      reason: L(
        "提供先の居住性（居住者・非居住者）が不明のため判定できません",
        "The recipient's residency (resident or non-resident) is unknown",
      ),
      citations: [C.residencyDefinition, C.residencyInterpretation],
    });
    return false;
  }
  findings.push({
    id: "scope.resident_in_japan",
    topic: "scope",
    outcome: "not_required",
    reason: L(
      "国内で特定類型に該当しない居住者に提供するため、外為法第25条第1項の許可は不要です（提供先がさらに外国で提供する場合は別途確認）",
      "Provided in Japan to a resident outside 特定類型: no licence under FEFTA art. 25(1) (check separately if the recipient will pass it abroad)",
    ),
    citations: [C.techLicence, C.residencyDefinition],
  });
  return false;
}

function knowsUse(input: LicenceInput, concern: Concern): boolean {
  return concern === "wmd"
    ? input.use.stated === "wmd" || input.use.knownWmd
    : input.use.stated === "conventional" || input.use.knownConventional;
}

function endUserConcern(input: LicenceInput, concern: Concern): { hit: boolean; why: Label } {
  const eul = input.endUser.eulConcerns.includes(concern);
  const known = concern === "wmd" ? input.endUser.knownWmdActivity : input.endUser.knownConventionalActivity;
  if (!eul && !known) return { hit: false, why: L("", "") };
  const why = eul
    ? L(
        "需要者が外国ユーザーリストに掲載（懸念区分が該当）",
        "the end user is on the End User List for this concern",
      )
    : L(
        "需要者が開発等を行う（行った）ことを知っている",
        "the end user is known to develop (or have developed) such weapons",
      );
  if (input.endUser.clearlyNoConcern)
    return {
      hit: false,
      why: L(
        `${why.ja}が、明らかガイドラインにより懸念用途に用いられないことが明らかと記録されている`,
        `${why.en}, but it is recorded as clear under the 'clearly' guideline that it will not be used so`,
      ),
    };
  return { hit: true, why };
}

function evaluateCatchAll(
  input: LicenceInput,
  category: CatchAllCategory,
  lookup: GroupLookup,
  row: CatchAllRow,
  concern: Concern,
  exempt: TechException[],
): Finding {
  const name = CONCERN_LABELS[concern];
  const where = L(
    `${lookup.country}（${{ group_a: "グループA", un_arms_embargo: "国連武器禁輸国", general: "一般国" }[lookup.destinationGroup]}）`,
    `${lookup.country} (${{ group_a: "Group A", un_arms_embargo: "UN arms embargo", general: "general destination" }[lookup.destinationGroup]})`,
  );
  const cat = CATEGORY_SHORT[category];
  const citations = [...row.citations, ...(input.item.kind === "technology" ? [C.techCatchAll] : [])];
  const id = `catch_all.${concern}`;
  if (row.requirements.length === 0)
    return {
      id,
      topic: "catch_all",
      outcome: "not_applicable",
      reason: L(
        `${name.ja}: ${where.ja}向けの${cat.ja}は対象外${row.note ? `（${row.note.ja}）` : ""}`,
        `${name.en}: ${cat.en} to ${where.en} is outside it${row.note ? ` (${row.note.en})` : ""}`,
      ),
      citations,
    };
  const reqs = row.requirements.map((r) => REQUIREMENT_LABELS[r]);
  const reqText = L(reqs.map((r) => r.ja).join("・"), reqs.map((r) => r.en.toLowerCase()).join(", "));
  if (row.requirements.includes("inform") && input.informed[concern])
    return {
      id: `inform.${concern}`,
      topic: "inform",
      outcome: "licence_required",
      reason: L(
        `${name.ja}: 経済産業大臣から許可申請をすべき旨の通知（インフォーム）を受けているため許可要`,
        `${name.en}: a METI inform notice was received, so a licence is required`,
      ),
      citations: [C.inform, ...row.citations],
    };
  if (exempt.length > 0)
    return {
      id,
      topic: "exception",
      outcome: "exempt",
      reason: L(
        `${name.ja}: 特例（${exempt.map((e) => EXCEPTION_DEFINITIONS[e].label.ja).join("、")}）により客観要件による許可は不要（インフォームを受けた場合を除く）`,
        `${name.en}: the exception (${exempt.map((e) => EXCEPTION_DEFINITIONS[e].label.en).join(", ")}) removes the objective requirements (not an inform notice)`,
      ),
      citations: [...exempt.flatMap((e) => EXCEPTION_DEFINITIONS[e].citations), ...citations],
    };
  if (row.requirements.includes("end_use") && knowsUse(input, concern))
    return {
      id,
      topic: "catch_all",
      outcome: "licence_required",
      reason: L(
        `${name.ja}: ${where.ja}向けの${cat.ja}で、${concern === "wmd" ? "大量破壊兵器等" : "通常兵器"}の開発等に用いられることを知っているため用途要件に該当し許可要`,
        `${name.en}: ${cat.en} to ${where.en}, known to be for ${concern === "wmd" ? "weapons of mass destruction" : "conventional weapons"}: the end-use requirement applies — licence required`,
      ),
      citations,
    };
  if (row.requirements.includes("end_user")) {
    const u = endUserConcern(input, concern);
    if (u.hit)
      return {
        id,
        topic: "catch_all",
        outcome: "licence_required",
        reason: L(
          `${name.ja}: ${where.ja}向けの${cat.ja}で、${u.why.ja}ため需要者要件に該当し許可要`,
          `${name.en}: ${cat.en} to ${where.en}; ${u.why.en}: the end-user requirement applies — licence required`,
        ),
        citations: [...citations, C.akiraka],
      };
    if (u.why.ja)
      return {
        id,
        topic: "catch_all",
        outcome: "not_required",
        reason: L(`${name.ja}: ${u.why.ja}ため許可不要`, `${name.en}: ${u.why.en} — no licence`),
        citations: [...citations, C.akiraka],
      };
  }
  return {
    id,
    topic: "catch_all",
    outcome: "not_required",
    reason: L(
      `${name.ja}: ${where.ja}向けの${cat.ja}に適用される要件（${reqText.ja}${row.informOnlyIfDiversion ? "。インフォームは迂回輸出のおそれがある場合に限る" : ""}）のいずれにも該当しないため許可不要`,
      `${name.en}: none of the requirements for ${cat.en} to ${where.en} (${reqText.en}${row.informOnlyIfDiversion ? "; inform only where diversion is feared" : ""}) is met — no licence`,
    ),
    citations,
  };
}

const join = (findings: Finding[], lang: "ja" | "en"): string =>
  findings
    .map((f) => `・${f.reason[lang]}［${f.citations.map((c) => citationText(c, lang)).join("; ")}］`)
    .join("\n");

/**
 * Decides whether a licence is needed for one item to one destination on one day, with every
 * finding's legal basis. A listed item (1–15) always needs one (全地域); a 16の項 item follows the
 * catch-all table of the edition in force; technology needs one only when it leaves Japan or reaches a
 * non-resident (or a 特定類型 resident), unless an exception recorded with the item applies.
 */
export function determineLicence(
  input: LicenceInput,
  countryGroups: CountryGroupTable,
): LicenceDetermination {
  const findings: Finding[] = [];
  const missing: LicenceDetermination["missing"] = [];
  const cautions: Label[] = [];
  const edition = catchAllEditionOn(input.date);
  if (input.date < "2008-11-01")
    cautions.push(
      L(
        "2008年11月1日より前の日付です。この製品はそれ以前の規則を収録していないため、2008年版の規則で判定しています",
        "The date is before 1 Nov 2008; earlier rules are not included, so the 2008 rules were applied",
      ),
    );
  const item = input.item;
  const dest = input.destinationCountry?.toUpperCase() || null;
  let lookup: GroupLookup | null = null;
  if (dest && dest !== "JP") {
    lookup = lookupCountry(countryGroups, dest, input.date);
    cautions.push(...lookup.cautions);
  }

  let inScope = true;
  if (item.kind === "goods") {
    if (!dest) {
      inScope = false;
      missing.push({ field: "destinationCountry", label: L("仕向地", "Country of destination") });
      findings.push({
        id: "scope.destination_missing",
        topic: "scope",
        outcome: "undetermined",
        reason: L("仕向地が未記録のため判定できません", "The country of destination is not recorded"),
        citations: [C.goodsLicence],
      });
    } else if (dest === "JP") {
      inScope = false;
      findings.push({
        id: "scope.domestic",
        topic: "scope",
        outcome: "not_required",
        reason: L(
          "仕向地が本邦のため貨物の輸出に当たりません",
          "The destination is Japan: not an export of goods",
        ),
        citations: [C.goodsLicence],
      });
    }
    if (item.exceptions.length > 0)
      cautions.push(
        L(
          "技術提供の特例（公知・基礎科学等）は貨物の輸出には適用されません（輸出令第4条の特例は本エンジンでは判定しません）",
          "Technology exceptions (public domain, basic research …) do not apply to goods (ETCO art. 4 exemptions are not decided by this engine)",
        ),
      );
  } else {
    inScope = technologyScope(input, findings, missing);
  }

  const exempt = item.kind === "technology" ? item.exceptions : [];
  if (inScope) {
    if (item.listedItem) {
      const itemLabel = L(`${item.listedItem.replace("-", "の")}の項`, `item ${item.listedItem}`);
      if (exempt.length > 0) {
        findings.push({
          id: "list",
          topic: "exception",
          outcome: "exempt",
          reason: L(
            `リスト規制（外為令別表${itemLabel.ja}）に該当するが、特例（${exempt.map((e) => EXCEPTION_DEFINITIONS[e].label.ja).join("、")}）に当たるため許可不要（該非判定は「該当」のまま）`,
            `Listed (FEO Appended Table ${itemLabel.en}), but the exception (${exempt.map((e) => EXCEPTION_DEFINITIONS[e].label.en).join(", ")}) applies: no licence (the classification stays "listed")`,
          ),
          citations: [
            ...exempt.flatMap((e) => EXCEPTION_DEFINITIONS[e].citations),
            C.techLicence,
            C.techListItems,
          ],
        });
      } else {
        findings.push({
          id: "list",
          topic: "list",
          outcome: "licence_required",
          reason:
            item.kind === "goods"
              ? L(
                  `輸出令別表第1 ${itemLabel.ja}に該当し、地域は全地域のため仕向地にかかわらず許可要`,
                  `Listed in ETCO Appended Table 1 ${itemLabel.en}, controlled to all regions: licence required whatever the destination`,
                )
              : L(
                  `外為令別表 ${itemLabel.ja}に該当し、特定国は全地域のため許可要`,
                  `Listed in FEO Appended Table ${itemLabel.en}, controlled to all regions: licence required`,
                ),
          citations:
            item.kind === "goods" ? [C.goodsLicence, C.goodsListItems] : [C.techLicence, C.techListItems],
        });
      }
    } else if (item.catchAllCategory === "outside") {
      findings.push({
        id: "catch_all.outside",
        topic: "catch_all",
        outcome: "not_applicable",
        reason: L(
          "リスト規制に該当せず、16の項（関税定率法別表の対象類）にも当たらないため許可不要",
          "Not listed and outside item 16 (the customs-tariff chapters it covers): no licence",
        ),
        citations: [C.goodsCatchAllItem],
      });
    } else if (item.catchAllCategory === null) {
      missing.push({
        field: "item.catchAllCategory",
        label: L(
          "16の項の区分（(1)特定品目・(2)その他・対象外）",
          "Item-16 category ((1) specified, (2) other, outside)",
        ),
      });
      findings.push({
        id: "catch_all.category_missing",
        topic: "catch_all",
        outcome: "undetermined",
        reason: L(
          "非該当品の16の項の区分が記録されていないため、キャッチオールを判定できません",
          "The item-16 category of the non-listed item is not recorded, so the catch-all cannot be decided",
        ),
        citations: [C.goodsCatchAllItem],
      });
    } else {
      const category = item.catchAllCategory;
      if (!lookup) {
        missing.push({
          field: "destinationCountry",
          label:
            item.kind === "goods"
              ? L("仕向地", "Country of destination")
              : L("提供地または提供先の所属する国", "Country where provided, or the recipient's country"),
        });
        findings.push({
          id: "catch_all.destination_missing",
          topic: "catch_all",
          outcome: "undetermined",
          reason: L(
            "キャッチオールは仕向地（技術は提供地・提供先の所属国）の区分で決まるため、国が記録されるまで判定できません",
            "The catch-all depends on the destination's group (for technology, where provided or the recipient's country); record the country",
          ),
          citations: [C.goodsCatchAllItem, C.groupA, C.unArmsEmbargo],
        });
      } else {
        for (const concern of ["wmd", "conventional"] as const) {
          const row = catchAllRow(edition, concern, lookup.destinationGroup, category);
          if (!row.verified && row.note)
            cautions.push({ ja: `要確認: ${row.note.ja}`, en: `To verify: ${row.note.en}` });
          findings.push(evaluateCatchAll(input, category, lookup, row, concern, exempt));
        }
        if (
          lookup.destinationGroup === "group_a" &&
          (knowsUse(input, "wmd") || knowsUse(input, "conventional"))
        )
          cautions.push(
            L(
              "グループA向けで客観要件は対象外ですが、兵器の開発等の用途を知っています。取引を止めるか経済産業省に相談してください",
              "Group A is outside the objective requirements, but a weapons use is known: stop or consult METI",
            ),
          );
        if (lookup.destinationGroup === "group_a" && input.diversionConcern)
          cautions.push(
            L(
              "グループA向けでも迂回輸出のおそれがある場合はインフォームの対象となり得ます。経済産業省に相談してください",
              "Even to Group A, a feared diversion can bring an inform notice: consult METI",
            ),
          );
        if (input.use.stated === "unknown" && lookup.destinationGroup !== "group_a")
          cautions.push(
            L(
              "用途が未確認です。取引審査で用途を確認してから判定を確定してください",
              "The end use has not been established: confirm it in the transaction review before relying on this",
            ),
          );
      }
    }
  }

  const final = input.finalDestinationCountry?.toUpperCase();
  if (final && final !== dest && final !== "JP") {
    const f = lookupCountry(countryGroups, final, input.date);
    const rank = { group_a: 0, general: 1, un_arms_embargo: 2 } as const;
    if (!lookup || rank[f.destinationGroup] > rank[lookup.destinationGroup])
      cautions.push(
        L(
          `最終仕向地 ${final} は${{ group_a: "グループA", un_arms_embargo: "国連武器禁輸国", general: "一般国" }[f.destinationGroup]}です。法の区分は直接の仕向地で決まりますが、需要者・用途の確認は最終需要者まで及びます。迂回のおそれがあれば経済産業省に相談してください`,
          `The final destination ${final} is ${{ group_a: "Group A", un_arms_embargo: "UN-embargoed", general: "a general destination" }[f.destinationGroup]}. The legal branch follows the immediate destination, but end-user and end-use checks reach the final user; consult METI if diversion is feared`,
        ),
      );
  }
  if (lookup?.memberships.some((m) => m.group === "concern_table4"))
    cautions.push(
      L(
        `${lookup.country} は輸出令別表第4の懸念国です（少額特例等が使えない仕向地）`,
        `${lookup.country} is in ETCO Appended Table 4 (no small-value exemption etc.)`,
      ),
    );

  const required = findings.filter((f) => f.outcome === "licence_required" && f.topic !== "scope");
  const undetermined = findings.some((f) => f.outcome === "undetermined");
  const result: LicenceResult =
    required.length > 0
      ? required.every((f) => f.topic === "inform")
        ? "inform"
        : "licence_required"
      : undetermined
        ? "undetermined"
        : "not_required";
  const all = findings;
  const head = RESULT_LABELS[result];
  const subject = item.name ? L(`「${item.name}」`, `"${item.name}"`) : L("", "");
  const reasoning: Label = {
    ja: `${subject.ja}判定: ${head.ja}（${edition.title.ja}）\n${join(all, "ja")}`,
    en: `${subject.en ? `${subject.en}: ` : ""}${head.en} (${edition.title.en})\n${join(all, "en")}`,
  };
  return {
    result,
    licenceRequired: result === "licence_required" || result === "inform",
    findings: all,
    reasoning,
    missing,
    cautions,
    destination: lookup,
    catchAllEdition: edition.id,
    relyOnUnverified: all.some((f) => f.citations.some((c) => !c.verified)),
  };
}

/** Several items (a review's goods or technologies) to one destination: the strictest result wins. */
export function combineDeterminations(results: LicenceDetermination[]): LicenceResult {
  if (results.length === 0) return "undetermined";
  if (results.some((r) => r.result === "licence_required")) return "licence_required";
  if (results.some((r) => r.result === "inform")) return "inform";
  if (results.some((r) => r.result === "undetermined")) return "undetermined";
  return "not_required";
}
