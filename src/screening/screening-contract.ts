import type { Executor } from "../db/database.js";
import type { Party } from "../parties/parties-service.js";
import type { Actor } from "../shared/actor.js";

/**
 * The screening module's public contract: the shapes other modules (reviews, people, approach
 * reports) and the list importers rely on. Pure types, no code.
 */

/** One entry of an official list, as every importer produces it and the matching engine indexes it. */
export type ListEntity = {
  /** List id: "un", "ofac_sdn", "ofac_cons", "us_csl", "bis_dpl", "meti_eul", "mof_jp", "dod_1286", "dod_1260h", "aspi", "cn_counter", "ftm", "custom:<name>" … */
  source: string;
  /** The entry's identifier in its source (UN REFERENCE_NUMBER, OFAC ent_num …), or its primary name when the list has none. */
  sourceId: string;
  schema: "Person" | "Organization" | "Vessel" | "Aircraft" | "Unknown";
  /** First name is the primary one. `originalScript` = the name as written in its own script. */
  names: {
    name: string;
    kind: "primary" | "alias" | "weakAlias" | "former" | "originalScript";
    lang?: string;
  }[];
  /** ISO 3166-1 alpha-2 codes (nationality, citizenship, registration, address country). */
  countries: string[];
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  birthDates: string[];
  identifiers: { scheme: string; value: string }[];
  /** Sanctions programmes / sub-lists / concern types (e.g. "DPRK3", "Entity List", "WMD: B,C,M,N"). */
  programs: string[];
  listedOn?: string;
  remarks?: string;
  addresses?: string[];
  /** Anything else worth showing a reviewer, as the source gave it. */
  details?: Record<string, string | string[]>;
};

/** A query: a name in any script with optional facts that raise or lower the score. */
export type ScreeningQuery = {
  name: string;
  schema?: "Person" | "Organization" | "Unknown";
  countries?: string[];
  birthDate?: string;
  identifiers?: { scheme: string; value: string }[];
};

/** One feature's share of a score, worded for a reviewer in both languages. */
export type ScoreFeature = {
  id: string;
  /** Signed contribution to the final score. */
  contribution: number;
  label: { ja: string; en: string };
  detail?: { ja: string; en: string };
};

export type MatchExplanation = {
  queryName: string;
  matchedName: string;
  features: ScoreFeature[];
  summary: { ja: string; en: string };
  /**
   * How characters of the query were read or translated to meet the list name across scripts
   * (浪潮 → langchao by pinyin, 技術 → technology by the dictionary, キム → 김 → kim).
   */
  crossScript?: CrossScriptStep[];
};

/** One cross-script step of an explanation: query characters → the word that met the list name. */
export type CrossScriptStep = {
  from: string;
  to: string;
  list: string;
  how: { ja: string; en: string };
};

/** A candidate list entry for a query, scored 0..1 (1.0 only for identical names). */
export type ScreeningHit = {
  /** Database id of the list entity (stable within a snapshot). */
  entityId: string;
  source: string;
  sourceId: string;
  schema: ListEntity["schema"];
  name: string;
  score: number;
  /** score ≥ the configured threshold */
  match: boolean;
  explanation: MatchExplanation;
  programs: string[];
  countries: string[];
};

/** What reviews / people / approach reports get back when they screen a party. */
export type PartyScreeningResult = {
  runId: string;
  partyId: string;
  screenedAt: string;
  hits: (ScreeningHit & {
    /** The reviewer's decision on this party/entity pair, if any. */
    decision: {
      status: "true_match" | "false_positive";
      rationale: string;
      decidedBy: string;
      decidedAt: string;
      /** The deciding user's id (null for the system); the four-eyes rule on approvals reads it. */
      decidedById?: string | null;
    } | null;
  })[];
  /** Hits at or above the threshold without a decision: these block approval until resolved. */
  openHitCount: number;
  confirmedHitCount: number;
};

/**
 * What reviews, people and approach reports call to screen a party against all active lists. The
 * screening service implements it; decisions on hits are made through the screening API
 * (`POST /api/screening/decisions` with `{ partyId, entityId, status, rationale }`).
 */
export type ScreeningPort = {
  screenParty(
    actor: Actor,
    partyId: string,
    context?: { entityType: string; entityId: string },
  ): Promise<PartyScreeningResult>;
  /**
   * Screens a party inside the caller's transaction (a background job that links and screens in one
   * transaction). Does not wait for the index: 503 `index_building` while it is built, 409
   * `no_lists` when no list is loaded.
   */
  screenPartyIn(
    tx: Executor,
    actor: Actor,
    party: Party,
    context: { entityType: string; entityId: string },
  ): Promise<PartyScreeningResult>;
  /**
   * Waits (outside any transaction) until the matching index is built, up to the usual wait;
   * starts the build if none ran yet. Never throws: screenPartyIn says what is missing.
   */
  ready(): Promise<void>;
  /** The latest result for a party (with current decisions), or null if never screened. */
  latestForParty(partyId: string): Promise<PartyScreeningResult | null>;
};
