/**
 * A 取引審査 (transaction check) with every checklist answer "no concern", for database and browser tests that
 * carry a review past the check; `conclusion` is the officer's closing remark.
 */
export function cleanTransactionCheck(conclusion: string) {
  return {
    endUse: { wmd: false, conventional: false, military_site: false, unclear_use: false },
    akiraka: {
      doc_mentions_wmd: false,
      told_wmd: false,
      refuses_info: false,
      mismatch_business: false,
      declines_support: false,
      unusual_terms: false,
    },
    endUser: {
      on_eul: false,
      military_body: false,
      unverifiable: false,
      not_final: false,
      past_concern: false,
    },
    notes: {},
    conclusion,
    counterpartyAttributes: {},
  };
}
