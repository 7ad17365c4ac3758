import type { DemoSeeder } from "../app/demo.js";
import type { Actor } from "../shared/actor.js";
import { AppError } from "../shared/errors.js";
import { EMPTY_EXPORT_FACTS } from "./export-determination-engine.js";
import { plainAnswersFor } from "./questionnaire-engine.js";
import type { ReviewFormInput } from "./reviews-service.js";

/**
 * Demo data for reviews and people: person records with 特定類型 and research-integrity
 * declarations, and realistic applications in different states of the workflow. Steps that need
 * screening (取引審査, approval) are taken only when the screening module answers.
 */
export const reviewsDemoSeeder: DemoSeeder = {
  key: "demo.reviews_people",
  async seed({ services, actor, log }) {
    const users = new Map<string, Actor>();
    for (const name of ["tanaka", "suzuki", "sato", "takahashi"]) {
      const u = await services.auth.findByUsername(name);
      if (u) users.set(name, { id: u.id, label: u.username, roles: u.roles, locale: "ja" });
    }
    const tanaka = users.get("tanaka");
    const suzuki = users.get("suzuki");
    const sato = users.get("sato");
    if (!tanaka || !suzuki || !sato) {
      log("  demo reviews: skipped (demo users missing)");
      return;
    }
    const find = async (q: string) => (await services.parties.list({ q, page: 1, pageSize: 1 })).items[0];
    const partyOrNew = async (q: string, input: Parameters<typeof services.parties.create>[1]) =>
      (await find(q)) ?? (await services.parties.create(actor, input));

    const hit = await partyOrNew("Harbin Institute", {
      kind: "organization",
      names: [{ name: "Harbin Institute of Technology" }],
      country: "CN",
    });
    const bit = await partyOrNew("Beijing Institute", {
      kind: "organization",
      names: [{ name: "Beijing Institute of Technology" }],
      country: "CN",
    });
    const sakura = await partyOrNew("さくら精密", {
      kind: "organization",
      names: [{ name: "株式会社さくら精密" }],
      country: "JP",
    });
    const nordic = await partyOrNew("Nordic Photonics", {
      kind: "organization",
      names: [{ name: "Nordic Photonics AB" }],
      country: "SE",
    });
    const yamada = await partyOrNew("山田 太郎", {
      kind: "person",
      names: [{ name: "山田 太郎" }],
      country: "JP",
    });
    const tanakaParty = await partyOrNew("田中 花子", {
      kind: "person",
      names: [{ name: "田中 花子" }, { name: "TANAKA Hanako", kind: "transliteration" }],
      country: "JP",
    });
    const li = await partyOrNew("李 明", {
      kind: "person",
      names: [{ name: "李 明" }, { name: "LI Ming", kind: "transliteration" }],
    });

    // — People —
    const people = services.people;
    const pTanaka = await people.create(sato, {
      partyId: tanakaParty.id,
      userId: tanaka.id,
      category: "staff",
      department: "工学研究科 材料工学専攻",
      eradResearcherNumber: "10234567",
    });
    await people
      .submitDisclosure(tanaka, pTanaka.id, {
        submittedOn: new Date().toISOString().slice(0, 10),
        career: [
          {
            from: "2012-04-01",
            to: "2015-03-31",
            organisation: "Nordic Photonics AB",
            position: "Research engineer",
          },
          { from: "2015-04-01", to: null, organisation: "本学 工学研究科", position: "准教授" },
        ],
        affiliations: [
          {
            kind: "position",
            organisation: { name: "本学", partyId: null },
            position: "准教授",
            from: "2015-04-01",
            to: null,
            effortPercent: 70,
            paid: true,
            confidentiality: false,
          },
          {
            kind: "outside_appointment",
            organisation: { name: "株式会社さくら精密", partyId: sakura.id },
            position: "技術顧問",
            from: "2024-04-01",
            to: null,
            effortPercent: 5,
            paid: true,
            confidentiality: true,
          },
        ],
        funds: [
          {
            title: "全固体電池用硫化物電解質の界面設計",
            programme: "科研費 基盤研究(B)",
            provider: { name: "日本学術振興会", partyId: null },
            status: "received",
            inERad: true,
            amountJpy: 13_500_000,
            from: "2025-04-01",
            to: "2028-03-31",
            effortPercent: 20,
            confidentiality: false,
          },
          {
            title: "次世代蓄電材料の共同開発",
            programme: "民間共同研究",
            provider: { name: "Nordic Photonics AB", partyId: nordic.id },
            status: "applied",
            inERad: false,
            amountJpy: 5_000_000,
            from: "2026-10-01",
            to: null,
            effortPercent: 5,
            confidentiality: true,
          },
        ],
        nonMonetary: [
          {
            description: "分析装置の無償貸与",
            provider: { name: "株式会社さくら精密", partyId: sakura.id },
            from: "2025-06-01",
            confidentiality: false,
          },
        ],
        pledge: true,
      })
      .catch(ignoreUnavailable);
    const pYamada = await people.create(sato, {
      partyId: yamada.id,
      category: "researcher",
      department: "客員研究員",
    });
    await people.recordResidency(
      sato,
      pYamada.id,
      { kind: "long_term_in_japan", personType: "japanese_national" },
      "国内在住",
    );
    // An adviser contract with a foreign company is 特定類型① (a contract under which he owes the company
    // a duty of care), not ②: ② counts only money from a foreign government etc.
    await people.declareTokutei(sato, pYamada.id, {
      declaredOn: new Date().toISOString().slice(0, 10),
      type1: {
        applies: true,
        counterparty: "海外企業（技術顧問契約の相手方）",
        detail: "技術顧問契約（委任契約）に基づき助言を行い、相手方に善管注意義務を負う",
      },
      type2: {
        fiscalYear: String(new Date().getUTCFullYear() - 1),
        foreignIncomeJpy: 0,
        totalIncomeJpy: 9_000_000,
        sources: "",
      },
      type3: { applies: false, detail: "" },
      evidence:
        "顧問契約書の写し（事務局で確認済み）。顧問料は外国企業からのもので、外国政府等からの収入はない",
      nextReviewOn: null,
      pledge: true,
    });
    const pLi = await people.create(sato, {
      partyId: li.id,
      category: "visitor",
      department: "来訪研究者（予定）",
    });
    const arrived = new Date(Date.now() - 60 * 86_400_000).toISOString().slice(0, 10);
    await people.recordResidency(
      sato,
      pLi.id,
      { kind: "arrived_in_japan", date: arrived, employedInJapan: false, personType: "foreign_national" },
      "短期滞在",
    );

    // — Reviews —
    const r = services.reviews;
    const today = new Date();
    const day = (n: number) => new Date(today.getTime() + n * 86_400_000).toISOString().slice(0, 10);
    const form = (
      type: Parameters<typeof r.create>[1],
      title: string,
      counterparties: { partyId: string; role: string }[],
      extra: Partial<ReviewFormInput> & { answers?: Record<string, string | number | boolean> } = {},
    ): ReviewFormInput => ({
      title,
      unit: "工学研究科",
      details: {
        topic: "全固体電池の電解質材料",
        dataInvolved: "未公開の実験データ",
        startDate: day(30),
        endDate: day(120),
        purpose: "共同研究の打合せ",
        ...extra.details,
      },
      answers: { ...plainAnswersFor(type), ...extra.answers },
      notes: extra.notes ?? {},
      counterparties,
      topicTags: extra.topicTags ?? { jp: ["jp-12", "jp-20"], us: ["us-08"] },
    });

    // 1. A draft the applicant is still writing.
    await r.create(tanaka, "joint_research", {
      ...form("joint_research", "Nordic Photonics AB との共同研究（蓄電材料）", [
        { partyId: nordic.id, role: "partner" },
      ]),
      answers: {},
    });
    // 2. Submitted, waiting for the unit officer: a visitor from a university with defence links.
    const visit = await r.create(
      tanaka,
      "acceptance",
      form(
        "acceptance",
        "北京理工大学からの客員研究員の受入れ",
        [
          { partyId: li.id, role: "visitor" },
          { partyId: bit.id, role: "home_institution" },
        ],
        { answers: { acceptance_kind: "researcher", lab_access: true } },
      ),
    );
    await r.transition(tanaka, visit.id, { action: "submit" });
    // 3. Technology provision to a person with a 特定類型① declaration: forwarded to 取引審査.
    let tech = await r.create(
      tanaka,
      "technology_provision",
      form(
        "technology_provision",
        "山田太郎氏への電解質合成技術の提供",
        [{ partyId: yamada.id, role: "recipient" }],
        {
          answers: { provision_method: "training", recipient_residency: "resident", controlled_tech: true },
          notes: {
            controlled_tech: "合成条件（温度・雰囲気）のノウハウは未公開。リスト規制に当たるか確認したい",
          },
        },
      ),
    );
    tech = await r.transition(tanaka, tech.id, { action: "submit" });
    // The electrolyte know-how is not 5項 (advanced materials): the item master holds its corrected
    // 判定 (not listed, 16の項(2)), which the review reuses by linking the item.
    const knowHow = (await services.exportItems.list(suzuki, { search: "硫化物電解質" }))[0];
    if (knowHow)
      tech = await r.setItems(suzuki, tech.id, tech.version, [
        { itemId: knowHow.id, quantity: null, unit: null, valueJpy: null, extraExceptions: [], note: null },
      ]);
    tech = await r.setExportFacts(suzuki, tech.id, tech.version, {
      ...EMPTY_EXPORT_FACTS,
      destinationCountry: "SG",
      statedUse: "civil",
      useNote: "顧問先企業での電池材料の研究開発（民生用途）",
    });
    tech = await r.classify(suzuki, tech.id, tech.version, {
      classification: {
        listStatus: "not_listed",
        regime: "fx_order",
        item: null,
        subItem: null,
        provision: null,
        catchAllCategory: "16-2",
        exceptions: [],
        rationale:
          "品目マスタの判定（硫化物電解質の合成条件: 非該当・16の項(2)）を使用。5項（先端材料）には当たらない",
        reference: "品目マスタ・パラメータシート 7項",
      },
      topicTags: { jp: ["jp-12", "jp-20"], us: ["us-02", "us-08"] },
    });
    await r.transition(suzuki, tech.id, { action: "forward" });
    // 4. Returned for revision.
    const trip = await r.create(
      tanaka,
      "overseas_trip",
      form("overseas_trip", "ハルビン工業大学での学会発表と研究室訪問", [{ partyId: hit.id, role: "host" }], {
        answers: { destination: "ハルビン（中国）", carrying_goods: true, public_only: true },
      }),
    );
    await r.transition(tanaka, trip.id, { action: "submit" });
    await r.transition(suzuki, trip.id, {
      action: "return",
      comment: "携行するPC内のデータ（未公開データの有無）を記載してください",
    });
    // 5. Withdrawn.
    const gift = await r.create(
      tanaka,
      "donation_grant",
      form(
        "donation_grant",
        "株式会社さくら精密からの寄附金受入れ",
        [{ partyId: sakura.id, role: "funder" }],
        { answers: { amount_jpy: 3_000_000 } },
      ),
    );
    await r.transition(tanaka, gift.id, { action: "withdraw" });
    log(
      "  demo reviews: 5 applications (draft, unit check, 取引審査, returned, withdrawn) and 3 person records",
    );
  },
};

/** The demo goes on without screening results while the screening module is not available. */
function ignoreUnavailable(error: unknown): void {
  if (error instanceof AppError && (error.status === 503 || error.code === "no_lists")) return;
  throw error;
}
