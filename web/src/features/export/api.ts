import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ApiRequestBody, ApiResponse, Item as ItemOf } from "../../api/types";
import { api, qs, upload } from "../../app/api";
import type { ExceptionRecord } from "../reviews/api";

/** The export-control API: reference and sources, item master, licences, provisions, self-inspection. */

export type ExportReference = ApiResponse<"/api/export/reference">;

export function useExportReference() {
  return useQuery({
    queryKey: ["export", "reference"],
    queryFn: () => api.get<ExportReference>("/api/export/reference"),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export type Item = ApiResponse<"/api/export/items/{id}">;

/** What the item form edits: an item's own fields and its 判定 (the regime follows from the kind). */
export type ItemInput = Pick<
  Item,
  | "kind"
  | "name"
  | "modelNumber"
  | "maker"
  | "description"
  | "hsCode"
  | "rationale"
  | "decidedOn"
  | "recheckOn"
> & { judgement: Omit<Item["judgement"], "regime"> };
/** Compile-time check that what the form sends is a body the create route accepts. */
export const itemInputIsABody = (v: ItemInput): ApiRequestBody<"/api/export/items", "post"> => v;

export function useItems(q: { q?: string; status?: string; recheckDue?: boolean } = {}) {
  return useQuery({
    queryKey: ["export", "items", q],
    queryFn: () => api.get<ApiResponse<"/api/export/items">>(`/api/export/items${qs(q)}`),
  });
}

export function useItem(id: string | undefined) {
  return useQuery({
    queryKey: ["export", "item", id],
    queryFn: () => api.get<Item>(`/api/export/items/${id}`),
    enabled: !!id && id !== "new",
  });
}

function useItemMutation<V>(fn: (v: V) => Promise<Item>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (item) => {
      qc.setQueryData(["export", "item", item.id], item);
      void qc.invalidateQueries({ queryKey: ["export", "items"] });
    },
  });
}

export function useSaveItem() {
  return useItemMutation(({ id, version, input }: { id?: string; version?: number; input: ItemInput }) =>
    id
      ? api.put<Item>(`/api/export/items/${id}`, { ...input, version })
      : api.post<Item>("/api/export/items", input),
  );
}

export function useItemStatus() {
  return useItemMutation(({ id, status }: { id: string; status: "active" | "archived" }) =>
    api.post<Item>(`/api/export/items/${id}/status`, { status }),
  );
}

export function useUploadItemDocument() {
  return useItemMutation(({ id, kind, file }: { id: string; kind: string; file: File }) => {
    const form = new FormData();
    form.append("file", file);
    return upload<Item>(`/api/export/items/${id}/attachments${qs({ kind })}`, form);
  });
}

export function useRemoveItemDocument() {
  return useItemMutation(({ id, attachmentId }: { id: string; attachmentId: string }) =>
    api.delete<Item>(`/api/export/items/${id}/attachments/${attachmentId}`),
  );
}

/** A licence as the register lists it. */
export type LicenceRow = ItemOf<ApiResponse<"/api/export/licences">["items"]>;
/** One licence with its usages and linked reviews. */
export type Licence = ApiResponse<"/api/export/licences/{id}">;

/** What the licence form edits: the create body, with every defaulted field filled in. */
export type LicenceInput = Required<ApiRequestBody<"/api/export/licences", "post">>;
export type CoveredItem = ItemOf<LicenceInput["items"]>;

/** The licence register; `expiring` keeps granted licences expiring within that many days. */
export function useLicences(enabled = true, expiring?: number) {
  return useQuery({
    queryKey: ["export", "licences", expiring ?? null],
    queryFn: () =>
      api.get<ApiResponse<"/api/export/licences">>(
        expiring === undefined ? "/api/export/licences" : `/api/export/licences?expiring=${expiring}`,
      ),
    enabled,
  });
}

export function useLicence(id: string | undefined) {
  return useQuery({
    queryKey: ["export", "licence", id],
    queryFn: () => api.get<Licence>(`/api/export/licences/${id}`),
    enabled: !!id && id !== "new",
  });
}

function useLicenceMutation<V>(fn: (v: V) => Promise<Licence>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (l) => {
      qc.setQueryData(["export", "licence", l.id], l);
      void qc.invalidateQueries({ queryKey: ["export", "licences"] });
    },
  });
}

export function useSaveLicence() {
  return useLicenceMutation(
    ({ id, version, input }: { id?: string; version?: number; input: LicenceInput }) =>
      id
        ? api.put<Licence>(`/api/export/licences/${id}`, { ...input, version })
        : api.post<Licence>("/api/export/licences", input),
  );
}

export function useRecordUsage() {
  return useLicenceMutation(
    ({
      id,
      ...body
    }: {
      id: string;
      usedOn: string;
      quantity: number | null;
      valueJpy: number | null;
      reviewId: string | null;
      note: string | null;
      destinationCountry: string | null;
    }) => api.post<Licence>(`/api/export/licences/${id}/usages`, body),
  );
}

export type ProvisionRow = ItemOf<ApiResponse<"/api/export/provisions">["items"]>;

export function useAllProvisions(q: { from?: string; to?: string }) {
  return useQuery({
    queryKey: ["export", "provisions", q],
    queryFn: () => api.get<ApiResponse<"/api/export/provisions">>(`/api/export/provisions${qs(q)}`),
  });
}

export type CountryGroups = ApiResponse<"/api/export/country-groups">;
export type CountryGroupEdition = ItemOf<CountryGroups["table"]["editions"]>;

export function useCountryGroups() {
  return useQuery({
    queryKey: ["export", "country-groups"],
    queryFn: () => api.get<CountryGroups>("/api/export/country-groups"),
  });
}

export function useImportCountryGroups() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { table: unknown; note: string | null } | "built_in") =>
      body === "built_in"
        ? api.post("/api/export/country-groups/built-in")
        : api.post("/api/export/country-groups", body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["export", "country-groups"] }),
  });
}

export type Inspection = ApiResponse<"/api/export/self-inspections/{year}">;
export type InspectionAnswer = Inspection["answers"][string];
export type YearStatistics = ApiResponse<"/api/export/self-inspections/{year}/statistics">;

export function useInspection(year: number) {
  return useQuery({
    queryKey: ["export", "inspection", year],
    queryFn: () => api.get<Inspection>(`/api/export/self-inspections/${year}`),
  });
}

export function useStatistics(year: number) {
  return useQuery({
    queryKey: ["export", "statistics", year],
    queryFn: () => api.get<YearStatistics>(`/api/export/self-inspections/${year}/statistics`),
  });
}

export function useSaveInspection(year: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (
      v: { answers: Record<string, InspectionAnswer> } | "complete" | { file: File; question: string },
    ) =>
      v === "complete"
        ? api.post<Inspection>(`/api/export/self-inspections/${year}/complete`)
        : "file" in v
          ? (() => {
              const form = new FormData();
              form.append("file", v.file);
              return upload<Inspection>(
                `/api/export/self-inspections/${year}/evidence${qs({ question: v.question })}`,
                form,
              );
            })()
          : api.put<Inspection>(`/api/export/self-inspections/${year}`, v),
    onSuccess: (data) => {
      qc.setQueryData(["export", "inspection", year], data);
      void qc.invalidateQueries({ queryKey: ["tasks"] });
    },
  });
}

export type { ExceptionRecord };
