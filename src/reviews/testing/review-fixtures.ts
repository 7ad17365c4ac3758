import { createServices, type Services } from "../../app/services.js";
import { loadConfig } from "../../config/config.js";
import type { DatabaseHandle } from "../../db/database.js";
import type { Role } from "../../db/schema.js";
import type { PartyInput } from "../../parties/parties-service.js";
import { type Actor, systemActor } from "../../shared/actor.js";
import { type ActivityType, allQuestionnaires } from "../questionnaire-engine.js";
import type { ReviewFormInput } from "../reviews-service.js";
import { importTestLists } from "./test-lists.js";

/**
 * Services over a fresh test database (from `createTestDatabase()`), screening through the real
 * screening service against the small fictitious lists of `test-lists.ts` (imported once here, with
 * the real importers). Why not `createTestApp`: these tests drive the services directly with a test
 * clock, which the HTTP harness does not take.
 */
export async function reviewTestbed(
  handle: DatabaseHandle,
  env: Record<string, string> = {},
  clock?: () => Date,
) {
  const config = loadConfig({
    SEKIMORI_CONFIG: "/nonexistent/sekimori.config.json",
    SEKIMORI_DATA_DIR: "/nonexistent/data",
    ...env,
  });
  const services: Services = createServices({
    db: handle.db,
    config,
    ...(clock ? { clock } : {}),
  });
  await importTestLists(services);
  let n = 0;
  async function user(roles: Role[], name?: string): Promise<Actor> {
    const username = name ?? `u${++n}_${roles.join("_")}`;
    const { user } = await services.auth.createUser(systemActor("test"), {
      username,
      displayName: username,
      roles,
      email: `${username}@univ.example`,
      password: "correct horse battery staple",
    });
    return { id: user.id, label: username, roles, locale: "ja" };
  }
  async function party(input: PartyInput) {
    return services.parties.create(systemActor("test"), input);
  }
  /** The screening runs of a party started for an entity (a review, a person), oldest first. */
  async function screeningRunsFor(partyId: string, entityId: string) {
    const runs = await services.screening.runsForParty(partyId, 1, 100);
    return runs.items.filter((r) => r.context?.entityId === entityId).reverse();
  }
  /** The party's latest hit from a list, as the screening service returned it. */
  async function latestHit(partyId: string, source: string) {
    const latest = await services.screening.latestForParty(partyId);
    const hit = latest?.hits.find((h) => h.source === source && h.match);
    if (!hit)
      throw new Error(`party ${partyId} has no ${source} hit: ${JSON.stringify(latest?.hits ?? null)}`);
    return hit;
  }
  return { services, user, party, screeningRunsFor, latestHit, close: () => handle.close() };
}

/** Plain answers for a questionnaire: "no" to every yes/no, the first option, 10 for numbers. */
export function plainAnswers(type: ActivityType): Record<string, string | number | boolean> {
  const q = allQuestionnaires().find((x) => x.type === type)!;
  return Object.fromEntries(
    q.questions.map((x) => [
      x.id,
      x.kind === "yesno"
        ? false
        : x.kind === "select"
          ? x.options![0]!.value
          : x.kind === "number"
            ? 10
            : "テキスト",
    ]),
  );
}

/** A complete application form for a type, with the given counterparties. */
export function completeForm(
  type: ActivityType,
  counterparties: { partyId: string; role: string }[],
  answers: Record<string, string | number | boolean> = {},
): ReviewFormInput {
  return {
    title: "テスト申請",
    unit: "工学研究科",
    details: {
      topic: "全固体電池の電解質材料",
      dataInvolved: "実験データ（未公開）",
      startDate: "2026-04-01",
      endDate: "2026-09-30",
      purpose: "共同研究の打合せ",
    },
    answers: { ...plainAnswers(type), ...answers },
    notes: {},
    counterparties,
  };
}
