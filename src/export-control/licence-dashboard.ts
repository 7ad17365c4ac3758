import type { DashboardTileEntry, Tone } from "../dashboard/dashboard-engine.js";
import type { DashboardSectionProvider } from "../dashboard/dashboard-service.js";
import { EXPIRY_REMINDER_DAYS } from "./licence-register-engine.js";
import type { LicencesService } from "./licences-service.js";

/** How many expiring licences the tile names (the number links to the full filtered register). */
const LISTED = 5;

/**
 * The office dashboard's licence section: granted licences expiring within `withinDays` days (by
 * default the first reminder threshold, 60), soonest first, each linking to its page; the number
 * links to the register filtered the same way. Red when one expires within 30 days (the second
 * reminder) or one is already past its validity without being closed in the register.
 */
export function licenceExpirySection(
  licences: Pick<LicencesService, "expiring" | "expiredStillValid">,
  withinDays: number = Math.max(...EXPIRY_REMINDER_DAYS),
): DashboardSectionProvider {
  return async () => {
    const expiring = await licences.expiring(withinDays);
    const expired = await licences.expiredStillValid();
    const urgent = Math.min(...EXPIRY_REMINDER_DAYS);
    const tone: Tone =
      expired > 0 || expiring.some((l) => l.daysLeft !== null && l.daysLeft <= urgent)
        ? "danger"
        : expiring.length > 0
          ? "attention"
          : "neutral";
    const entries: DashboardTileEntry[] = expiring.slice(0, LISTED).map((l) => {
      const name = `${l.refNo}${l.licenceNumber ? ` ${l.licenceNumber}` : ""}`;
      return {
        label: {
          ja: `${name}（${l.validUntil} まで・残り${l.daysLeft}日）`,
          en: `${name} (until ${l.validUntil}, ${l.daysLeft} days left)`,
        },
        link: `/export/licences/${l.id}`,
        tone: l.daysLeft !== null && l.daysLeft <= urgent ? "danger" : "attention",
      };
    });
    const more = expiring.length - entries.length;
    const parts: { ja: string[]; en: string[] } = { ja: [], en: [] };
    if (more > 0) {
      parts.ja.push(`ほか ${more} 件`);
      parts.en.push(`${more} more`);
    }
    if (expired > 0) {
      parts.ja.push(`期限切れのまま「許可済み」の許可 ${expired} 件`);
      parts.en.push(`${expired} past validity still marked granted`);
    }
    return {
      key: "licences",
      title: { ja: "輸出許可（許可台帳）", en: "Export licences (register)" },
      tiles: [
        {
          key: "licences.expiring",
          label: {
            ja: `${withinDays}日以内に期限切れの許可`,
            en: `Licences expiring within ${withinDays} days`,
          },
          value: expiring.length,
          link: `/export/licences?expiring=${withinDays}`,
          tone,
          detail: parts.ja.length > 0 ? { ja: parts.ja.join("・"), en: parts.en.join("; ") } : null,
          entries,
        },
      ],
    };
  };
}
