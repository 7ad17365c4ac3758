import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ApiResponse, Item } from "../../api/types";
import { api, qs, upload } from "../../app/api";

export type Bilingual = { ja: string; en: string };
export type EntitySchema = "Person" | "Organization" | "Vessel" | "Aircraft" | "Unknown";

export type ScoreFeature = Item<Explanation["features"]>;
/** How query characters were read or translated to meet the list name (浪潮 → langchao, pinyin). */
export type CrossScriptStep = Item<NonNullable<Explanation["crossScript"]>>;
export type Explanation = Hit["explanation"];

/** One candidate list entry for a query, with its score and the reasons for it. */
export type Hit = Omit<Item<ApiResponse<"/api/screening/search">["items"]>, "entry">;

export type ListEntry = Omit<ApiResponse<"/api/lists/entities/{id}">, "snapshot">;

export type ListSnapshot = ApiResponse<"/api/lists/snapshots/{id}">;

export type Decision = NonNullable<PartyHit["decision"]>;

export type PartyHit = Item<PartyResult["hits"]>;

export type PartyResult = ApiResponse<"/api/screening/parties/{id}/screen", "post">;

export type DecisionRecord = Item<ApiResponse<"/api/screening/parties/{id}/decisions">["items"]>;

export type RunSummary = Item<ApiResponse<"/api/screening/parties/{id}/runs">["items"]>;

export type QueueItem = Item<ApiResponse<"/api/screening/queue">["items"]>;

export type BatchJob = ApiResponse<"/api/screening/batches/{id}">;

export type BatchRow = Item<ApiResponse<"/api/screening/batches/{id}/rows">["items"]>;

export type Rescreen = Item<ApiResponse<"/api/screening/rescreens">["items"]>;

export type IndexStatus = ApiResponse<"/api/screening/status">;

export type SearchQuery = { q: string; country?: string; schema?: "Person" | "Organization" | "" };

/** The matching index's state (entries, lists, building), refreshed while it builds. */
export function useScreeningStatus() {
  return useQuery({
    queryKey: ["screening", "status"],
    queryFn: () => api.get<IndexStatus>("/api/screening/status"),
    refetchInterval: (q) =>
      q.state.data &&
      q.state.data.index.state === "ready" &&
      !q.state.data.rescreens.some((r) => r.status === "running")
        ? false
        : 2000,
  });
}

/** Screens a name against every active list; nothing is stored. */
export function useScreeningSearch(query: SearchQuery) {
  return useQuery({
    queryKey: ["screening", "search", query],
    queryFn: () =>
      api.get<ApiResponse<"/api/screening/search">>(`/api/screening/search${qs({ ...query, limit: 20 })}`),
    enabled: query.q.trim().length > 0,
    placeholderData: keepPreviousData,
  });
}

/** The full list entry behind a hit, with the snapshot it comes from. */
export function useListEntry(id: string | null) {
  return useQuery({
    queryKey: ["lists", "entity", id],
    queryFn: () => api.get<ListEntry & { snapshot: ListSnapshot }>(`/api/lists/entities/${id}`),
    enabled: !!id,
  });
}

export function usePartyScreening(partyId: string | undefined) {
  return useQuery({
    queryKey: ["screening", "party", partyId, "latest"],
    queryFn: () =>
      api.get<ApiResponse<"/api/screening/parties/{id}/latest">>(`/api/screening/parties/${partyId}/latest`),
    enabled: !!partyId,
  });
}

export function usePartyDecisions(partyId: string | undefined) {
  return useQuery({
    queryKey: ["screening", "party", partyId, "decisions"],
    queryFn: () =>
      api.get<ApiResponse<"/api/screening/parties/{id}/decisions">>(
        `/api/screening/parties/${partyId}/decisions`,
      ),
    enabled: !!partyId,
  });
}

export function usePartyRuns(partyId: string | undefined) {
  return useQuery({
    queryKey: ["screening", "party", partyId, "runs"],
    queryFn: () =>
      api.get<ApiResponse<"/api/screening/parties/{id}/runs">>(
        `/api/screening/parties/${partyId}/runs?pageSize=10`,
      ),
    enabled: !!partyId,
  });
}

/** Screens a party now (all its names and facts) and stores the run. */
export function useScreenParty() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (partyId: string) => api.post<PartyResult>(`/api/screening/parties/${partyId}/screen`),
    onSuccess: (result) => {
      qc.setQueryData(["screening", "party", result.partyId, "latest"], { result });
      void qc.invalidateQueries({ queryKey: ["screening", "party", result.partyId, "runs"] });
      void qc.invalidateQueries({ queryKey: ["screening", "queue"] });
    },
  });
}

/** Records a reviewer's decision on a hit (remembered for this party and list entry). */
export function useDecide() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: {
      partyId: string;
      entityId: string;
      status: "true_match" | "false_positive";
      rationale: string;
    }) => api.post<DecisionRecord>("/api/screening/decisions", input),
    onSuccess: (decision) => {
      void qc.invalidateQueries({ queryKey: ["screening", "party", decision.partyId] });
      void qc.invalidateQueries({ queryKey: ["screening", "queue"] });
    },
  });
}

/** Open hits of every party's latest run: the review queue. */
export function useReviewQueue(page: number) {
  return useQuery({
    queryKey: ["screening", "queue", page],
    queryFn: () =>
      api.get<ApiResponse<"/api/screening/queue">>(`/api/screening/queue${qs({ page, pageSize: 25 })}`),
    placeholderData: keepPreviousData,
  });
}

const running = (job: BatchJob) => job.status === "queued" || job.status === "running";

export function useBatches() {
  return useQuery({
    queryKey: ["screening", "batches"],
    queryFn: () => api.get<ApiResponse<"/api/screening/batches">>("/api/screening/batches?pageSize=50"),
    refetchInterval: (q) => (q.state.data?.items.some(running) ? 1000 : false),
  });
}

/** One batch job, polled while it runs so the progress bar moves. */
export function useBatch(id: string | undefined) {
  return useQuery({
    queryKey: ["screening", "batch", id],
    queryFn: () => api.get<BatchJob>(`/api/screening/batches/${id}`),
    enabled: !!id,
    refetchInterval: (q) => (!q.state.data || running(q.state.data) ? 1000 : false),
  });
}

export function useBatchRows(
  id: string | undefined,
  page: number,
  onlyMatches: boolean,
  job: BatchJob | undefined,
) {
  const done = job?.status === "done";
  return useQuery({
    queryKey: ["screening", "batch", id, "rows", page, onlyMatches, done],
    // While the job runs, its rows fill in: refresh them with the progress.
    refetchInterval: job && running(job) ? 1500 : false,
    queryFn: () =>
      api.get<ApiResponse<"/api/screening/batches/{id}/rows">>(
        `/api/screening/batches/${id}/rows${qs({ page, pageSize: 50, onlyMatches: onlyMatches ? "true" : undefined })}`,
      ),
    enabled: !!id,
    placeholderData: keepPreviousData,
  });
}

export function useUploadBatch() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ file, encoding }: { file: File; encoding: string }) => {
      const form = new FormData();
      form.append("encoding", encoding);
      form.append("file", file, file.name);
      return upload<BatchJob>("/api/screening/batches", form);
    },
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["screening", "batches"] }),
  });
}

export type ListSource = Item<ApiResponse<"/api/lists/sources">["items"]>;

export function useListSources() {
  return useQuery({
    queryKey: ["lists", "sources"],
    queryFn: () => api.get<{ items: ListSource[] }>("/api/lists/sources"),
  });
}

export function useListSnapshots(page: number) {
  return useQuery({
    queryKey: ["lists", "snapshots", page],
    queryFn: () =>
      api.get<{ items: ListSnapshot[]; total: number; page: number; pageSize: number }>(
        `/api/lists/snapshots${qs({ page, pageSize: 25 })}`,
      ),
    placeholderData: keepPreviousData,
  });
}

export function useListFormats() {
  return useQuery({
    queryKey: ["lists", "formats"],
    queryFn: () =>
      api.get<{ items: { format: string; label: Bilingual; description: Bilingual }[]; encodings: string[] }>(
        "/api/lists/formats",
      ),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Imports list file(s) as a new snapshot (active only once complete); refreshes lists and the index state. */
export function useImportList() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { files: File[]; format: string; source: string; encoding: string }) => {
      const form = new FormData();
      form.append("format", input.format);
      if (input.source) form.append("source", input.source);
      form.append("encoding", input.encoding);
      for (const f of input.files) form.append("file", f, f.name);
      return upload<ListSnapshot>("/api/lists/import", form);
    },
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ["lists"] });
      void qc.invalidateQueries({ queryKey: ["screening", "status"] });
    },
  });
}

/** Re-screens every party now against the active lists (runs in the background). */
export function useRescreenNow() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<Rescreen>("/api/screening/rescreens"),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["screening", "status"] }),
  });
}
