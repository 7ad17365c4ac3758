import { type Kysely, sql } from "kysely";

/**
 * Single sign-on (issue 17 §1–2):
 * - `sso_identities`: which external identity (provider id + subject: OIDC `sub`, SAML NameID or
 *   eduPersonPrincipalName) belongs to which local user — one user may have several;
 * - `sso_login_flows`: a started login, server-side: the OIDC state, nonce and PKCE verifier, or the
 *   SAML AuthnRequest ID (InResponseTo), stored under the hash of a one-time token; consumed once;
 * - `sso_saml_assertions`: the IDs of SAML assertions already accepted, until they expire, so a
 *   captured response cannot be replayed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE sso_identities (
      id uuid PRIMARY KEY,
      provider text NOT NULL,
      subject text NOT NULL,
      user_id uuid NOT NULL REFERENCES users(id),
      email text,
      last_login_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (provider, subject)
    )`.execute(db);
  await sql`CREATE INDEX sso_identities_user ON sso_identities (user_id)`.execute(db);
  await sql`
    CREATE TABLE sso_login_flows (
      id uuid PRIMARY KEY,
      token_hash text NOT NULL UNIQUE,
      provider text NOT NULL,
      protocol text NOT NULL CHECK (protocol IN ('oidc', 'saml')),
      state text,
      nonce text,
      code_verifier text,
      saml_request_id text UNIQUE,
      return_to text,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      consumed_at timestamptz
    )`.execute(db);
  await sql`CREATE INDEX sso_login_flows_expiry ON sso_login_flows (expires_at)`.execute(db);
  await sql`
    CREATE TABLE sso_saml_assertions (
      provider text NOT NULL,
      assertion_id text NOT NULL,
      used_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      PRIMARY KEY (provider, assertion_id)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE sso_saml_assertions`.execute(db);
  await sql`DROP TABLE sso_login_flows`.execute(db);
  await sql`DROP TABLE sso_identities`.execute(db);
}
