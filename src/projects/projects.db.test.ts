import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Disclosure } from "../people/people-engine.js";
import { reviewTestbed } from "../reviews/testing/review-fixtures.js";
import { type Actor, systemActor } from "../shared/actor.js";
import { AppError } from "../shared/errors.js";
import { createTestDatabase } from "../testing/test-db.js";
import { CHECK_ITEM_IDS } from "./projects-engine.js";

const now = new Date("2026-04-01T09:00:00Z");
let tb: Awaited<ReturnType<typeof reviewTestbed>>;
let sec: Actor;
let auditor: Actor;
let applicant: Actor;

async function refusal(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

const disclosure = (submittedOn: string): Disclosure => ({
  submittedOn,
  career: [{ from: "2015-04-01", to: null, organisation: "本学", position: "教授" }],
  affiliations: [
    {
      kind: "position",
      organisation: { name: "本学", partyId: null },
      position: "教授",
      from: "2015-04-01",
      to: null,
      effortPercent: 80,
      paid: true,
      confidentiality: false,
    },
  ],
  funds: [],
  nonMonetary: [],
  pledge: true,
});

beforeAll(async () => {
  tb = await reviewTestbed(await createTestDatabase(), {}, () => now);
  sec = await tb.user(["secretariat"], "psec");
  auditor = await tb.user(["auditor"], "paud");
  applicant = await tb.user(["applicant"], "papp");
});
afterAll(async () => {
  await tb?.close();
});

describe("funded research projects (DB)", () => {
  it("a listed partner and an overdue pledge block readiness; resolving both (and the checklist) makes it ready", async () => {
    const p0 = await tb.services.projects.create(sec, {
      title: "次世代半導体材料の共同研究",
      fundingAgency: "JST",
      fundingProgramme: "経済安全保障重要技術育成プログラム",
      specifiedProgramme: true,
      applicationDueOn: "2026-05-15",
    });
    expect(p0.status).toBe("preparing");
    const partner = await tb.party({ kind: "organization", names: [{ name: "Sample Talent Fund" }] });
    let p = await tb.services.projects.addPartner(sec, p0.id, { partyId: partner.id, role: "funder" });
    expect(p.blockers.map((b) => b.code)).toContain("partner_not_screened");
    p = await tb.services.projects.screenPartners(sec, p0.id);
    const hitBlocker = p.blockers.find((b) => b.code === "partner_list_hit");
    // The list is named for people, not by its id.
    expect(hitBlocker?.message.en).toContain("US DoD Section 1286 list");
    expect(hitBlocker?.message.ja).toContain("米国防総省 1286条リスト");

    const party = await tb.party({ kind: "person", names: [{ name: "鈴木 一郎" }] });
    const person = await tb.services.people.create(sec, { partyId: party.id, category: "researcher" });
    await tb.services.people.submitDisclosure(sec, person.id, disclosure("2026-03-01"));
    p = await tb.services.projects.addMember(sec, p0.id, { personId: person.id, role: "pi" });
    expect(p.members[0]?.pledgeRequired).toBe(true);
    expect(p.blockers.map((b) => b.code)).toContain("pledge_missing");
    const pledgeId = await tb.services.projects.requestPledge(sec, {
      personId: person.id,
      dueOn: "2026-03-20",
      projectId: p0.id,
    });
    p = await tb.services.projects.get(sec, p0.id);
    expect(p.members[0]?.pledgeState).toBe("overdue");
    expect(p.blockers.map((b) => b.code)).toEqual(
      expect.arrayContaining(["partner_list_hit", "pledge_overdue"]),
    );

    // Refused with every blocker named; nothing changes.
    const refused = await refusal(tb.services.projects.markReady(sec, p0.id, p.version));
    expect(refused.status).toBe(409);
    expect(refused.code).toBe("project_blocked");
    expect(refused.messages.ja).toContain("e-Rad 誓約");
    expect((await tb.services.projects.get(sec, p0.id)).status).toBe("preparing");

    // Reminders reach the secretariat for the overdue pledge (the person has no account).
    expect((await tb.services.projects.sendPledgeReminders(sec)).reminded).toBe(1);
    expect((await tb.services.tasks.listMine(sec)).some((t) => t.kind === "projects.pledge_overdue")).toBe(
      true,
    );
    // The scheduled run (src/app/start.ts, every 6 hours) repeats it without duplicating the task.
    expect((await tb.services.projects.sendPledgeReminders(systemActor("pledge-reminders"))).reminded).toBe(
      1,
    );
    const overdueTasks = () =>
      tb.services.tasks.openTasksFor("erad_pledge", pledgeId).then((ts) => ts.map((t) => t.kind));
    expect(await overdueTasks()).toEqual(["projects.pledge_overdue"]);

    // Resolve: the hit is a false positive, the pledge is given, the checklist concluded with evidence.
    const hit = await tb.latestHit(partner.id, "dod_1286");
    await tb.services.screening.decide(sec, {
      partyId: partner.id,
      entityId: hit.entityId,
      status: "false_positive",
      rationale: "同名の別団体（所在地・代表者が異なる）",
    });
    await tb.services.projects.recordPledge(sec, pledgeId, "2026-03-31");
    // Recording the pledge closes its reminder; the next scheduled run finds nothing to remind.
    expect(await overdueTasks()).toEqual([]);
    expect((await tb.services.projects.sendPledgeReminders(systemActor("pledge-reminders"))).reminded).toBe(
      0,
    );
    // The project's funder is the PI's funding: until the disclosure names it, readiness is blocked.
    p = await tb.services.projects.get(sec, p0.id);
    expect(p.blockers.find((b) => b.code === "undisclosed_affiliation")?.message.ja).toContain(
      "「Sample Talent Fund」が研究プロジェクトの資金提供者に現れていますが",
    );
    await tb.services.people.submitDisclosure(sec, person.id, {
      ...disclosure("2026-03-30"),
      funds: [
        {
          title: "次世代半導体材料",
          programme: "共同研究費",
          provider: { name: "Sample Talent Fund", partyId: partner.id },
          status: "applied",
          inERad: false,
          amountJpy: null,
          from: "2026-06-01",
          to: null,
          effortPercent: 10,
          confidentiality: false,
        },
      ],
    });
    for (const item of CHECK_ITEM_IDS) {
      await tb.services.projects.addEvidence(sec, p0.id, item, { text: `確認記録 ${item}` });
      p = await tb.services.projects.concludeCheck(sec, p0.id, item, {
        status: item === "data_sharing" ? "concern" : "satisfied",
        conclusion: "確認済み",
      });
    }
    expect(p.blockers.map((b) => b.code)).toEqual(["concern_unmitigated"]);
    p = await tb.services.projects.addMeasure(sec, p0.id, {
      kind: "data_segregation",
      description: "共同研究先とのデータ共有は匿名化済みデータに限定",
      ownerUserId: sec.id!,
      addresses: ["data_sharing"],
    });
    expect(p.blockers.map((b) => b.code)).toEqual(["concern_unmitigated"]);
    p = await tb.services.projects.setMeasureStatus(sec, p0.id, p.measures[0]!.id, "in_place");
    expect(p.blockers).toEqual([]);
    p = await tb.services.projects.markReady(sec, p0.id, p.version);
    expect(p.status).toBe("ready");
    // A ready project is frozen until reopened.
    expect(
      (await refusal(tb.services.projects.addMember(sec, p0.id, { personId: person.id, role: "pi" }))).code,
    ).toBe("project_not_preparing");

    const csvJa = await tb.services.projects.summaryCsv(auditor, p0.id, "ja");
    expect(csvJa).toContain("鈴木 一郎");
    expect(csvJa).toContain("Sample Talent Fund");
    expect(csvJa).toContain("該当なし");
    const csvEn = await tb.services.projects.summaryCsv(auditor, p0.id, "en");
    expect(csvJa).toContain("申請準備完了");
    expect(csvJa).toContain("研究代表者");
    expect(csvEn).toContain("Partners and funders screened");
    expect(csvEn).toContain("Ready for application");

    const history = await tb.services.audit.forEntity("research_project", p0.id);
    const actions = history.items.map((i) => i.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        "research_project.created",
        "research_project.partner_added",
        "research_project.partners_screened",
        "research_project.member_added",
        "research_project.check_concluded",
        "research_project.measure_added",
        "research_project.marked_ready",
      ]),
    );
  });

  it("an overdue disclosure and a lapsed required training block readiness", async () => {
    const p0 = await tb.services.projects.create(sec, {
      title: "量子センサ",
      fundingAgency: "AMED",
      fundingProgramme: "基盤研究",
      requiredModules: ["research-integrity-disclosure"],
    });
    const party = await tb.party({ kind: "person", names: [{ name: "高橋 二郎" }] });
    const person = await tb.services.people.create(sec, { partyId: party.id, category: "researcher" });
    let p = await tb.services.projects.addMember(sec, p0.id, { personId: person.id, role: "student" });
    expect(p.members[0]?.pledgeRequired).toBe(false);
    expect(p.blockers.map((b) => b.code)).toEqual(
      expect.arrayContaining(["disclosure_missing", "training_not_current"]),
    );
    await tb.services.people.submitDisclosure(sec, person.id, disclosure("2025-01-10"));
    p = await tb.services.projects.get(sec, p0.id);
    expect(p.blockers.map((b) => b.code)).toContain("disclosure_overdue");
  });

  it("US federal funding requires current research-security training of every member, with the reason", async () => {
    const p0 = await tb.services.projects.create(sec, {
      title: "Quantum sensing (NSF)",
      fundingAgency: "NSF",
      fundingProgramme: "CISE",
      usFederal: true,
    });
    const party = await tb.party({ kind: "person", names: [{ name: "伊藤 五郎" }] });
    const person = await tb.services.people.create(sec, { partyId: party.id, category: "researcher" });
    const p = await tb.services.projects.addMember(sec, p0.id, { personId: person.id, role: "pi" });
    expect(p.members[0]?.training.map((t) => t.slug)).toEqual(["research-integrity-disclosure"]);
    const blocker = p.blockers.find((b) => b.code === "training_not_current");
    expect(blocker?.message.en).toContain("CHIPS and Science Act §10634");
    expect(blocker?.message.ja).toContain("伊藤 五郎");
  });

  it("keeps a data and equipment register with access limits; listed items need them, unclassified ones block", async () => {
    const p0 = await tb.services.projects.create(sec, {
      title: "試料解析",
      fundingAgency: "JSPS",
      fundingProgramme: "科研費",
    });
    const party = await tb.party({ kind: "person", names: [{ name: "中島 六郎" }] });
    const person = await tb.services.people.create(sec, { partyId: party.id, category: "researcher" });
    let p = await tb.services.projects.addMember(sec, p0.id, { personId: person.id, role: "pi" });
    const memberId = p.members[0]!.id;
    const bad = await refusal(
      tb.services.projects.addAsset(sec, p0.id, {
        kind: "equipment",
        description: "高速度カメラ",
        controlStatus: "listed",
        authorisedMemberIds: ["00000000-0000-4000-8000-000000000000"],
      }),
    );
    expect(bad.status).toBe(400);
    expect(bad.fields?.map((f) => f.path).sort()).toEqual([
      "accessLimits",
      "authorisedMemberIds.0",
      "controlRef",
    ]);
    expect((await tb.services.projects.get(sec, p0.id)).assets).toEqual([]);

    p = await tb.services.projects.addAsset(sec, p0.id, {
      kind: "data",
      description: "界面計測データ",
      controlStatus: "unclassified",
    });
    expect(p.blockers.map((b) => b.code)).toContain("asset_unclassified");
    const asset = p.assets[0]!;
    p = await tb.services.projects.updateAsset(sec, p0.id, asset.id, asset.version, {
      kind: "data",
      description: "界面計測データ",
      controlStatus: "listed",
      controlRef: "2(12)",
      accessLimits: "施錠された解析室の端末のみ。持出し禁止",
      location: "解析室 B-201",
      authorisedMemberIds: [memberId],
    });
    expect(p.assets[0]).toMatchObject({
      controlStatus: "listed",
      authorised: [{ memberId, name: "中島 六郎" }],
      version: asset.version + 1,
    });
    expect(p.blockers.map((b) => b.code)).not.toContain("asset_unclassified");
    // A stale version is refused; removing the member removes their access.
    expect(
      (
        await refusal(
          tb.services.projects.updateAsset(sec, p0.id, asset.id, asset.version, {
            kind: "data",
            description: "x",
            controlStatus: "not_listed",
          }),
        )
      ).code,
    ).toBe("stale_version");
    p = await tb.services.projects.removeMember(sec, p0.id, memberId);
    expect(p.assets[0]?.authorisedMemberIds).toEqual([]);
    expect(
      (await tb.services.projects.summaryCsv(sec, p0.id, "ja"))
        .split("\n")
        .some((l) => l.includes("界面計測データ") && l.includes("リスト規制該当")),
    ).toBe(true);
    expect(
      (
        await refusal(
          tb.services.projects.addAsset(applicant, p0.id, {
            kind: "data",
            description: "x",
            controlStatus: "not_listed",
          }),
        )
      ).status,
    ).toBe(403);
    const actions = (await tb.services.audit.forEntity("research_project", p0.id)).items.map((i) => i.action);
    expect(actions).toEqual(
      expect.arrayContaining(["research_project.asset_added", "research_project.asset_changed"]),
    );
  });

  it("refuses bad input with named fields and other roles with 403, saving nothing", async () => {
    const bad = await refusal(
      tb.services.projects.create(sec, {
        title: " ",
        fundingAgency: "",
        fundingProgramme: "x",
        applicationDueOn: "15/05/2026",
      }),
    );
    expect(bad.status).toBe(400);
    expect(bad.fields?.map((f) => f.path).sort()).toEqual(["applicationDueOn", "fundingAgency", "title"]);
    expect(
      (
        await refusal(
          tb.services.projects.create(applicant, { title: "x", fundingAgency: "x", fundingProgramme: "x" }),
        )
      ).status,
    ).toBe(403);
    expect((await refusal(tb.services.projects.list(applicant))).status).toBe(403);
    const p0 = await tb.services.projects.create(sec, {
      title: "t",
      fundingAgency: "a",
      fundingProgramme: "b",
    });
    expect(
      (
        await refusal(
          tb.services.projects.create(auditor, { title: "x", fundingAgency: "x", fundingProgramme: "x" }),
        )
      ).status,
    ).toBe(403);
    // A measure with an unknown checklist item is refused whole: no measure, no task.
    const m = await refusal(
      tb.services.projects.addMeasure(sec, p0.id, {
        kind: "other",
        description: "x",
        ownerUserId: sec.id!,
        addresses: ["nope"],
      }),
    );
    expect(m.fields?.[0]?.path).toBe("addresses.0");
    expect((await tb.services.projects.get(sec, p0.id)).measures).toEqual([]);
    // A new partner whose name duplicates an existing party is refused until confirmed different.
    await tb.party({ kind: "organization", names: [{ name: "東都先端材料研究所" }], country: "JP" });
    const dup = await refusal(
      tb.services.projects.addPartner(sec, p0.id, {
        newParty: { name: "東都先端材料研究所", country: "JP" },
        role: "partner",
      }),
    );
    expect(dup.code).toBe("possible_duplicate");
    expect((await tb.services.projects.get(sec, p0.id)).partners).toEqual([]);
    const p = await tb.services.projects.addPartner(sec, p0.id, {
      newParty: { name: "Neue Werkstoff GmbH", country: "DE" },
      role: "partner",
    });
    expect(p.partners.map((x) => x.name)).toEqual(["Neue Werkstoff GmbH"]);
    const future = await refusal(
      tb.services.projects.recordPledge(sec, "00000000-0000-4000-8000-000000000000", "2099-01-01"),
    );
    expect(future.fields?.[0]?.path).toBe("givenOn");
  });
});
