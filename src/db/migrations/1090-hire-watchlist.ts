import { type Kysely, sql } from "kysely";

/**
 * Hiring and contracting (issue 15): the accounts a hiring review put on the insider-risk watchlist.
 * The account of a high-risk hire is unknown when the review is approved; the security office adds
 * it later from the review, and this row ties the review to the account and list (who and when).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE review_watchlist_entries (
      id uuid PRIMARY KEY,
      review_id uuid NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
      account text NOT NULL CHECK (length(btrim(account)) > 0),
      list text NOT NULL,
      added_by uuid REFERENCES users(id),
      added_by_label text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (review_id, account, list)
    )`.execute(db);
}
