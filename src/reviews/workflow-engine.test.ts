import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Role } from "../db/schema.js";
import {
  availableActions,
  decideTransition,
  REVIEW_ACTIONS,
  REVIEW_STATES,
  type ReviewState,
  type WorkflowFacts,
} from "./workflow-engine.js";

const APPLICANT = "11111111-1111-4111-8111-111111111111";
const applicant = { id: APPLICANT, roles: ["applicant"] as Role[] };
const unit = { id: "u", roles: ["unit_officer"] as Role[] };
const sec = { id: "s", roles: ["secretariat"] as Role[] };
const appr = { id: "a", roles: ["approver"] as Role[] };

const ready: WorkflowFacts = {
  applicantUserId: APPLICANT,
  classified: true,
  track: "full",
  transactionCheckComplete: true,
  unscreenedCount: 0,
  openHitCount: 0,
};

describe("review workflow state machine", () => {
  it("walks the full chain: applicant → unit officer → secretariat → approver", () => {
    const steps: [
      ReviewState,
      Parameters<typeof decideTransition>[1],
      { id: string; roles: Role[] },
      ReviewState,
    ][] = [
      ["draft", "submit", applicant, "unit_review"],
      ["unit_review", "forward", unit, "secretariat_review"],
      ["secretariat_review", "complete_check", sec, "approval"],
      ["approval", "approve", appr, "approved"],
    ];
    for (const [from, action, actor, to] of steps) {
      const d = decideTransition(from, action, actor, ready, {});
      expect(d, `${from} ${action}`).toEqual({ ok: true, from, to });
    }
  });

  it("approval with conditions needs the conditions; rejection and return need a reason", () => {
    expect(decideTransition("approval", "approve_with_conditions", appr, ready, {})).toMatchObject({
      ok: false,
      code: "conditions_required",
      field: "conditions",
    });
    expect(
      decideTransition("approval", "approve_with_conditions", appr, ready, {
        conditions: "成果公表前に確認",
      }),
    ).toEqual({
      ok: true,
      from: "approval",
      to: "approved_with_conditions",
    });
    expect(decideTransition("approval", "reject", appr, ready, { comment: " " })).toMatchObject({
      code: "comment_required",
    });
    expect(decideTransition("unit_review", "return", unit, ready, { comment: "相手方を追加" })).toMatchObject(
      {
        ok: true,
        to: "returned",
      },
    );
    expect(decideTransition("returned", "submit", applicant, ready)).toMatchObject({
      ok: true,
      to: "unit_review",
    });
  });

  it("nobody reviews or approves their own application, whatever roles they hold", () => {
    const allRoles = {
      id: APPLICANT,
      roles: ["applicant", "unit_officer", "secretariat", "approver"] as Role[],
    };
    for (const [from, action] of [
      ["unit_review", "forward"],
      ["secretariat_review", "complete_check"],
      ["approval", "approve"],
      ["approval", "approve_with_conditions"],
      ["approval", "reject"],
      ["approval", "return"],
    ] as const) {
      expect(
        decideTransition(from, action, allRoles, ready, { comment: "c", conditions: "c" }),
      ).toMatchObject({
        ok: false,
        status: 403,
        code: "own_application",
      });
    }
  });

  it("only the stage's role acts at that stage", () => {
    expect(decideTransition("approval", "approve", sec, ready)).toMatchObject({ code: "wrong_role" });
    expect(decideTransition("unit_review", "return", appr, ready, { comment: "x" })).toMatchObject({
      code: "wrong_role",
    });
    expect(decideTransition("approval", "return", appr, ready, { comment: "x" })).toMatchObject({ ok: true });
    expect(decideTransition("draft", "submit", unit, ready)).toMatchObject({ code: "not_owner" });
  });

  it("blocks on preconditions: classification, full track, screening, open hits, checklists", () => {
    expect(decideTransition("unit_review", "forward", unit, { ...ready, classified: false })).toMatchObject({
      code: "classification_missing",
    });
    expect(decideTransition("unit_review", "clear", unit, ready)).toMatchObject({
      code: "full_review_required",
    });
    expect(decideTransition("unit_review", "clear", unit, { ...ready, track: "simple" })).toMatchObject({
      ok: true,
      to: "cleared",
    });
    expect(
      decideTransition("secretariat_review", "complete_check", sec, { ...ready, unscreenedCount: 2 }),
    ).toMatchObject({
      code: "screening_missing",
    });
    expect(decideTransition("approval", "approve", appr, { ...ready, openHitCount: 1 })).toMatchObject({
      code: "open_hits",
    });
    expect(
      decideTransition("secretariat_review", "complete_check", sec, {
        ...ready,
        transactionCheckComplete: false,
      }),
    ).toMatchObject({ code: "transaction_check_incomplete" });
  });

  it("final states accept no action at all (property)", () => {
    const finals: ReviewState[] = [
      "cleared",
      "approved",
      "approved_with_conditions",
      "rejected",
      "withdrawn",
    ];
    fc.assert(
      fc.property(fc.constantFrom(...finals), fc.constantFrom(...REVIEW_ACTIONS), (state, action) => {
        for (const actor of [applicant, unit, sec, appr]) {
          const d = decideTransition(state, action, actor, ready, { comment: "c", conditions: "c" });
          expect(d).toMatchObject({ ok: false, code: "illegal_transition", status: 409 });
        }
      }),
    );
  });

  it("every allowed transition goes to a known state and never skips the approver to a positive decision", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...REVIEW_STATES),
        fc.constantFrom(...REVIEW_ACTIONS),
        fc.constantFrom(applicant, unit, sec, appr),
        (state, action, actor) => {
          const d = decideTransition(state, action, actor, ready, { comment: "c", conditions: "c" });
          if (!d.ok) return;
          expect(REVIEW_STATES).toContain(d.to);
          if (d.to === "approved" || d.to === "approved_with_conditions") {
            expect(state).toBe("approval");
            expect(actor.roles).toContain("approver");
          }
        },
      ),
    );
  });

  it("lists the actions each participant can take", () => {
    expect(availableActions("draft", applicant, ready)).toEqual(["submit", "withdraw"]);
    expect(availableActions("unit_review", unit, ready)).toEqual(["return", "forward"]);
    // Clearing stays hidden on the full track even before the classification is recorded.
    expect(availableActions("unit_review", unit, { ...ready, classified: false })).toEqual([
      "return",
      "forward",
    ]);
    expect(availableActions("unit_review", unit, { ...ready, track: "simple" })).toEqual([
      "return",
      "clear",
      "forward",
    ]);
    expect(availableActions("approval", appr, ready)).toEqual([
      "return",
      "send_back",
      "approve",
      "approve_with_conditions",
      "reject",
    ]);
    expect(availableActions("approval", { ...appr, id: APPLICANT }, ready)).toEqual([]);
  });
});

describe("export licence gate on approval", () => {
  const base: WorkflowFacts = {
    applicantUserId: "owner",
    classified: true,
    track: "full",
    transactionCheckComplete: true,
    unscreenedCount: 0,
    openHitCount: 0,
  };
  const approver = { id: "boss", roles: ["approver"] as const };
  const reason = { ja: "理由", en: "reason" };
  it.each([
    ["no exports", undefined, true],
    ["not required", { required: false, undetermined: false, satisfied: true, reason }, true],
    ["required and covered", { required: true, undetermined: false, satisfied: true, reason }, true],
    [
      "required, nothing linked",
      { required: true, undetermined: false, satisfied: false, reason },
      "licence_missing",
    ],
    [
      "undetermined",
      { required: false, undetermined: true, satisfied: false, reason },
      "licence_undetermined",
    ],
  ] as const)("%s", (_n, licence, expected) => {
    const facts = { ...base, ...(licence ? { licence } : {}) };
    for (const action of ["approve", "approve_with_conditions"] as const) {
      const d = decideTransition("approval", action, approver, facts, { conditions: "c" });
      if (expected === true) expect(d.ok).toBe(true);
      else expect(d.ok ? "ok" : d.code).toBe(expected);
    }
    // The approver still sees the button, and learns why when pressing it.
    expect(availableActions("approval", approver, facts)).toContain("approve");
  });
  it("an undetermined licence also stops clearing and completing the check", () => {
    const facts = {
      ...base,
      track: "simple" as const,
      licence: { required: false, undetermined: true, satisfied: false, reason },
    };
    const d = decideTransition("unit_review", "clear", { id: "u", roles: ["unit_officer"] }, facts);
    expect(d.ok ? "ok" : d.code).toBe("licence_undetermined");
    const c = decideTransition(
      "secretariat_review",
      "complete_check",
      { id: "s", roles: ["secretariat"] },
      facts,
    );
    expect(c.ok ? "ok" : c.code).toBe("licence_undetermined");
  });
});
