import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ApiResponse, Item } from "../../api/types";
import { api, qs } from "../../app/api";

/** One person record (residency history, 特定類型 declarations, disclosures, screenings, flags). */
export type Person = ApiResponse<"/api/people/{id}">;

/** A research-integrity disclosure (e-Rad fields), as stored and as the form submits it. */
export type Disclosure = Item<Person["disclosures"]>["content"];
/** A provider: an organisation unless `kind` says it is an individual (matched and screened as a person). */
export type Provider = Item<Disclosure["funds"]>["provider"];
export type AffiliationKind = Item<Disclosure["affiliations"]>["kind"];

export type TokuteiForm = Item<Person["tokutei"]>["content"];

/** The facts a residency decision is taken from (the 外為法 interpretation's cases). */
export type ResidencyBasis = NonNullable<Item<Person["residency"]>["basis"]>;
/** 本邦人 / 外国人: read only for residency, whose rules differ by it under the 外為法 interpretation. */
export type PersonType = NonNullable<Extract<ResidencyBasis, { kind: "arrived_in_japan" }>["personType"]>;
export type OfficialCapacity = Extract<ResidencyBasis, { kind: "official_duty" }>["capacity"];

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
