/**
 * Consistency of a researcher's disclosure with the rest of the record (issue 16 §3): an
 * organisation that appears elsewhere — a project appointment or funder, an approved outside-post
 * (兼業) review, an approach report in which the researcher acts for it — but not in the latest
 * research-integrity disclosure is a red flag with its evidence; so is an ongoing item that vanished
 * from the disclosure without an end date, and an organisation that approached the researcher and
 * now appears in their projects or affiliations.
 *
 * Pure: no IO, no clock. Organisations are compared by party id, else by normalised name. The
 * inputs carry no nationality and no ethnicity: nothing here can use them (a property test checks
 * that countries of organisations never change the outcome either).
 */

export type Label = { ja: string; en: string };

/** An organisation (or person) as the records name it: a party id when linked, and its names. */
export type OrgRef = {
  partyId: string | null;
  /** The name shown to the reader; the first of `names`. */
  name: string;
  /** Every name the party is known by (all scripts); compared after normalisation. */
  names?: readonly string[] | undefined;
  /** Where the organisation is registered — carried for display only, never read by a rule. */
  country?: string | null | undefined;
};

/** What the latest (and the previous) disclosure names: each organisation with its section. */
export type DisclosedItem = {
  org: OrgRef;
  section: "affiliation" | "fund" | "non_monetary" | "career";
  /** Ongoing at submission (no end date, or an end date on or after the submission day). */
  ongoing: boolean;
  label: string;
};

/** Where an organisation appeared outside the disclosure. */
export type Appearance = {
  org: OrgRef;
  source:
    | "project_appointment"
    | "project_affiliation"
    | "project_funder"
    | "outside_post_review"
    | "approach_sender";
  /** What the reader is shown: "研究プロジェクト #3「…」の兼務先" etc. */
  where: Label;
  /** A link inside the product (e.g. /projects/…), or null. */
  link: string | null;
};

/** An approach the researcher reported: who approached them. */
export type ReportedApproach = { org: OrgRef; where: Label; link: string | null };

/** A project partner of one of the researcher's projects (any role). */
export type ProjectPartner = { org: OrgRef; where: Label; link: string | null };

export type Evidence = { where: Label; link: string | null; confidential?: boolean | undefined };

export type ConsistencyFinding = {
  flag: "P-UNDISCLOSED-AFFILIATION" | "P-DISCLOSURE-DROPPED" | "P-APPROACH-CONNECTION";
  org: OrgRef;
  message: Label;
  evidence: Evidence[];
};

/** NFKC, lower case, no spaces or punctuation, common legal suffixes kept (they distinguish). */
export function normaliseOrgName(name: string): string {
  return name
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, "");
}

function keysOf(org: OrgRef): string[] {
  const names = [org.name, ...(org.names ?? [])].map(normaliseOrgName).filter((n) => n.length > 0);
  return [...(org.partyId ? [`id:${org.partyId}`] : []), ...names.map((n) => `name:${n}`)];
}

/** True when the two references name the same organisation (same party, or a shared normalised name). */
export function sameOrg(a: OrgRef, b: OrgRef): boolean {
  const ka = new Set(keysOf(a));
  return keysOf(b).some((k) => ka.has(k));
}

const SOURCE_LABEL: Record<Appearance["source"], Label> = {
  project_appointment: { ja: "研究プロジェクトで申告された兼務先", en: "appointment stated on a project" },
  project_affiliation: { ja: "研究プロジェクト上の所属", en: "affiliation stated on a project" },
  project_funder: { ja: "研究プロジェクトの資金提供者", en: "funder of a project" },
  outside_post_review: { ja: "兼業の審査", en: "outside-post (兼業) review" },
  approach_sender: {
    ja: "接触報告（本人が相手方として記載）",
    en: "approach report naming the researcher as sender",
  },
};

/** Groups items that name the same organisation, keeping the first reference and all evidence. */
function group<T extends { org: OrgRef }>(items: readonly T[]): { org: OrgRef; items: T[] }[] {
  const out: { org: OrgRef; items: T[] }[] = [];
  for (const it of items) {
    const g = out.find((o) => sameOrg(o.org, it.org));
    if (g) g.items.push(it);
    else out.push({ org: it.org, items: [it] });
  }
  return out;
}

/**
 * Every inconsistency between the latest disclosure and the other records, with its evidence.
 * `latest` null (no disclosure yet) yields nothing: a missing disclosure is its own flag.
 * `ownOrganisation` (the institution itself) is never asked to be disclosed.
 */
export function consistencyFindings(input: {
  latest: { submittedOn: string; items: readonly DisclosedItem[] } | null;
  previous: { submittedOn: string; items: readonly DisclosedItem[] } | null;
  appearances: readonly Appearance[];
  reportedApproaches: readonly ReportedApproach[];
  projectPartners: readonly ProjectPartner[];
  ownOrganisation?: readonly OrgRef[] | undefined;
}): ConsistencyFinding[] {
  const latest = input.latest;
  if (!latest) return [];
  const own = input.ownOrganisation ?? [];
  const disclosed = (org: OrgRef) => latest.items.some((d) => sameOrg(d.org, org));
  const out: ConsistencyFinding[] = [];

  for (const g of group(input.appearances.filter((a) => !own.some((o) => sameOrg(o, a.org))))) {
    // One organisation under several references (same party, different names): disclosed under any.
    if (g.items.some((i) => disclosed(i.org))) continue;
    const kinds = [...new Set(g.items.map((i) => i.source))];
    out.push({
      flag: "P-UNDISCLOSED-AFFILIATION",
      org: g.org,
      message: {
        ja: `「${g.org.name}」が${kinds.map((k) => SOURCE_LABEL[k].ja).join("・")}に現れていますが、最新の申告（${latest.submittedOn}）にありません`,
        en: `"${g.org.name}" appears as ${kinds.map((k) => SOURCE_LABEL[k].en).join(", ")} but not in the latest disclosure (${latest.submittedOn})`,
      },
      evidence: g.items.map((i) => ({ where: i.where, link: i.link })),
    });
  }

  if (input.previous) {
    const prev = input.previous;
    const dropped = prev.items.filter(
      (d) => d.ongoing && d.section !== "career" && !latest.items.some((l) => sameOrg(l.org, d.org)),
    );
    for (const g of group(dropped))
      out.push({
        flag: "P-DISCLOSURE-DROPPED",
        org: g.org,
        message: {
          ja: `${prev.submittedOn} の申告で継続中だった「${g.org.name}」が、終了日の記載なく最新の申告（${latest.submittedOn}）から消えています`,
          en: `"${g.org.name}", ongoing in the disclosure of ${prev.submittedOn}, is missing from the latest one (${latest.submittedOn}) without an end date`,
        },
        evidence: g.items.map((i) => ({
          where: {
            ja: `${prev.submittedOn} の申告: ${i.label}`,
            en: `Disclosure of ${prev.submittedOn}: ${i.label}`,
          },
          link: null,
        })),
      });
  }

  for (const g of group(input.reportedApproaches)) {
    const inProjects = input.projectPartners.filter((p) => sameOrg(p.org, g.org));
    const inDisclosure = latest.items.filter(
      (d) => d.section !== "career" && d.ongoing && sameOrg(d.org, g.org),
    );
    if (inProjects.length === 0 && inDisclosure.length === 0) continue;
    out.push({
      flag: "P-APPROACH-CONNECTION",
      org: g.org,
      message: {
        ja: `接触を報告された「${g.org.name}」が${inProjects.length ? "研究プロジェクトの相手方" : ""}${inProjects.length && inDisclosure.length ? "・" : ""}${inDisclosure.length ? "申告された所属・資金提供者" : ""}に現れています`,
        en: `"${g.org.name}", reported as having approached the researcher, appears ${[inProjects.length ? "as a project partner" : "", inDisclosure.length ? "in the disclosure" : ""].filter(Boolean).join(" and ")}`,
      },
      evidence: [
        ...g.items.map((i) => ({ where: i.where, link: i.link })),
        ...inProjects.map((p) => ({ where: p.where, link: p.link })),
        ...inDisclosure.map((d) => ({
          where: { ja: `最新の申告: ${d.label}`, en: `Latest disclosure: ${d.label}` },
          link: null,
        })),
      ],
    });
  }
  return out;
}

/** The parts of a disclosure this engine reads (structurally the people module's `Disclosure`). */
export type DisclosureShape = {
  submittedOn: string;
  career: readonly { organisation: string; position: string; to: string | null }[];
  affiliations: readonly {
    organisation: { name: string; partyId: string | null };
    position: string;
    to: string | null;
  }[];
  funds: readonly { title: string; provider: { name: string; partyId: string | null }; to: string | null }[];
  nonMonetary: readonly { description: string; provider: { name: string; partyId: string | null } }[];
};

/**
 * The organisations a disclosure names, with the party each free-text name was matched to
 * (`matchedByPath`: "affiliations.0.organisation" → party id) and each party's other names.
 */
export function disclosedItems(
  d: DisclosureShape,
  matchedByPath: ReadonlyMap<string, string>,
  namesOf: (partyId: string) => readonly string[] = () => [],
): DisclosedItem[] {
  const ongoing = (to: string | null) => to === null || to >= d.submittedOn;
  const ref = (name: string, partyId: string | null, path: string): OrgRef => {
    const id = partyId ?? matchedByPath.get(path) ?? null;
    return { partyId: id, name, names: id ? namesOf(id) : [] };
  };
  return [
    ...d.affiliations.map((a, i) => ({
      org: ref(a.organisation.name, a.organisation.partyId, `affiliations.${i}.organisation`),
      section: "affiliation" as const,
      ongoing: ongoing(a.to),
      label: `${a.organisation.name}${a.position ? ` (${a.position})` : ""}`,
    })),
    ...d.funds.map((f, i) => ({
      org: ref(f.provider.name, f.provider.partyId, `funds.${i}.provider`),
      section: "fund" as const,
      ongoing: ongoing(f.to),
      label: `${f.provider.name}${f.title ? `: ${f.title}` : ""}`,
    })),
    ...d.nonMonetary.map((n, i) => ({
      org: ref(n.provider.name, n.provider.partyId, `nonMonetary.${i}.provider`),
      section: "non_monetary" as const,
      ongoing: true,
      label: `${n.provider.name}${n.description ? `: ${n.description}` : ""}`,
    })),
    ...d.career.map((c, i) => ({
      org: ref(c.organisation, null, `career.${i}.organisation`),
      section: "career" as const,
      ongoing: ongoing(c.to),
      label: `${c.organisation}${c.position ? ` (${c.position})` : ""}`,
    })),
  ];
}

/** The organisation a finding is about, as a stable key: its party, else its normalised name. */
export function orgKey(org: OrgRef): string {
  return org.partyId ? `id:${org.partyId}` : `name:${normaliseOrgName(org.name)}`;
}

/** One piece of evidence as a stable key (where it was found and its link). */
export function evidenceKey(e: Evidence): string {
  return `${e.link ?? ""}|${e.where.en}`;
}

/** A finding's identity across loads: the flag and the organisation it is about. */
export function findingKey(f: Pick<ConsistencyFinding, "flag" | "org">): string {
  return `${f.flag}|${orgKey(f.org)}`;
}

/** An officer's dismissal of one finding, for the evidence it was given for. */
export type Dismissal = { flag: string; orgKey: string; evidenceKeys: readonly string[] };

/**
 * Splits findings into those still raised and those an officer dismissed as wrong. A dismissal
 * holds only for the evidence it was given for: a finding with any piece of evidence the latest
 * dismissal of it did not see is raised again (with that new evidence named), while evidence that
 * went away keeps it dismissed. `dismissals` are newest first; the newest for a finding counts.
 */
export function applyDismissals<F extends ConsistencyFinding, D extends Dismissal>(
  findings: readonly F[],
  dismissals: readonly D[],
): {
  raised: { finding: F; earlier: D | null; newEvidence: Evidence[] }[];
  dismissed: { finding: F; dismissal: D }[];
} {
  const raised: { finding: F; earlier: D | null; newEvidence: Evidence[] }[] = [];
  const dismissed: { finding: F; dismissal: D }[] = [];
  for (const f of findings) {
    const key = orgKey(f.org);
    const d = dismissals.find((x) => x.flag === f.flag && x.orgKey === key) ?? null;
    if (!d) {
      raised.push({ finding: f, earlier: null, newEvidence: [] });
      continue;
    }
    const seen = new Set(d.evidenceKeys);
    const fresh = f.evidence.filter((e) => !seen.has(evidenceKey(e)));
    if (fresh.length === 0) dismissed.push({ finding: f, dismissal: d });
    else raised.push({ finding: f, earlier: d, newEvidence: fresh });
  }
  return { raised, dismissed };
}
