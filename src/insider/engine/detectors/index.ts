/**
 * The detector registry: every detector the engine runs, in order. A new detector is one new file
 * in this folder and one line here. Order matters twice: end-of-day rules run in this order within
 * each phase (signals, then cases), and detector features are appended to the stored feature
 * vector in this order — add new detectors at the end so stored vectors keep their meaning.
 */
import { cloudLeak } from "./cloud-leak.js";
import { departing } from "./departing.js";
import { offHours } from "./off-hours.js";
import { otherMachines } from "./other-machines.js";
import { psychometric } from "./psychometric.js";
import { recruitedEmail } from "./recruited-email.js";
import { remoteIdentity } from "./remote-identity.js";
import { removableMedia } from "./removable-media.js";
import { scopeCreep } from "./scope-creep.js";
import { toolPlant } from "./tool-plant.js";
import type { AnyDetectorDef } from "./types.js";

export const DETECTORS: readonly AnyDetectorDef[] = [
  offHours,
  removableMedia,
  departing,
  recruitedEmail,
  scopeCreep,
  otherMachines,
  cloudLeak,
  toolPlant,
  psychometric,
  remoteIdentity,
];

/**
 * Indicator order of engine snapshots version 1 (before detectors were modules): their per-day
 * evidence counters and indicator histories are stored by this index.
 */
export const LEGACY_INDICATOR_ORDER: readonly string[] = [
  "I-AFTER-HOURS-LOGON",
  "I-WEEKEND-ACTIVITY",
  "I-USB-FIRST-USE",
  "I-USB-AFTER-HOURS",
  "I-USB-VOLUME",
  "I-USB-CONFIDENTIAL",
  "I-CONF-AFTER-HOURS",
  "I-OUT-OF-SCOPE",
  "I-JOB-SEARCH",
  "I-PRO-NETWORK",
  "I-DEPARTING",
  "I-POST-DEPARTURE",
  "I-CLOUD-USE",
  "I-CLOUD-UPLOAD",
  "I-LEAK-SITE",
  "I-HACK-TOOL",
  "I-TOOL-TRANSFER",
  "I-OTHER-PC-LOGON",
  "I-SUPERVISOR-PC",
  "I-OTHER-PC-FILES",
  "I-OTHER-PC-MAIL-OUT",
  "I-EMAIL-EXT-ATTACH",
  "I-EMAIL-PERSONAL",
  "I-EMAIL-NEW-RECIPIENT",
  "I-EMAIL-CONFIDENTIAL",
  "I-MASS-EMAIL",
  "I-CASE1-OFFHOURS-EXFIL",
  "I-CASE2-DEPARTING-EXFIL",
  "I-CASE3-RECRUITED-EMAIL",
  "I-CASE4-SCOPE-CREEP",
  "I-CASE5-OTHER-PC-MAIL",
  "I-CASE6-LEAK-UPLOAD",
  "I-CASE6-TOOL-PLANT",
  "I-PSYCHOMETRIC",
];

/** Habit order of engine snapshots version 1 (their `habitK` arrays). */
export const LEGACY_HABIT_ORDER: readonly string[] = [
  "after_hours",
  "weekend",
  "usb",
  "usb_after_hours",
  "conf_after_hours",
  "other_pc",
  "supervisor_pc",
  "other_files",
  "cloud",
  "cloud_upload",
  "personal_attach",
  "mass_mail",
  "tool",
];
