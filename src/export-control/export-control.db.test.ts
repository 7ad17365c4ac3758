import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EMPTY_EXPORT_FACTS } from "../reviews/export-determination-engine.js";
import { extractPdfText } from "../reviews/pdf-text.js";
import { completeForm, reviewTestbed } from "../reviews/testing/review-fixtures.js";
import type { Actor } from "../shared/actor.js";
import { systemActor } from "../shared/actor.js";
import { AppError } from "../shared/errors.js";
import { resolvePdfFont } from "../shared/pdf-font.js";
import { cleanTransactionCheck } from "../testing/review-fixtures.js";
import { createTestDatabase } from "../testing/test-db.js";
import { BUILT_IN_COUNTRY_GROUPS } from "./country-groups.js";
import { renderItemDocument } from "./item-pdf.js";
import type { LicenceInput } from "./licences-service.js";

let tb: Awaited<ReturnType<typeof reviewTestbed>>;
let now = new Date("2026-05-01T09:00:00Z");
let applicant: Actor;
let unit: Actor;
let sec: Actor;
let approver: Actor;
let auditor: Actor;

async function refusal(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected the call to be refused");
}

const cleanCheck = cleanTransactionCheck("懸念なし");

const licence = (over: Partial<LicenceInput> = {}): LicenceInput => ({
  kind: "individual",
  status: "valid",
  licenceNumber: "TEST-0001",
  holder: "テスト大学",
  appliedOn: "2026-03-01",
  issuedOn: "2026-04-01",
  validFrom: "2026-04-01",
  validUntil: "2026-10-31",
  conditions: "",
  items: [],
  destinations: ["TH"],
  quantityLimit: null,
  quantityUnit: null,
  valueLimitJpy: null,
  responsibleUserId: null,
  note: null,
  ...over,
});

beforeAll(async () => {
  tb = await reviewTestbed(await createTestDatabase(), {}, () => now);
  applicant = await tb.user(["applicant"], "tanaka");
  unit = await tb.user(["unit_officer"], "suzuki");
  sec = await tb.user(["secretariat"], "sato");
  approver = await tb.user(["approver"], "takahashi");
  auditor = await tb.user(["auditor"], "ito");
});
afterAll(async () => {
  await tb?.close();
});

describe("item master (品目マスタ)", () => {
  it("keeps an exception in addition to the item, validates the 判定, prints its PDFs with the Japanese font", async () => {
    const items = tb.services.exportItems;
    const bad = await refusal(
      items.create(unit, {
        kind: "goods",
        name: "",
        description: "",
        judgement: {
          listStatus: "not_listed",
          item: null,
          subItem: null,
          provision: null,
          catchAllCategory: null,
          exceptions: [{ code: "public_domain", use: "published", basis: "カタログ" }],
        },
        rationale: "短い",
        decidedOn: "2026-05-01",
        recheckOn: "2026-04-01",
      }),
    );
    expect(bad.fields!.map((f) => f.path).sort()).toEqual(
      [
        "judgement.catchAllCategory",
        "judgement.exceptions",
        "judgement.exceptions.0.basis",
        "name",
        "rationale",
        "recheckOn",
      ].sort(),
    );
    expect((await refusal(items.create(applicant, { kind: "goods" } as never))).status).toBe(403);

    const tech = await items.create(unit, {
      kind: "technology",
      name: "高温超電導線材の製造技術",
      description: "線材の製造条件",
      judgement: {
        listStatus: "listed",
        item: "5",
        subItem: "(1)",
        provision: { ordinance: "goods_ordinance", article: 17, paragraph: 1, item: 1, sub: null },
        catchAllCategory: null,
        exceptions: [
          { code: "basic_research", use: "basic_research", basis: "原理の究明を目的とする共同研究" },
        ],
      },
      rationale: "パラメータシート5項で仕様を照合し該当",
      decidedOn: "2026-05-01",
      recheckOn: "2027-05-01",
    });
    expect(tech.refNo).toMatch(/^IT-\d{4}$/);
    expect(tech.judgement.listStatus).toBe("listed");
    expect(tech.judgement.exceptions.map((e) => e.code)).toEqual(["basic_research"]);
    expect(tech.summary.ja).toContain("該当: 外為令 5項 先端材料 (1)");
    expect(tech.summary.ja).toContain("貨物等省令 第17条第1項第1号");
    expect(tech.summary.ja).toContain("＋特例: 基礎科学分野");
    expect(tech.decidedBy?.name).toBe("suzuki");

    // A basis document: the type comes from the content.
    const pdfBytes = Buffer.from("%PDF-1.4\n%test\n");
    const withDoc = await items.addAttachment(unit, tech.id, "maker_determination", {
      fileName: "maker.pdf",
      content: pdfBytes,
      truncated: false,
    });
    expect(withDoc.attachments).toHaveLength(1);
    expect(withDoc.attachments[0]).toMatchObject({
      kind: "maker_determination",
      mediaType: "application/pdf",
    });
    const refused = await refusal(
      items.addAttachment(unit, tech.id, "other", {
        fileName: "x.exe",
        content: Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]),
        truncated: false,
      }),
    );
    expect(refused.status).toBe(415);

    const pdf = await renderItemDocument(
      withDoc,
      "determination",
      "ja",
      resolvePdfFont(undefined),
      "テスト大学 安全保障輸出管理室",
      now,
    );
    const { text, fonts } = extractPdfText(pdf);
    expect(text).toContain("該非判定書");
    expect(text).toContain("高温超電導線材の製造技術");
    expect(text).toContain("基礎科学分野の研究活動における提供");
    expect(text).toContain("maker.pdf");
    expect(fonts.length).toBeGreaterThan(0);

    const audit = await tb.services.audit.forEntity("export_item", tech.id);
    expect(audit.items.map((i) => i.action)).toEqual(
      expect.arrayContaining(["export_item.created", "export_item.attachment_added"]),
    );
  });

  it("opens a re-check task once per due date", async () => {
    const it0 = await tb.services.exportItems.create(unit, {
      kind: "goods",
      name: "汎用オシロスコープ",
      description: "",
      judgement: {
        listStatus: "not_listed",
        item: null,
        subItem: null,
        provision: null,
        catchAllCategory: "16-1",
        exceptions: [],
      },
      rationale: "パラメータシート3A002で非該当を確認",
      decidedOn: "2026-05-01",
      recheckOn: "2026-05-20",
    });
    const actor = systemActor("test");
    expect(await tb.services.exportItems.runRecheckReminders(actor)).toBeGreaterThanOrEqual(1);
    const tasks = await tb.services.tasks.openTasksFor("export_item", it0.id);
    expect(tasks).toHaveLength(1);
    await tb.services.tasks.complete(unit, tasks[0]!.id);
    await tb.services.exportItems.runRecheckReminders(actor);
    expect(await tb.services.tasks.openTasksFor("export_item", it0.id)).toHaveLength(0);
  });
});

describe("licence register", () => {
  it("records usage against quantity and value, refuses beyond the limit, reminds at 60 and 30 days", async () => {
    const l = tb.services.licences;
    expect((await refusal(l.create(unit, licence()))).status).toBe(403);
    const bad = await refusal(
      l.create(sec, licence({ licenceNumber: null, validUntil: null, destinations: ["XX"] })),
    );
    expect(bad.fields!.map((f) => f.path).sort()).toEqual(["destinations.0", "licenceNumber", "validUntil"]);
    const created = await l.create(
      sec,
      licence({
        kind: "specific_bulk",
        validUntil: "2026-06-25",
        quantityLimit: 10,
        quantityUnit: "台",
        valueLimitJpy: 1_000_000,
      }),
    );
    expect(created.refNo).toMatch(/^LC-2026-\d{4}$/);
    let view = await l.recordUsage(sec, created.id, {
      usedOn: "2026-05-02",
      quantity: 6,
      valueJpy: 600_000,
      reviewId: null,
      note: null,
    });
    expect(view).toMatchObject({ usedQuantity: 6, usedValueJpy: 600_000, useCount: 1 });
    const over = await refusal(
      l.recordUsage(sec, created.id, {
        usedOn: "2026-05-03",
        quantity: 5,
        valueJpy: 1,
        reviewId: null,
        note: null,
      }),
    );
    expect(over.code).toBe("licence_does_not_cover");
    expect(over.messages.ja).toContain("残数量");
    const late = await refusal(
      l.recordUsage(sec, created.id, {
        usedOn: "2026-07-01",
        quantity: 1,
        valueJpy: 1,
        reviewId: null,
        note: null,
      }),
    );
    expect(late.messages.en).toContain("expired");
    view = await l.get(auditor, created.id);
    expect(view.usages).toHaveLength(1);
    expect(view.expiry).toBe("due_60");

    const actor = systemActor("test");
    await l.runExpiryReminders(actor);
    let open = await tb.services.tasks.openTasksFor("licence", created.id);
    expect(open.map((t) => t.kind)).toEqual(["licence.expiry_60"]);
    await tb.services.tasks.complete(sec, open[0]!.id);
    await l.runExpiryReminders(actor);
    expect(await tb.services.tasks.openTasksFor("licence", created.id)).toHaveLength(0);
    now = new Date("2026-06-01T09:00:00Z");
    await l.runExpiryReminders(actor);
    open = await tb.services.tasks.openTasksFor("licence", created.id);
    expect(open.map((t) => t.kind)).toEqual(["licence.expiry_30"]);
    await tb.services.mailSender.sendPending().catch(() => undefined);
    const outbox = await tb.services.tasks.outbox(50);
    expect(outbox.some((m) => m.kind === "licence.expiry_30")).toBe(true);
    now = new Date("2026-05-01T09:00:00Z");
  });
});

describe("a review that needs a licence", () => {
  it("cannot be approved without a valid linked licence, then can; conditions become tracked tasks", async () => {
    const r = tb.services.reviews;
    const consignee = await tb.party({
      kind: "organization",
      names: [{ name: "Siam Test Trading Co." }],
      country: "TH",
    });
    const tool = await tb.services.exportItems.create(unit, {
      kind: "goods",
      name: "数値制御工作機械（テスト）",
      description: "",
      judgement: {
        listStatus: "listed",
        item: "6",
        subItem: "(2)",
        provision: null,
        catchAllCategory: null,
        exceptions: [],
      },
      rationale: "パラメータシート6項で該当を確認",
      decidedOn: "2026-05-01",
      recheckOn: null,
    });
    let review = await r.create(
      applicant,
      "goods_export",
      completeForm("goods_export", [{ partyId: consignee.id, role: "consignee" }]),
    );
    review = await r.transition(applicant, review.id, { action: "submit" });
    review = await r.setItems(unit, review.id, review.version, [
      { itemId: tool.id, quantity: 2, unit: "台", valueJpy: 40_000_000, extraExceptions: [], note: null },
    ]);
    // The destination came from the consignee's location; the item reuses the master's 判定.
    expect(review.licence.destination).toMatchObject({ country: "TH", source: "counterparty" });
    expect(review.licence.result).toBe("licence_required");
    const listFinding = review.licence.items[0]!.findings.find((f) => f.id === "list")!;
    expect(listFinding.citations.map((c) => c.ja)).toEqual([
      "外為法 第48条第1項",
      "輸出令 第1条第1項・別表第1（1〜15の項）",
    ]);
    expect(listFinding.reason.ja).toContain("6の項");
    expect(review.routing.track).toBe("full");
    review = await r.transition(unit, review.id, { action: "forward" });
    review = await r.recordTransactionCheck(sec, review.id, review.version, cleanCheck);
    review = await r.transition(sec, review.id, { action: "complete_check" });
    expect(review.status).toBe("approval");
    const blocked = await refusal(r.transition(approver, review.id, { action: "approve" }));
    expect(blocked.code).toBe("licence_missing");
    expect(blocked.messages.ja).toContain("有効な許可");
    expect((await r.get(approver, review.id)).actions).toContain("approve");

    // A licence for another destination does not cover it.
    const wrong = await tb.services.licences.create(
      sec,
      licence({ destinations: ["VN"], items: [{ itemId: tool.id, listedItem: "6", description: "" }] }),
    );
    review = await r.linkLicence(sec, review.id, wrong.id, true);
    expect(review.licence.gate.satisfied).toBe(false);
    expect(review.licence.linked[0]!.reason.ja).toContain("TH");
    expect((await refusal(r.transition(approver, review.id, { action: "approve" }))).code).toBe(
      "licence_missing",
    );
    expect((await refusal(r.linkLicence(approver, review.id, wrong.id, true))).status).toBe(403);

    const right = await tb.services.licences.create(
      sec,
      licence({ items: [{ itemId: tool.id, listedItem: "6", description: "" }] }),
    );
    review = await r.linkLicence(sec, review.id, right.id, true);
    expect(review.licence.gate).toMatchObject({ required: true, satisfied: true, pending: false });
    review = await r.transition(approver, review.id, {
      action: "approve_with_conditions",
      conditions: "x",
      conditionItems: [
        { text: "出荷前に仕向先の据付場所を写真で確認する", ownerUserId: applicant.id, dueOn: "2026-06-01" },
        { text: "出荷後に許可の使用実績を記録する", ownerUserId: sec.id, dueOn: "2026-06-15" },
      ],
    });
    expect(review.status).toBe("approved_with_conditions");
    const conditions = await tb.services.aftercare.conditions(sec, { reviewId: review.id });
    expect(conditions.map((c) => [c.owner.name, c.dueOn, c.status])).toEqual([
      ["tanaka", "2026-06-01", "open"],
      ["sato", "2026-06-15", "open"],
    ]);
    const applicantTasks = await tb.services.tasks.listMine(applicant);
    expect(
      applicantTasks.some((t) => t.kind === "review.condition" && t.dueAt?.startsWith("2026-06-01")),
    ).toBe(true);
    // The owner closes hers with evidence; the secretariat cannot be bypassed by someone else.
    expect(
      (
        await refusal(
          tb.services.aftercare.closeCondition(unit, conditions[0]!.id, { status: "done", evidence: "写真" }),
        )
      ).status,
    ).toBe(403);
    const closed = await tb.services.aftercare.closeCondition(applicant, conditions[0]!.id, {
      status: "done",
      evidence: "据付場所の写真を添付",
    });
    expect(closed.find((c) => c.id === conditions[0]!.id)!.status).toBe("done");
    const stored = await tb.services.reviews.get(auditor, review.id);
    expect(stored.licence.linked.map((l) => l.refNo)).toEqual([wrong.refNo, right.refNo]);
    const row = (await tb.services.audit.forEntity("review", review.id)).items.find(
      (i) => i.action === "review.approve_with_conditions",
    )!;
    expect(row.after).toMatchObject({ licence: { result: "licence_required" } });
  });

  it("technology provisions are logged under an approved review and count against its licence", async () => {
    const r = tb.services.reviews;
    const uni = await tb.party({
      kind: "organization",
      names: [{ name: "Example Polytechnic (test)" }],
      country: "SG",
    });
    let review = await r.create(
      applicant,
      "technology_provision",
      completeForm("technology_provision", [{ partyId: uni.id, role: "recipient" }], {
        recipient_residency: "non_resident",
      }),
    );
    review = await r.transition(applicant, review.id, { action: "submit" });
    review = await r.classify(unit, review.id, review.version, {
      classification: {
        listStatus: "listed",
        regime: "fx_order",
        item: "9",
        subItem: "(7)",
        provision: null,
        catchAllCategory: null,
        exceptions: [],
        rationale: "暗号機能のソースコードで9項(7)に該当",
        reference: null,
      },
      topicTags: { jp: [], us: [] },
    });
    review = await r.setExportFacts(unit, review.id, review.version, {
      ...EMPTY_EXPORT_FACTS,
      statedUse: "civil",
    });
    expect(review.licence.recipient.residency).toBe("non_resident");
    expect(review.licence.result).toBe("licence_required");
    const early = await refusal(
      tb.services.aftercare.recordProvision(applicant, {
        reviewId: review.id,
        licenceId: null,
        itemId: null,
        what: "ソースコード",
        recipientPartyId: uni.id,
        recipientName: "Example Polytechnic",
        providedOn: "2026-05-02",
        method: "cloud_share",
        country: "SG",
        note: null,
      }),
    );
    expect(early.code).toBe("review_not_approved");
    review = await r.transition(unit, review.id, { action: "forward" });
    review = await r.recordTransactionCheck(sec, review.id, review.version, cleanCheck);
    review = await r.transition(sec, review.id, { action: "complete_check" });
    const lic = await tb.services.licences.create(
      sec,
      licence({ destinations: ["SG"], items: [{ itemId: null, listedItem: "9", description: "9項(7)" }] }),
    );
    review = await r.linkLicence(sec, review.id, lic.id, true);
    review = await r.transition(approver, review.id, { action: "approve" });
    const noLicence = await refusal(
      tb.services.aftercare.recordProvision(applicant, {
        reviewId: review.id,
        licenceId: null,
        itemId: null,
        what: "ソースコード",
        recipientPartyId: uni.id,
        recipientName: "Example Polytechnic",
        providedOn: "2026-05-02",
        method: "cloud_share",
        country: "SG",
        note: null,
      }),
    );
    expect(noLicence.fields!.map((f) => f.path)).toEqual(["licenceId"]);
    const log = await tb.services.aftercare.recordProvision(applicant, {
      reviewId: review.id,
      licenceId: lic.id,
      itemId: null,
      what: "暗号モジュールのソースコード v1.2",
      recipientPartyId: uni.id,
      recipientName: "Example Polytechnic",
      providedOn: "2026-05-02",
      method: "video_call",
      country: "SG",
      note: "画面共有で説明し、リポジトリへのアクセス権を付与",
    });
    expect(log.map((p) => [p.method, p.licenceRef])).toEqual([["video_call", lic.refNo]]);
    expect((await tb.services.licences.get(sec, lic.id)).useCount).toBe(1);
  });

  it("hand-carried laptops are checked on return; an item left abroad goes to the secretariat", async () => {
    const r = tb.services.reviews;
    const host = await tb.party({
      kind: "organization",
      names: [{ name: "Lab Abroad (test)" }],
      country: "DE",
    });
    const review = await r.create(
      applicant,
      "overseas_trip",
      completeForm("overseas_trip", [{ partyId: host.id, role: "host" }]),
    );
    const added = await tb.services.aftercare.addHandCarry(applicant, review.id, {
      kind: "laptop",
      description: "研究用ノートPC（暗号化済み）",
      itemId: null,
      outOn: "2026-05-10",
      returnDueOn: "2026-05-20",
    });
    expect(added[0]).toMatchObject({ returnStatus: "pending", overdue: false });
    expect(
      (await tb.services.tasks.listMine(applicant)).some((t) => t.kind === "review.hand_carry_return"),
    ).toBe(true);
    const bad = await refusal(
      tb.services.aftercare.checkReturn(applicant, added[0]!.id, {
        status: "left_abroad",
        returnedOn: null,
        note: "",
      }),
    );
    expect(bad.fields!.map((f) => f.path)).toEqual(["note"]);
    const checked = await tb.services.aftercare.checkReturn(applicant, added[0]!.id, {
      status: "left_abroad",
      returnedOn: null,
      note: "共同研究先に貸与したまま",
    });
    expect(checked[0]!.returnStatus).toBe("left_abroad");
    expect(
      (await tb.services.tasks.listMine(sec)).some((t) => t.kind === "review.hand_carry_not_returned"),
    ).toBe(true);
  });
});

describe("country groups and self-inspection", () => {
  it("imports a new table without code and refuses a bad one without changing anything", async () => {
    const cg = tb.services.countryGroups;
    expect((await cg.current()).source).toBe("built_in");
    const bad = await refusal(cg.importTable(sec, { format: "x", editions: [] }, null));
    expect(bad.status).toBe(400);
    expect((await cg.current()).source).toBe("built_in");
    const next = structuredClone(BUILT_IN_COUNTRY_GROUPS);
    next.editions.push({
      ...next.editions.find((e) => e.id === "etco-t3-2023-07-21")!,
      id: "etco-t3-2030-test",
      effectiveFrom: "2030-01-01",
      members: next.editions
        .find((e) => e.id === "etco-t3-2023-07-21")!
        .members.filter((m) => m.code !== "AR"),
    });
    await cg.importTable(sec, next, "テスト: 2030年の改正");
    expect((await cg.current()).source).toBe("imported");
    expect((await cg.lookup("AR", "2030-02-01")).destinationGroup).toBe("general");
    expect((await cg.lookup("AR", "2029-12-31")).destinationGroup).toBe("group_a");
    await cg.useBuiltIn(sec);
    expect((await cg.current()).source).toBe("built_in");
  });

  it("stores answers and evidence, refuses to complete with gaps, and exports the year's statistics", async () => {
    const s = tb.services.selfInspection;
    expect(await s.runYearlyTask(systemActor("test"))).toBe(true);
    expect(await s.runYearlyTask(systemActor("test"))).toBe(false);
    let v = await s.save(sec, 2026, {
      "s1-classification-officer": { answer: "yes", note: "", evidence: "規程第5条で選任" },
    });
    expect(v.missing).not.toContain("s1-classification-officer");
    const gaps = await refusal(s.complete(sec, 2026));
    expect(gaps.code).toBe("inspection_incomplete");
    v = await s.addEvidence(sec, 2026, "s2-training", {
      fileName: "研修記録.txt",
      content: Buffer.from("研修 2026-04-10 出席者 40名"),
      truncated: false,
    });
    expect(v.evidenceFiles[0]).toMatchObject({ questionId: "s2-training", fileName: "研修記録.txt" });
    const all = Object.fromEntries(
      v.questions.map((q) => [q.id, { answer: "yes" as const, note: "", evidence: "規程・記録あり" }]),
    );
    v = await s.save(sec, 2026, all);
    v = await s.complete(sec, 2026);
    expect(v.status).toBe("completed");
    expect((await refusal(s.save(sec, 2026, all))).code).toBe("inspection_completed");
    const stats = await s.statistics(auditor, 2026);
    expect(stats.byActivity.goods_export).toBeGreaterThanOrEqual(1);
    expect(stats.byDetermination.licence_required).toBeGreaterThanOrEqual(1);
    expect(stats.licences.length).toBeGreaterThanOrEqual(1);
    const csv = await s.csv(auditor, 2026, "ja");
    expect(csv.startsWith("\uFEFF区分,キー,名称,値")).toBe(true);
    expect(csv).toContain("貨物・サンプルの輸出");
    expect(csv).toContain("許可要");
    const pdf = await s.pdf(auditor, 2026, "ja", resolvePdfFont(undefined));
    expect(extractPdfText(pdf).text).toContain("自己管理チェック");
    expect((await refusal(s.get(applicant, 2026))).status).toBe(403);
  });
});

describe("the office dashboard's expiring-licences tile", () => {
  it("counts and lists the granted licences expiring within 60 days, soonest first, each linking to its licence", async () => {
    const saved = now;
    now = new Date("2031-01-10T03:00:00Z");
    try {
      const soon = await tb.services.licences.create(
        sec,
        licence({ licenceNumber: "DASH-10D", validFrom: "2030-01-01", validUntil: "2031-01-20" }),
      );
      const later = await tb.services.licences.create(
        sec,
        licence({ licenceNumber: "DASH-46D", validFrom: "2030-01-01", validUntil: "2031-02-25" }),
      );
      await tb.services.licences.create(
        sec,
        licence({ licenceNumber: "DASH-OUT", validFrom: "2030-01-01", validUntil: "2031-06-01" }),
      );
      await tb.services.licences.create(
        sec,
        licence({ licenceNumber: null, status: "applying", validFrom: null, validUntil: "2031-01-15" }),
      );
      await tb.services.licences.create(
        sec,
        licence({ licenceNumber: "DASH-PAST", validFrom: "2030-01-01", validUntil: "2031-01-05" }),
      );
      const board = await tb.services.dashboard.get(sec);
      const tile = board.sections.flatMap((s) => s.tiles).find((x) => x.key === "licences.expiring");
      expect(tile).toMatchObject({
        value: 2,
        link: "/export/licences?expiring=60",
        tone: "danger",
        label: { ja: "60日以内に期限切れの許可", en: "Licences expiring within 60 days" },
      });
      expect(tile?.entries?.map((e) => e.link)).toEqual([
        `/export/licences/${soon.id}`,
        `/export/licences/${later.id}`,
      ]);
      expect(tile?.entries?.[0]?.label.ja).toBe(`${soon.refNo} DASH-10D（2031-01-20 まで・残り10日）`);
      expect(tile?.entries?.[1]?.tone).toBe("attention");
      // A licence past its validity but still marked granted is named in the second line.
      expect(tile?.detail?.ja).toMatch(/期限切れのまま「許可済み」の許可 \d+ 件/);
      // The register filtered the same way lists exactly what the tile counted.
      const listed = await tb.services.licences.list(sec, { expiringWithin: 60 });
      expect(listed.map((l) => l.licenceNumber)).toEqual(["DASH-10D", "DASH-46D"]);
      expect((await tb.services.licences.list(sec, { expiringWithin: 10 })).map((l) => l.id)).toEqual([
        soon.id,
      ]);
    } finally {
      now = saved;
    }
  });
});
