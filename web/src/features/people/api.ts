import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ApiResponse, Item } from "../../api/types";
import { api, qs } from "../../app/api";
import type { Bi, Hit } from "../reviews/api";

/** A provider: an organisation unless `kind` says it is an individual (matched and screened as a person). */
export type Provider = { name: string; partyId: string | null; kind?: "organization" | "person" };
export type AffiliationKind = "position" | "outside_appointment" | "talent_programme" | "honorary";
export type Disclosure = {
  submittedOn: string;
  career: { from: string; to: string | null; organisation: string; position: string }[];
  affiliations: {
    kind: AffiliationKind;
    organisation: Provider;
    position: string;
    from: string;
    to: string | null;
    effortPercent: number;
    paid: boolean;
    confidentiality: boolean;
  }[];
  funds: {
    title: string;
    programme: string;
    provider: Provider;
    status: "applied" | "received";
    inERad: boolean;
    amountJpy: number | null;
    from: string;
    to: string | null;
    effortPercent: number;
    confidentiality: boolean;
  }[];
  nonMonetary: { description: string; provider: Provider; from: string | null; confidentiality: boolean }[];
  pledge: boolean;
};

export type TokuteiForm = {
  declaredOn: string;
  type1: { applies: boolean; counterparty: string; detail: string };
  type2: { fiscalYear: string; foreignIncomeJpy: number; totalIncomeJpy: number; sources: string };
  type3: { applies: boolean; detail: string };
  evidence: string;
  nextReviewOn: string | null;
  pledge: boolean;
};

/** 本邦人 / 外国人: read only for residency, whose rules differ by it under the 外為法 interpretation. */
export type PersonType = "japanese_national" | "foreign_national";
export type OfficialCapacity = "foreign_government" | "international_organisation" | "diplomat_consular";
export type ResidencyBasis =
  | {
      kind: "arrived_in_japan";
      date: string;
      employedInJapan: boolean;
      personType?: PersonType;
      temporaryReturn?: boolean;
    }
  | {
      kind: "left_japan";
      date: string;
      employedAbroad: boolean;
      stayAbroadTwoYearsOrMore: boolean;
      personType?: PersonType;
      atJapaneseMission?: boolean;
    }
  | { kind: "long_term_in_japan"; personType?: PersonType }
  | { kind: "official_duty"; date: string; capacity: OfficialCapacity }
  | { kind: "officer_decision"; status: "resident" | "non_resident"; date: string; reason: string };

export type Person = {
  id: string;
  partyId: string;
  name: string;
  userId: string | null;
  username: string | null;
  category: string;
  department: string | null;
  email: string | null;
  eradResearcherNumber: string | null;
  disclosureDueOn: string | null;
  tokuteiReviewOn: string | null;
  version: number;
  residency: {
    status: "resident" | "non_resident";
    effectiveFrom: string;
    basis: ResidencyBasis | null;
    reason: Bi | null;
    note: string | null;
    recordedAt: string;
  }[];
  tokutei: {
    id: string;
    declaredOn: string;
    types: string[];
    incomeShare: number | null;
    nextReviewOn: string;
    active: boolean;
    content: TokuteiForm;
    recordedAt: string;
  }[];
  disclosures: {
    id: string;
    version: number;
    submittedOn: string;
    totalEffort: number;
    content: Disclosure;
    recordedAt: string;
  }[];
  providerScreenings: {
    partyId: string;
    providerName: string;
    screenedAt: string;
    result: { runId: string; screenedAt: string; hits: (Hit & { reason?: Bi })[] };
  }[];
  /** How each free-text name in the latest disclosure became a party (matched or created), with reasons. */
  disclosureMatches: {
    path: string;
    name: string;
    partyId: string;
    method: "chosen" | "identifier" | "exact" | "similar" | "created" | "relinked";
    score: number | null;
    reasons: Bi[];
  }[];
  flags: {
    id: string;
    title: Bi;
    evidence: Bi;
    source: string;
    /** Where the evidence was found (consistency flags), with a link inside the product. */
    items?: { where: Bi; link: string | null; confidential?: boolean }[];
    /** Consistency flags: what an officer dismisses the flag by. */
    key?: string;
    /** Raised again after a dismissal because of new evidence (officers only). */
    earlier?: { reason: string; by: string; at: string; newEvidence: { where: Bi; link: string | null }[] };
  }[];
  /** Training the declarations (foreign post, talent programme, 特定類型) require, with the status. */
  trainingRequired: { slug: string; title: Bi; current: boolean; expiresAt: string | null; reasons: Bi[] }[];
  /** Consistency flags an officer dismissed as wrong: who, when, why (officers only). */
  dismissedFlags: {
    dismissalId: string;
    key: string;
    id: string;
    title: Bi;
    evidence: Bi;
    items: { where: Bi; link: string | null; confidential?: boolean }[];
    reason: string;
    dismissedBy: string;
    dismissedAt: string;
  }[];
};

export type PersonListItem = Item<ApiResponse<"/api/people">["items"]>;

/** The people list's filters, as the URL and the API carry them. */
export type PeopleFilter = {
  q?: string;
  department?: string;
  category?: string;
  flag?: string;
  due?: string;
  sort?: string;
  page?: number;
  pageSize?: number;
};

export function usePeople(filter: PeopleFilter, enabled = true) {
  return useQuery({
    queryKey: ["people", "list", filter],
    queryFn: () => api.get<{ items: PersonListItem[]; total: number }>(`/api/people${qs(filter)}`),
    placeholderData: keepPreviousData,
    // Applicants are sent to their own record: do not ask for the list first (a 403 in the console).
    enabled,
  });
}

/** Departments that have person records. */
export function usePeopleDepartments(enabled: boolean) {
  return useQuery({
    queryKey: ["people", "departments"],
    queryFn: () => api.get<{ items: string[] }>("/api/people/departments"),
    enabled,
  });
}

export function usePerson(id: string | undefined) {
  return useQuery({
    queryKey: ["person", id],
    queryFn: () =>
      id === "me"
        ? api.get<{ person: Person | null }>("/api/people/me").then((r) => r.person)
        : api.get<Person>(`/api/people/${id}`),
    enabled: !!id,
  });
}

function usePersonMutation<V>(fn: (v: V) => Promise<Person>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (p) => {
      qc.setQueryData(["person", p.id], p);
      void qc.invalidateQueries({ queryKey: ["person", "me"] });
      void qc.invalidateQueries({ queryKey: ["people"] });
      void qc.invalidateQueries({ queryKey: ["tasks"] });
    },
  });
}

export type PersonInput = {
  partyId?: string;
  username: string | null;
  category: string;
  department: string | null;
  email: string | null;
  eradResearcherNumber: string | null;
};

export function useSavePerson() {
  return usePersonMutation(({ id, version, input }: { id?: string; version?: number; input: PersonInput }) =>
    id ? api.put<Person>(`/api/people/${id}`, { ...input, version }) : api.post<Person>("/api/people", input),
  );
}

export function useRecordResidency() {
  return usePersonMutation(
    ({ id, basis, note }: { id: string; basis: ResidencyBasis; note: string | null }) =>
      api.post<Person>(`/api/people/${id}/residency`, { basis, note }),
  );
}

export function useDeclareTokutei() {
  return usePersonMutation(({ id, form }: { id: string; form: TokuteiForm }) =>
    api.post<Person>(`/api/people/${id}/tokutei`, form),
  );
}

export function useSubmitDisclosure() {
  return usePersonMutation(({ id, disclosure }: { id: string; disclosure: Disclosure }) =>
    api.post<Person>(`/api/people/${id}/disclosures`, disclosure),
  );
}

/** Dismisses a wrong consistency flag with the reason (officers). */
export function useDismissFlag() {
  return usePersonMutation(({ id, key, reason }: { id: string; key: string; reason: string }) =>
    api.post<Person>(`/api/people/${id}/flags/dismiss`, { key, reason }),
  );
}

export function useScreenProviders() {
  return usePersonMutation(({ id }: { id: string }) => api.post<Person>(`/api/people/${id}/screen`));
}

/** ② of 特定類型: the share of annual income from abroad; applies at 25 % or more (as the server computes it). */
export function incomeShare(foreign: number, total: number): { share: number | null; applies: boolean } {
  if (!(total > 0)) return { share: null, applies: false };
  return { share: foreign / total, applies: foreign * 4 >= total };
}
