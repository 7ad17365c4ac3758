/**
 * Which list's entry comes first when two entries score exactly the same.
 *
 * Scores decide the order of hits; this only breaks exact ties, which happen when one body is
 * listed under the same (or a translation-equal) name on several lists — e.g. 朝鮮檀君貿易会社
 * meets the UN's KOREAN TANGUN TRADING CORPORATION and OFAC's KOREA TANGUN TRADING CORPORATION
 * with one score. A Japanese office should see first the listing with the strongest legal effect
 * for it: a UN Security Council designation (which Japan implements by the 外為法 asset freeze),
 * then Japan's own lists (財務省 asset freeze, 経済産業省 End User List and its Russia list), then
 * foreign sanctions (OFAC SDN before OFAC's non-SDN lists), foreign export-control lists (US CSL,
 * BIS), US defence lists (DoD 1260H/1286), research-risk trackers (ASPI) and lists of parties
 * sanctioned *by* China. The office's own lists (`custom:…`) and unknown ids follow in name order.
 */
const PRECEDENCE: Readonly<Record<string, number>> = {
  un: 0,
  mof_jp: 1,
  meti_eul: 2,
  meti_ru: 3,
  ofac_sdn: 4,
  ofac_cons: 5,
  us_csl: 6,
  bis_dpl: 7,
  dod_1260h: 8,
  dod_1286: 9,
  aspi: 10,
  cn_counter: 11,
};
const OTHER = 100;

/** Tie-break rank of a list id (lower first); see the module comment for the order and why. */
export function listPrecedence(source: string): number {
  return Object.hasOwn(PRECEDENCE, source) ? PRECEDENCE[source]! : OTHER;
}

/** Orders two list ids for an exact score tie: by precedence, then by id so the order is stable. */
export function compareListPrecedence(a: string, b: string): number {
  return listPrecedence(a) - listPrecedence(b) || (a < b ? -1 : a > b ? 1 : 0);
}
