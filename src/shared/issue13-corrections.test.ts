import { describe, expect, it } from "vitest";
import { TOKUTEI_TYPES } from "../people/people-engine.js";
import { allQuestionnaires } from "../reviews/questionnaire-engine.js";
import { redFlag } from "./red-flags.js";

/**
 * The domain-review corrections of issue 13 §6 that live in data: each assertion fails if the old
 * wording or source comes back.
 */
describe("issue 13 §6 corrections", () => {
  it("特定類型 ①②③ carry the 役務通達's full wording", () => {
    const label = (t: "1" | "2" | "3") => TOKUTEI_TYPES.find((x) => x.type === t)!.label;
    expect(label("1").ja).toContain("指揮命令に服する又は");
    expect(label("1").ja).toContain("善管注意義務を負う者");
    expect(label("1").ja).toContain("外国法人等");
    expect(label("2").ja).toContain("外国政府等から");
    expect(label("2").ja).toContain("得ることを約している者");
    expect(label("3").ja).toContain("指示又は依頼を受ける者");
    for (const t of ["1", "2", "3"] as const) expect(label(t).en.length).toBeGreaterThan(20);
  });

  it("the residency question asks whether six months have ELAPSED since entry, not whether the stay will last six months", () => {
    const questions = allQuestionnaires().flatMap((q) => q.questions);
    const stay = questions.find((q) => q.id === "stay_over_6_months")!;
    expect(stay.label.ja).toContain("入国後6か月以上が経過していますか");
    expect(stay.label.ja).not.toContain("滞在は6か月以上になりますか");
    expect(stay.label.en).toMatch(/elapsed/i);
    const residency = questions.find((q) => q.id === "recipient_residency")!;
    for (const text of [residency.help!.ja, stay.help!.ja]) {
      expect(text).toContain("公務を帯びる者");
      expect(text).toContain("常に非居住者");
    }
  });

  it("R-PLACED-INTERN cites the Chinese MSS's 2025 disclosure (not the NPA); R-STATE-OWNED does not cite the 特定類型 notice", () => {
    const intern = redFlag("R-PLACED-INTERN")!;
    expect(intern.source).toContain("中国国家安全部");
    expect(intern.source).toContain("2025");
    expect(intern.source).not.toContain("警察庁");
    const stateOwned = redFlag("R-STATE-OWNED")!;
    expect(stateOwned.source).not.toMatch(/特定類型|役務通達/);
    expect(stateOwned.source).toContain("安全保障貿易に係る機微技術管理ガイダンス（大学・研究機関用）");
  });
});
