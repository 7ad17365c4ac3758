import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CURRICULUM_MODULES } from "../cases/curriculum-library.js";
import type { Disclosure } from "../people/people-engine.js";
import { reviewTestbed } from "../reviews/testing/review-fixtures.js";
import { type Actor, systemActor } from "../shared/actor.js";
import { AppError } from "../shared/errors.js";
import { createTestDatabase } from "../testing/test-db.js";

/**
 * Issue 16, the parts finished last: a disclosure that requires current training (shown on the
 * person and as a project blocker, cleared by passing the module), dismissing a wrong consistency
 * flag (sticks for the same evidence, new evidence raises it again), appointments stated on a
 * project, and the data/equipment register in the agency CSV.
 */
const now = new Date("2026-04-01T09:00:00Z");
let tb: Awaited<ReturnType<typeof reviewTestbed>>;
let sec: Actor;
let applicant: Actor;
const MODULE = "research-integrity-disclosure";

async function refusal(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

type Affiliation = Disclosure["affiliations"][number];
const post = (over: Partial<Affiliation> = {}): Affiliation => ({
  kind: "position",
  organisation: { name: "関守大学", partyId: null },
  position: "教授",
  from: "2020-04-01",
  to: null,
  effortPercent: 70,
  paid: true,
  confidentiality: false,
  ...over,
});
const disclosure = (affiliations: Affiliation[]): Disclosure => ({
  submittedOn: "2026-03-01",
  career: [],
  affiliations,
  funds: [],
  nonMonetary: [],
  pledge: true,
});

/** Passes a curriculum module the way a person does: start an attempt, answer what it displays. */
async function pass(actor: Actor, slug: string) {
  const quiz = CURRICULUM_MODULES.find((m) => m.slug === slug)!.content.quiz;
  const a = await tb.services.training.startAttempt(actor, slug);
  const answers = a.questions.map((q, i) =>
    q.options.findIndex((o) => o.ja === quiz[i]!.options[quiz[i]!.correct]!.ja),
  );
  const r = await tb.services.training.submitAttempt(actor, slug, a.attemptId, answers);
  expect(r.passed).toBe(true);
}

async function researcher(name: string, withAccount = true) {
  const user = withAccount
    ? await tb.user(["applicant"], `u${Math.random().toString(36).slice(2, 8)}`)
    : null;
  const party = await tb.party({ kind: "person", names: [{ name }] });
  const person = await tb.services.people.create(sec, {
    partyId: party.id,
    category: "researcher",
    ...(user ? { userId: user.id } : {}),
  });
  return { user, person };
}

beforeAll(async () => {
  tb = await reviewTestbed(await createTestDatabase(), {}, () => now);
  sec = await tb.user(["secretariat"], "dsec");
  applicant = await tb.user(["applicant"], "dapp");
  await tb.services.cases.installBuiltIns(systemActor("test"));
  await tb.services.training.installBuiltIns(systemActor("test"));
});
afterAll(async () => {
  await tb?.close();
});

describe("a disclosure can require current training (DB)", () => {
  it("a talent programme requires the research-integrity module: on the person and as a project blocker, until passed", async () => {
    const { user, person } = await researcher("松本 一郎");
    let p = await tb.services.people.submitDisclosure(
      sec,
      person.id,
      disclosure([
        post(),
        post({ kind: "talent_programme", organisation: { name: "千人計画", partyId: null } }),
      ]),
    );
    expect(p.trainingRequired).toEqual([
      expect.objectContaining({ slug: MODULE, current: false, reasons: [expect.any(Object)] }),
    ]);
    expect(p.trainingRequired[0]!.reasons[0]!.ja).toContain("外国の人材招致プログラム「千人計画」");
    const flag = p.flags.find((f) => f.id === "P-TRAINING-NOT-CURRENT");
    expect(flag?.evidence.ja).toContain("千人計画");
    expect(flag?.evidence.en).toContain("not passed or expired");

    const project = await tb.services.projects.create(sec, {
      title: "蓄電池材料",
      fundingAgency: "JST",
      fundingProgramme: "未来社会創造事業",
    });
    let view = await tb.services.projects.addMember(sec, project.id, {
      personId: person.id,
      role: "student",
    });
    const blocker = view.blockers.find((b) => b.code === "training_not_current");
    expect(blocker?.message.ja).toContain("松本 一郎");
    expect(blocker?.message.ja).toContain("千人計画");
    expect(blocker?.message.en).toContain('foreign talent programme "千人計画"');

    // Passing the module clears both.
    await pass(user!, MODULE);
    p = await tb.services.people.get(sec, person.id);
    expect(p.trainingRequired[0]?.current).toBe(true);
    expect(p.flags.map((f) => f.id)).not.toContain("P-TRAINING-NOT-CURRENT");
    view = await tb.services.projects.get(sec, project.id);
    expect(view.blockers.map((b) => b.code)).not.toContain("training_not_current");
    expect(view.members[0]?.training).toEqual([expect.objectContaining({ slug: MODULE, current: true })]);
  });

  it("a post at an organisation registered abroad triggers it, one in Japan does not; the module is configurable", async () => {
    const abroad = await tb.party({
      kind: "organization",
      names: [{ name: "Lumen Tech Institute" }],
      country: "SG",
    });
    const home = await tb.party({
      kind: "organization",
      names: [{ name: "東和技研株式会社" }],
      country: "JP",
    });
    const { person } = await researcher("石井 三郎");
    const outside = (partyId: string, name: string) =>
      post({ kind: "outside_appointment", organisation: { name, partyId }, effortPercent: 10 });
    let p = await tb.services.people.submitDisclosure(
      sec,
      person.id,
      disclosure([post(), outside(home.id, "東和技研株式会社")]),
    );
    expect(p.trainingRequired).toEqual([]);
    p = await tb.services.people.submitDisclosure(
      sec,
      person.id,
      disclosure([post(), outside(abroad.id, "Lumen Tech Institute")]),
    );
    expect(p.trainingRequired[0]?.reasons[0]?.en).toContain('"Lumen Tech Institute" (SG)');

    // The office requires another module instead; none at all when it chooses none.
    await tb.services.training.setDisclosureRequirements(sec, ["fefta-basics"]);
    p = await tb.services.people.get(sec, person.id);
    expect(p.trainingRequired.map((r) => r.slug)).toEqual(["fefta-basics"]);
    await tb.services.training.setDisclosureRequirements(sec, []);
    p = await tb.services.people.get(sec, person.id);
    expect(p.trainingRequired).toEqual([]);
    expect(p.flags.map((f) => f.id)).not.toContain("P-TRAINING-NOT-CURRENT");
    await tb.services.training.setDisclosureRequirements(sec, [MODULE]);
  });

  it("a person without an account cannot be checked: the requirement stands, saying why", async () => {
    const { person } = await researcher("岡田 四郎", false);
    const p = await tb.services.people.submitDisclosure(
      sec,
      person.id,
      disclosure([post({ kind: "talent_programme", organisation: { name: "海外英才計画", partyId: null } })]),
    );
    expect(p.flags.find((f) => f.id === "P-TRAINING-NOT-CURRENT")?.evidence.ja).toContain("アカウント未連携");
  });
});

describe("dismissing a wrong consistency flag (DB)", () => {
  it("an officer dismisses with a reason; it sticks for that evidence and new evidence raises it again", async () => {
    const { user, person } = await researcher("西村 五郎");
    await tb.services.people.submitDisclosure(sec, person.id, disclosure([post()]));
    const project = await tb.services.projects.create(sec, {
      title: "光量子計測",
      fundingAgency: "JST",
      fundingProgramme: "CREST",
    });
    let view = await tb.services.projects.addPartner(sec, project.id, {
      newParty: { name: "Heron Optics Foundation", notDuplicate: true },
      role: "funder",
    });
    const funderId = view.partners[0]!.partyId;
    view = await tb.services.projects.addMember(sec, project.id, {
      personId: person.id,
      role: "co_investigator",
    });
    expect(view.blockers.map((b) => b.code)).toContain("undisclosed_affiliation");
    let p = await tb.services.people.get(sec, person.id);
    const flag = p.flags.find((f) => f.id === "P-UNDISCLOSED-AFFILIATION")!;
    expect(flag.key).toBe(`P-UNDISCLOSED-AFFILIATION|id:${funderId}`);

    // Role rules and a required reason; nothing stored when refused.
    expect((await refusal(tb.services.people.dismissFlag(applicant, person.id, flag.key!, "x"))).status).toBe(
      403,
    );
    expect((await refusal(tb.services.people.dismissFlag(user!, person.id, flag.key!, "x"))).status).toBe(
      403,
    );
    const blank = await refusal(tb.services.people.dismissFlag(sec, person.id, flag.key!, "  "));
    expect(blank.status).toBe(400);
    expect(blank.fields?.[0]?.path).toBe("reason");
    expect(
      (await refusal(tb.services.people.dismissFlag(sec, person.id, "P-TRAINING-NOT-CURRENT|x", "r"))).status,
    ).toBe(404);
    expect((await tb.services.people.get(sec, person.id)).dismissedFlags).toEqual([]);

    const reason = "財団は研究室の設備提供元で、本人への資金ではない（契約書で確認）";
    p = await tb.services.people.dismissFlag(sec, person.id, flag.key!, reason);
    expect(p.flags.map((f) => f.id)).not.toContain("P-UNDISCLOSED-AFFILIATION");
    expect(p.dismissedFlags).toEqual([
      expect.objectContaining({
        key: flag.key,
        id: "P-UNDISCLOSED-AFFILIATION",
        reason,
        dismissedBy: sec.label,
        dismissedAt: now.toISOString(),
        items: flag.items,
      }),
    ]);
    const audit = await tb.services.audit.forEntity("person", person.id);
    const row = audit.items.find((i) => i.action === "person.flag_dismissed");
    expect(row?.after).toMatchObject({ flag: "P-UNDISCLOSED-AFFILIATION", reason });
    // The project is no longer blocked by it, and a reload keeps it dismissed.
    view = await tb.services.projects.get(sec, project.id);
    expect(view.blockers.map((b) => b.code)).not.toContain("undisclosed_affiliation");
    expect((await tb.services.people.get(sec, person.id)).dismissedFlags).toHaveLength(1);
    // The researcher sees neither the dismissal nor its reason.
    expect((await tb.services.people.get(user!, person.id)).dismissedFlags).toEqual([]);

    // New evidence: the same foundation is now also stated as the researcher's appointment.
    const memberId = view.members[0]!.id;
    view = await tb.services.projects.addAppointment(sec, project.id, memberId, { partyId: funderId });
    p = await tb.services.people.get(sec, person.id);
    const again = p.flags.find((f) => f.id === "P-UNDISCLOSED-AFFILIATION");
    expect(again?.earlier).toMatchObject({ reason, by: sec.label });
    expect(again?.earlier?.newEvidence.map((e) => e.where.en)).toEqual([
      `Research project #${view.number} "光量子計測": stated appointment`,
    ]);
    expect(p.dismissedFlags).toEqual([]);
    expect(view.blockers.map((b) => b.code)).toContain("undisclosed_affiliation");
    expect(
      (await tb.services.people.get(user!, person.id)).flags.find((f) => f.id === "P-UNDISCLOSED-AFFILIATION")
        ?.earlier,
    ).toBeUndefined();

    // Removing the new evidence returns to the dismissed state.
    view = await tb.services.projects.removeAppointment(sec, project.id, memberId, funderId);
    expect((await tb.services.people.get(sec, person.id)).dismissedFlags).toHaveLength(1);
  });
});

describe("appointments stated on a project (DB)", () => {
  it("adds an existing or a new organisation, refuses duplicates, removes, and audits; managers only", async () => {
    const { person } = await researcher("山口 六郎");
    const project = await tb.services.projects.create(sec, {
      title: "触媒設計",
      fundingAgency: "JSPS",
      fundingProgramme: "科研費",
    });
    let view = await tb.services.projects.addMember(sec, project.id, { personId: person.id, role: "pi" });
    const memberId = view.members[0]!.id;
    const existing = await tb.party({ kind: "organization", names: [{ name: "Kestrel Catalysis GmbH" }] });
    view = await tb.services.projects.addAppointment(sec, project.id, memberId, { partyId: existing.id });
    expect(view.members[0]?.appointments).toEqual([{ partyId: existing.id, name: "Kestrel Catalysis GmbH" }]);
    expect(
      (
        await refusal(
          tb.services.projects.addAppointment(sec, project.id, memberId, { partyId: existing.id }),
        )
      ).code,
    ).toBe("appointment_exists");
    // A new organisation that looks like an existing one is refused, naming it, unless confirmed.
    const dup = await refusal(
      tb.services.projects.addAppointment(sec, project.id, memberId, {
        newParty: { name: "Kestrel Catalysis GmbH" },
      }),
    );
    expect(dup.code).toBe("possible_duplicate");
    expect(dup.messages.ja).toContain("Kestrel Catalysis GmbH");
    view = await tb.services.projects.addAppointment(sec, project.id, memberId, {
      newParty: { name: "Wren Materials Lab", country: "AU" },
    });
    expect(view.members[0]?.appointments.map((a) => a.name).sort()).toEqual([
      "Kestrel Catalysis GmbH",
      "Wren Materials Lab",
    ]);
    expect(
      (
        await refusal(
          tb.services.projects.addAppointment(applicant, project.id, memberId, { partyId: existing.id }),
        )
      ).status,
    ).toBe(403);
    expect(
      (await refusal(tb.services.projects.addAppointment(sec, project.id, memberId, {}))).fields?.[0]?.path,
    ).toBe("partyId");
    view = await tb.services.projects.removeAppointment(sec, project.id, memberId, existing.id);
    expect(view.members[0]?.appointments.map((a) => a.name)).toEqual(["Wren Materials Lab"]);
    expect(
      (await refusal(tb.services.projects.removeAppointment(sec, project.id, memberId, existing.id))).status,
    ).toBe(404);
    const actions = (await tb.services.audit.forEntity("research_project", project.id)).items.map(
      (i) => i.action,
    );
    expect(actions).toEqual(
      expect.arrayContaining(["research_project.appointment_added", "research_project.appointment_removed"]),
    );
    // The appointment is now something the disclosure must name.
    await tb.services.people.submitDisclosure(sec, person.id, disclosure([post()]));
    const p = await tb.services.people.get(sec, person.id);
    expect(p.flags.find((f) => f.id === "P-UNDISCLOSED-AFFILIATION")?.evidence.ja).toContain(
      "Wren Materials Lab",
    );
  });
});

describe("the data and equipment register in the agency summary CSV (DB)", () => {
  it("lists every entry with its classification, place, access rule, members and sharing, in both languages", async () => {
    const { person } = await researcher("藤田 七郎");
    const project = await tb.services.projects.create(sec, {
      title: "試料分析",
      fundingAgency: "JSPS",
      fundingProgramme: "科研費",
    });
    let view = await tb.services.projects.addMember(sec, project.id, { personId: person.id, role: "pi" });
    view = await tb.services.projects.addAsset(sec, project.id, {
      kind: "equipment",
      description: "高出力レーザー",
      controlStatus: "listed",
      controlRef: "6(9)",
      location: "理学部B棟 102",
      accessLimits: "登録者のみ入室",
      authorisedMemberIds: [view.members[0]!.id],
    });
    const ja = (await tb.services.projects.summaryCsv(sec, project.id, "ja")).split("\r\n");
    const line = ja.find((l) => l.startsWith("データ・設備,"));
    expect(line).toBe(
      "データ・設備,設備・機器: 高出力レーザー,項番 6(9); 保管場所: 理学部B棟 102; アクセス制限: 登録者のみ入室; 利用者: 藤田 七郎,リスト規制該当",
    );
    const en = (await tb.services.projects.summaryCsv(sec, project.id, "en")).split("\r\n");
    expect(en.find((l) => l.startsWith("Data and equipment,"))).toBe(
      "Data and equipment,Equipment: 高出力レーザー,entry 6(9); kept at: 理学部B棟 102; access: 登録者のみ入室; authorised: 藤田 七郎,Listed (controlled)",
    );
  });
});
