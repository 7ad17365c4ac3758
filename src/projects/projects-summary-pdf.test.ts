import { describe, expect, it } from "vitest";
import { extractPdfText } from "../reviews/pdf-text.js";
import { resolvePdfFont } from "../shared/pdf-font.js";
import { CHECK_ITEMS, readinessBlockers } from "./projects-engine.js";
import { type ProjectSummaryView, renderProjectSummaryPdf, summarySections } from "./projects-summary-pdf.js";

const TODAY = "2026-12-06";
const METI = { ja: "経済産業省 外国ユーザーリスト（CSV）", en: "METI End User List (CSV)" };

/** A project as the service returns it: one listed partner, one researcher with an overdue pledge. */
function view(): ProjectSummaryView {
  const partners = [
    {
      partyId: "p1",
      name: "哈尔滨工业大学",
      country: "CN",
      role: "partner",
      screenedAt: "2026-12-01T03:00:00.000Z",
      screening: {
        liveHits: [
          { source: "meti_eul", list: METI, name: "Harbin Institute of Technology", decided: false },
        ],
      },
    },
  ];
  const members = [
    {
      personId: "m1",
      name: "田中 花子",
      role: "pi",
      eradResearcherNumber: "10234567",
      pledgeRequired: true,
      pledge: { dueOn: "2026-11-01", givenOn: null },
      pledgeState: "overdue",
      hasDisclosure: true,
      disclosureDueOn: "2027-04-01",
      disclosureDue: "2027-04-01",
      training: [],
      noAccount: false,
    },
  ];
  const checks = CHECK_ITEMS.map((c, i) => ({
    item: c.id,
    label: c.label,
    basis: c.basis,
    status: i === 0 ? "satisfied" : "open",
    conclusion: i === 0 ? "全相手先を確認した" : null,
    evidence: i === 0 ? [{ text: "スクリーニング記録 2026-12-01", url: null }] : [],
  }));
  const blockers = readinessBlockers({
    today: TODAY,
    partners,
    members,
    checks: checks.map((c) => ({
      item: c.item,
      status: c.status as "open" | "satisfied",
      evidenceCount: c.evidence.length,
    })),
    measures: [],
  });
  return {
    number: 7,
    title: "全固体電池の界面設計に関する国際共同研究",
    summary: null,
    fundingAgency: "科学技術振興機構",
    fundingProgramme: "戦略的創造研究推進事業",
    specifiedProgramme: true,
    usFederal: false,
    applicationDueOn: "2027-01-31",
    department: "工学研究科",
    jpTags: ["jp-01"],
    usTags: ["us-02"],
    requiredModules: [],
    status: "preparing",
    readyAt: null,
    partners,
    members,
    checks,
    measures: [
      {
        kind: "data_segregation",
        description: "共有データを専用サーバに分離する",
        ownerName: "佐藤 美咲",
        dueOn: "2027-01-15",
        status: "planned",
        addresses: ["data_sharing"],
      },
    ],
    assets: [
      {
        kind: "data",
        description: "界面計測データ（原子間力顕微鏡）",
        controlStatus: "listed",
        controlRef: "2(12)",
        location: "工学部3号館 専用サーバ",
        accessLimits: "居住者の登録研究者のみ",
        authorised: [{ name: "田中 花子" }],
        sharedWithName: "Nordic Photonics AB",
        sharingAgreement: "共同研究契約 第7条",
      },
      {
        kind: "equipment",
        description: "Glovebox GX-2",
        controlStatus: "unclassified",
        controlRef: null,
        location: null,
        accessLimits: null,
        authorised: [],
        sharedWithName: null,
        sharingAgreement: null,
      },
    ],
    blockers,
  };
}

describe("research-security summary PDF for the funding agency", () => {
  it("prints the Japanese summary with the Japanese font embedded: partners, hits, pledges, blockers", async () => {
    const font = resolvePdfFont(undefined);
    const pdf = await renderProjectSummaryPdf(
      view(),
      "ja",
      font,
      new Date("2026-12-06T01:00:00Z"),
      "Asia/Tokyo",
    );
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const { text, fonts } = extractPdfText(pdf);
    expect(fonts.some((f) => /NotoSansCJK|BIZUDPGothic|IPAex|Hiragino/.test(f))).toBe(true);
    const flat = text.replaceAll("\n", "");
    for (const expected of [
      "研究セキュリティ確認書（配分機関提出用）",
      "全固体電池の界面設計に関する国際共同研究",
      "哈尔滨工业大学",
      "経済産業省 外国ユーザーリスト（CSV）",
      "該当候補（未判定）",
      "田中 花子",
      "研究代表者",
      "期限超過",
      "バイオ技術",
      "データ分離",
      "e-Rad 誓約の期限 2026-11-01 を過ぎています",
      // The data and equipment register.
      "6. データ・設備の管理台帳",
      "界面計測データ（原子間力顕微鏡）",
      "リスト規制該当",
      "該当項番: 2(12)",
      "保管場所: 工学部3号館 専用サーバ",
      "アクセス制限: 居住者の登録研究者のみ",
      "利用できる研究者: 田中 花子",
      "共有先: Nordic Photonics AB（根拠となる取決め 共同研究契約 第7条）",
      "Glovebox GX-2",
      "未判定",
    ])
      expect(flat).toContain(expected);
    expect(flat).not.toContain("Research-security summary");
  });

  it("prints the English summary, and the bundled font works where no system font is installed", async () => {
    const font = resolvePdfFont(undefined, () => false);
    expect(font.source).toBe("bundled");
    const pdf = await renderProjectSummaryPdf(
      view(),
      "en",
      font,
      new Date("2026-12-06T01:00:00Z"),
      "Asia/Tokyo",
    );
    const { text, fonts } = extractPdfText(pdf);
    expect(fonts.some((f) => f.includes("BIZUDPGothic"))).toBe(true);
    const flat = text.replaceAll("\n", "");
    for (const expected of [
      "Research-security summary for the funding agency",
      "METI End User List (CSV)",
      "possible match (undecided)",
      "Principal investigator",
      "Overdue",
      "Biotechnology",
      "e-Rad pledge overdue since 2026-11-01",
      "6. Data and equipment register",
      "Listed (controlled)",
      "Control-list entry: 2(12)",
      "Authorised members: 田中 花子",
      "Shared with: Nordic Photonics AB",
      "Not classified",
      // Names stay as entered, in their own script. (The bundled BIZ UDPGothic has no simplified
      // Chinese glyphs such as 尔/滨: 哈尔滨工业大学 prints fully only with Noto CJK installed.)
      "田中 花子",
    ])
      expect(flat).toContain(expected);
    expect(flat).not.toContain("研究セキュリティ確認書");
  });

  it("lists every checklist item with its status, and says when nothing is unresolved", () => {
    const ready = { ...view(), blockers: [], status: "ready", readyAt: "2026-12-06T02:00:00.000Z" };
    const sections = summarySections(ready, "ja", "Asia/Tokyo");
    const checklist = sections[3]!.rows;
    expect(checklist).toHaveLength(CHECK_ITEMS.length);
    expect(checklist[0]![0]).toContain("問題なし");
    expect(checklist[1]![0]).toContain("未完了");
    const register = sections[5]!;
    expect(register.heading).toBe("6. データ・設備の管理台帳");
    expect(register.rows).toHaveLength(2);
    expect(register.rows[1]![0]).toBe("設備・機器: Glovebox GX-2\n未判定");
    const empty = summarySections({ ...ready, assets: [] }, "en", "Asia/Tokyo")[5]!;
    expect(empty.rows).toEqual([["None", ""]]);
    const readiness = new Map(sections[6]!.rows);
    expect(readiness.get("状態")).toBe("申請準備完了");
    expect(readiness.get("未解決の事項")).toBe("未解決の事項はありません");
    expect(readiness.get("申請準備完了の確認日時")).toContain("2026");
  });
});
