/**
 * "A disclosure can require current training" (issue 16 §4): what a researcher declares decides
 * whether they must hold a current pass of the research-integrity module (the office chooses which
 * modules). Three declarations call for it — an ongoing foreign talent-programme link, an ongoing
 * post at an organisation registered outside Japan, and an active 特定類型 declaration — because
 * they are what the 内閣府 研究インテグリティ対応方針 (2021-04-27, §3(1)) asks researchers to
 * understand and disclose, and what 役務通達 (特定類型, from 2022-05-01) makes a deemed-export
 * question. Pure: no IO, no clock.
 *
 * Never a person's nationality: "foreign" is the registered country of the organisation named in
 * the disclosure (an organisation whose country is unknown does not count; the office can set it on
 * the party). 特定類型 is a legal status the person declared, not a risk score.
 */

export type Label = { ja: string; en: string };

export type TrainingTrigger = {
  code: "talent_programme" | "foreign_appointment" | "tokutei";
  reason: Label;
};

/** The parts of a disclosure this rule reads (structurally the people module's `Disclosure`). */
export type TriggerDisclosure = {
  affiliations: readonly {
    kind: "position" | "outside_appointment" | "talent_programme" | "honorary";
    organisation: { name: string };
    to: string | null;
  }[];
};

/** The country in which the institution itself is (the 外為法 question is about "foreign"). */
export const HOME_COUNTRY = "JP";

/**
 * Why this person's disclosure requires current training today — empty when nothing does.
 * `organisationCountry(i)` is the registered country (ISO alpha-2) of the organisation named at
 * affiliation i, or null when unknown. Items that ended before `today` no longer count.
 */
export function disclosureTrainingTriggers(input: {
  today: string;
  disclosure: TriggerDisclosure | null;
  organisationCountry: (affiliationIndex: number) => string | null;
  tokutei: { types: readonly string[]; declaredOn: string } | null;
  homeCountry?: string | undefined;
}): TrainingTrigger[] {
  const home = (input.homeCountry ?? HOME_COUNTRY).toUpperCase();
  const out: TrainingTrigger[] = [];
  const ongoing = (to: string | null) => to === null || to >= input.today;
  input.disclosure?.affiliations.forEach((a, i) => {
    if (!ongoing(a.to)) return;
    const name = a.organisation.name.trim();
    if (a.kind === "talent_programme") {
      out.push({
        code: "talent_programme",
        reason: {
          ja: `申告に外国の人材招致プログラム「${name}」があります`,
          en: `The disclosure declares the foreign talent programme "${name}"`,
        },
      });
      return;
    }
    const country = input.organisationCountry(i)?.trim().toUpperCase() || null;
    if (country && country !== home)
      out.push({
        code: "foreign_appointment",
        reason: {
          ja: `申告に国外の機関「${name}」（${country}）での職・兼業があります`,
          en: `The disclosure declares a post at "${name}" (${country}), an organisation outside Japan`,
        },
      });
  });
  if (input.tokutei && input.tokutei.types.length > 0)
    out.push({
      code: "tokutei",
      reason: {
        ja: `特定類型（${input.tokutei.types.map((t) => `類型${t}`).join("・")}）に該当すると申告しています（${input.tokutei.declaredOn}）`,
        en: `Declared 特定類型 (type ${input.tokutei.types.join(", ")}) on ${input.tokutei.declaredOn}`,
      },
    });
  return out;
}

/** A module the declarations require, the holder's status, and every reason it is required. */
export type DisclosureTrainingRequirement = {
  slug: string;
  title: Label;
  current: boolean;
  expiresAt: string | null;
  reasons: Label[];
};

/**
 * The modules required because of the declarations, each with the person's status: nothing when no
 * declaration triggers the rule or no module is configured; not current when the person has no
 * account (training cannot be checked).
 */
export function disclosureTrainingRequirements(
  triggers: readonly TrainingTrigger[],
  modules: readonly string[],
  status: (slug: string) => { title: Label; current: boolean; expiresAt: string | null } | null,
): DisclosureTrainingRequirement[] {
  if (triggers.length === 0) return [];
  return [...new Set(modules)].map((slug) => {
    const s = status(slug);
    return {
      slug,
      title: s?.title ?? { ja: slug, en: slug },
      current: s?.current ?? false,
      expiresAt: s?.expiresAt ?? null,
      reasons: triggers.map((t) => t.reason),
    };
  });
}
