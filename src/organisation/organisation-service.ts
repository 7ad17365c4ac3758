import type { SettingsRepo } from "../app/settings-repo.js";
import type { AuditWriter } from "../audit/audit-service.js";
import type { Db } from "../db/database.js";
import type { Actor } from "../shared/actor.js";
import { hasAnyRole } from "../shared/actor.js";
import { forbidden, invalid } from "../shared/errors.js";
import { DEFAULT_TIME_ZONE, isTimeZone } from "../shared/time-format.js";

/** Installation-wide settings of the organisation that every module reads. */
export type OrganisationSettings = {
  /** IANA zone in which the UI, PDFs and CSV exports show times (default Asia/Tokyo). */
  timeZone: string;
};

const KEY = "organisation.settings";
const DEFAULTS: OrganisationSettings = { timeZone: DEFAULT_TIME_ZONE };

/**
 * The organisation's settings (today: its time zone), stored in app_settings. Reading is for every
 * logged-in user and every module; changing is for admins and is audited.
 */
export function createOrganisationService({
  db,
  settings,
  audit,
}: {
  db: Db;
  settings: SettingsRepo;
  audit: AuditWriter;
}) {
  async function get(): Promise<OrganisationSettings> {
    const stored = await settings.get<Partial<OrganisationSettings>>(db, KEY);
    const timeZone = stored?.timeZone && isTimeZone(stored.timeZone) ? stored.timeZone : DEFAULTS.timeZone;
    return { ...DEFAULTS, ...stored, timeZone };
  }

  async function update(actor: Actor, input: Partial<OrganisationSettings>): Promise<OrganisationSettings> {
    if (!hasAnyRole(actor, ["admin"])) throw forbidden();
    if (input.timeZone !== undefined && !isTimeZone(input.timeZone)) {
      throw invalid([
        {
          path: "timeZone",
          message: {
            ja: `「${input.timeZone}」はタイムゾーン名として認識できません（例: Asia/Tokyo）`,
            en: `"${input.timeZone}" is not a known time-zone name (e.g. Asia/Tokyo)`,
          },
        },
      ]);
    }
    return db.transaction().execute(async (tx) => {
      const before = await get();
      const after = { ...before, ...input };
      await settings.set(tx, KEY, after);
      await audit.write(tx, actor, {
        action: "organisation.settings_updated",
        entityType: "organisation",
        entityId: null,
        before,
        after,
      });
      return after;
    });
  }

  return {
    get,
    update,
    /** The zone PDFs, CSVs and e-mails print times in. */
    timeZone: async () => (await get()).timeZone,
  };
}

export type OrganisationService = ReturnType<typeof createOrganisationService>;
