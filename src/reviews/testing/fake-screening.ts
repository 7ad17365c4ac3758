import { randomUUID } from "node:crypto";
import type {
  PartyScreeningResult,
  ScreeningHit,
  ScreeningPort,
} from "../../screening/screening-contract.js";

type Decision = NonNullable<PartyScreeningResult["hits"][number]["decision"]>;

/**
 * FAKE screening for DB tests only — to be replaced by the real screening service with a small
 * fixture list once `src/screening/screening-service.ts` lands on main. It returns the hits a test
 * gives it for a party and applies decisions the test makes, like `POST /api/screening/decisions`.
 */
export function createFakeScreening() {
  const hitsByParty = new Map<string, ScreeningHit[]>();
  const decisions = new Map<string, Decision>();
  const lastRun = new Map<string, { runId: string; screenedAt: string }>();
  const calls: { partyId: string; context?: { entityType: string; entityId: string } | undefined }[] = [];

  function result(partyId: string, run: { runId: string; screenedAt: string }): PartyScreeningResult {
    const hits = (hitsByParty.get(partyId) ?? []).map((h) => ({
      ...h,
      decision: decisions.get(`${partyId}:${h.entityId}`) ?? null,
    }));
    return {
      runId: run.runId,
      partyId,
      screenedAt: run.screenedAt,
      hits,
      openHitCount: hits.filter((h) => h.match && h.decision === null).length,
      confirmedHitCount: hits.filter((h) => h.decision?.status === "true_match").length,
    };
  }

  const port: ScreeningPort = {
    async screenParty(_actor, partyId, context) {
      calls.push({ partyId, context });
      const run = { runId: randomUUID(), screenedAt: new Date().toISOString() };
      lastRun.set(partyId, run);
      return result(partyId, run);
    },
    async latestForParty(partyId) {
      const run = lastRun.get(partyId);
      return run ? result(partyId, run) : null;
    },
  };

  return {
    ...port,
    calls,
    /** The list entries this party will match. */
    setHits(partyId: string, hits: Partial<ScreeningHit>[]): ScreeningHit[] {
      const full = hits.map(
        (h): ScreeningHit => ({
          entityId: h.entityId ?? randomUUID(),
          source: h.source ?? "ofac_sdn",
          sourceId: h.sourceId ?? "1",
          schema: h.schema ?? "Organization",
          name: h.name ?? "Listed Entity",
          score: h.score ?? 0.97,
          match: h.match ?? true,
          explanation: h.explanation ?? {
            queryName: "q",
            matchedName: h.name ?? "Listed Entity",
            features: [],
            summary: { ja: "名前が一致", en: "Name matches" },
          },
          programs: h.programs ?? [],
          countries: h.countries ?? [],
        }),
      );
      hitsByParty.set(partyId, full);
      return full;
    },
    /** A reviewer's decision on a hit, as the screening API would record it. */
    decide(partyId: string, entityId: string, status: Decision["status"], rationale = "test decision") {
      decisions.set(`${partyId}:${entityId}`, {
        status,
        rationale,
        decidedBy: "tester",
        decidedAt: new Date().toISOString(),
      });
    },
  };
}

export type FakeScreening = ReturnType<typeof createFakeScreening>;
