import type { ScreeningPort } from "../screening/screening-contract.js";
import { AppError } from "../shared/errors.js";

/** The code a screening call fails with while no screening service is wired in. */
export const SCREENING_UNAVAILABLE = "screening_unavailable";

/**
 * TEMPORARY adapter until the screening service lands on main: every call says that screening is
 * not yet available. It never reports hits or a clean result, so approach reports record
 * "screening not yet available" and the security office can screen again later. Replace it in
 * `src/app/services.ts` with the real screening service.
 */
export function createScreeningNotYetAvailable(): ScreeningPort {
  const unavailable = () =>
    new AppError(503, SCREENING_UNAVAILABLE, {
      ja: "リスト照合（スクリーニング）はまだ利用できません",
      en: "Screening is not yet available",
    });
  return {
    async screenParty() {
      throw unavailable();
    },
    async latestForParty() {
      return null;
    },
  };
}
