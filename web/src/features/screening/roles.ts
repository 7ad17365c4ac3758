import type { Role } from "../../app/auth";

/** Who may use the screening pages (the server enforces the same rule). */
export const SCREENING_READERS: Role[] = ["unit_officer", "secretariat", "approver", "auditor", "admin"];
/** Who may screen and upload batches. */
export const SCREENING_OFFICERS: Role[] = ["unit_officer", "secretariat", "approver", "admin"];
/** Who decides on hits (true match / false positive): the secretariat only (separation of duties). */
export const HIT_DECIDERS: Role[] = ["secretariat"];
