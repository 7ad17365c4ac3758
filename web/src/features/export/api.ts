import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, qs, upload } from "../../app/api";
import type { Bi, ExceptionRecord, Judgement, Option } from "../reviews/api";

/** The export-control API: reference and sources, item master, licences, provisions, self-inspection. */

export type ExportReference = {
  sources: Record<string, Bi>;
  controlItems: { item: string; label: Bi }[];
  listStatuses: Option[];
  catchAllCategories: Option[];
  exceptions: (Option & { conditions: Bi; citations: Bi[]; uses: Option[] })[];
  attachmentKinds: Option[];
  documents: Option[];
  licenceKinds: Option[];
  licenceStatuses: Option[];
  results: Option[];
  provisionMethods: Option[];
  groups: Option[];
  answers: string[];
  catchAll: {
    id: string;
    title: Bi;
    effectiveFrom: string;
    rows: {
      concern: Bi;
      group: string;
      category: string;
      requirements: Bi[];
      informOnlyIfDiversion: boolean;
      verified: boolean;
      note: Bi | null;
      citations: (Bi & { verified: boolean })[];
    }[];
  }[];
};

export function useExportReference() {
  return useQuery({
    queryKey: ["export", "reference"],
    queryFn: () => api.get<ExportReference>("/api/export/reference"),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export type Item = {
  id: string;
  refNo: string;
  kind: "goods" | "technology";
  name: string;
  modelNumber: string | null;
  maker: string | null;
  description: string;
  hsCode: string | null;
  judgement: Judgement;
  summary: Bi;
  rationale: string;
  decidedBy: { id: string; name: string } | null;
  decidedOn: string;
  recheckOn: string | null;
  recheckState: "overdue" | "due_soon" | "ok" | "none";
  status: "active" | "archived";
  version: number;
  createdAt: string;
  updatedAt: string;
  attachments: {
    id: string;
    kind: string;
    fileName: string;
    mediaType: string;
    sizeBytes: number;
    sha256: string;
    uploadedBy: string | null;
    createdAt: string;
  }[];
  usedInReviews: number;
};

export type ItemInput = {
  kind: "goods" | "technology";
  name: string;
  modelNumber: string | null;
  maker: string | null;
  description: string;
  hsCode: string | null;
  judgement: Omit<Judgement, "regime">;
  rationale: string;
  decidedOn: string;
  recheckOn: string | null;
};

export function useItems(q: { q?: string; status?: string; recheckDue?: boolean } = {}) {
  return useQuery({
    queryKey: ["export", "items", q],
    queryFn: () => api.get<{ items: Item[] }>(`/api/export/items${qs(q)}`),
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

export type CoveredItem = { itemId: string | null; listedItem: string | null; description: string };

export type Licence = {
  id: string;
  refNo: string;
  kind: string;
  kindLabel: Bi;
  status: string;
  licenceNumber: string | null;
  holder: string;
  appliedOn: string | null;
  issuedOn: string | null;
  validFrom: string | null;
  validUntil: string | null;
  conditions: string;
  items: CoveredItem[];
  destinations: string[];
  quantityLimit: number | null;
  quantityUnit: string | null;
  valueLimitJpy: number | null;
  usedQuantity: number;
  usedValueJpy: number;
  useCount: number;
  responsible: { id: string; name: string } | null;
  note: string | null;
  daysLeft: number | null;
  expiry: "ok" | "due_60" | "due_30" | "expired" | "none";
  version: number;
  usages?: {
    id: string;
    usedOn: string;
    quantity: number | null;
    valueJpy: number | null;
    note: string | null;
    reviewId: string | null;
    reviewRef: string | null;
    recordedBy: string | null;
  }[];
  reviews?: { id: string; refNo: string; title: string; status: string }[];
};

export type LicenceInput = {
  kind: string;
  status: string;
  licenceNumber: string | null;
  holder: string;
  appliedOn: string | null;
  issuedOn: string | null;
  validFrom: string | null;
  validUntil: string | null;
  conditions: string;
  items: CoveredItem[];
  destinations: string[];
  quantityLimit: number | null;
  quantityUnit: string | null;
  valueLimitJpy: number | null;
  responsibleUserId: string | null;
  note: string | null;
};

/** The licence register; `expiring` keeps granted licences expiring within that many days. */
export function useLicences(enabled = true, expiring?: number) {
  return useQuery({
    queryKey: ["export", "licences", expiring ?? null],
    queryFn: () =>
      api.get<{ items: Licence[] }>(
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

export type ProvisionRow = {
  id: string;
  reviewId: string | null;
  reviewRef: string | null;
  licenceId: string | null;
  licenceRef: string | null;
  itemRef: string | null;
  what: string;
  recipientName: string;
  providedOn: string;
  method: string;
  country: string | null;
  providedBy: string | null;
  note: string | null;
};

export function useAllProvisions(q: { from?: string; to?: string }) {
  return useQuery({
    queryKey: ["export", "provisions", q],
    queryFn: () => api.get<{ items: ProvisionRow[] }>(`/api/export/provisions${qs(q)}`),
  });
}

export type CountryGroupEdition = {
  group: string;
  id: string;
  title: Bi;
  effectiveFrom: string | null;
  effectiveFromVerified: boolean;
  source: Bi;
  amendedBy?: Bi;
  verified: boolean;
  note?: Bi;
  members: { code: string; name: Bi; since?: string; verified?: boolean; note?: Bi }[];
};

export type CountryGroups = {
  source: "built_in" | "imported";
  id: string | null;
  table: { format: string; title: Bi; editions: CountryGroupEdition[] };
  history: { id: string; title: Bi; note: string | null; active: boolean; importedAt: string }[];
};

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

export type InspectionAnswer = { answer: "yes" | "no" | "na"; note: string; evidence: string };
export type Inspection = {
  fiscalYear: number;
  exists: boolean;
  status: "open" | "completed";
  answers: Record<string, InspectionAnswer>;
  missing: string[];
  completedAt: string | null;
  questions: { id: string; section: Bi; text: Bi; citations: Bi[] }[];
  evidenceFiles: { id: string; questionId: string; fileName: string; sizeBytes: number; createdAt: string }[];
  years: { fiscalYear: number; status: string }[];
};
export type YearStatistics = {
  fiscalYear: number;
  byActivity: Record<string, number>;
  byDetermination: Record<string, number>;
  byOutcome: Record<string, number>;
  turnaround: { decided: number; meanDays: number | null; medianDays: number | null; p90Days: number | null };
  licences: { ref: string; kind: string; uses: number; quantity: number; valueJpy: number }[];
};

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
