import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../app/api";

export type Bi = { ja: string; en: string };
export type Project = {
  id: string;
  number: number;
  title: string;
  summary: string | null;
  fundingAgency: string;
  fundingProgramme: string;
  specifiedProgramme: boolean;
  usFederal: boolean;
  applicationDueOn: string | null;
  status: "preparing" | "ready" | "withdrawn";
  readyAt: string | null;
  version: number;
  requiredModules: string[];
  partners: {
    id: string;
    partyId: string;
    name: string;
    country: string | null;
    role: string;
    screenedAt: string | null;
    screening: { liveHits: { source: string; list: Bi; name: string; decided: boolean }[] } | null;
  }[];
  members: {
    id: string;
    personId: string;
    name: string;
    role: string;
    pledgeRequired: boolean;
    pledge: { id: string; dueOn: string; givenOn: string | null } | null;
    pledgeState: "given" | "pending" | "overdue" | "missing";
    disclosureDueOn: string | null;
    hasDisclosure: boolean;
    /** Appointments (兼務先) stated for this project. */
    appointments: { partyId: string; name: string }[];
    /** Affiliations/funders found in other records but not in the disclosure. */
    undisclosed: Bi[];
  }[];
  checks: {
    item: string;
    label: Bi;
    basis: string;
    status: "open" | "satisfied" | "concern";
    conclusion: string | null;
    evidence: { id: string; text: string; url: string | null }[];
  }[];
  measures: {
    id: string;
    kind: string;
    description: string;
    ownerName: string;
    dueOn: string | null;
    status: "planned" | "in_place";
    addresses: string[];
  }[];
  assets: {
    id: string;
    kind: string;
    description: string;
    controlStatus: "listed" | "not_listed" | "unclassified";
    controlRef: string | null;
    sharedWithPartyId: string | null;
    sharedWithName: string | null;
    sharingAgreement: string | null;
    location: string | null;
    accessLimits: string | null;
    authorisedMemberIds: string[];
    authorised: { memberId: string; name: string }[];
    version: number;
    updatedAt: string;
  }[];
  blockers: { code: string; subject: string; message: Bi }[];
};
export type ProjectListItem = Pick<
  Project,
  "id" | "number" | "title" | "fundingAgency" | "fundingProgramme" | "applicationDueOn" | "status"
>;

export function useProjects() {
  return useQuery({ queryKey: ["projects"], queryFn: () => api.get<ProjectListItem[]>("/api/projects") });
}

export function useProject(id: string) {
  return useQuery({ queryKey: ["projects", id], queryFn: () => api.get<Project>(`/api/projects/${id}`) });
}

/** Any change to a project: the server answers the fresh project, which replaces the cached one. */
export function useProjectAction(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({
      method,
      path,
      body,
    }: {
      method: "post" | "put" | "delete";
      path: string;
      body?: unknown;
    }) =>
      method === "delete"
        ? api.delete<Project>(`/api/projects/${id}${path}`)
        : api[method]<Project>(`/api/projects/${id}${path}`, body ?? {}),
    onSuccess: (project) => {
      qc.setQueryData(["projects", id], project);
      void qc.invalidateQueries({ queryKey: ["projects"], exact: true });
    },
  });
}

/** Pledge requests and records (not project routes): refetch the project afterwards. */
export function usePledgeAction(projectId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ method, path, body }: { method: "post" | "put"; path: string; body: unknown }) =>
      api[method]<unknown>(path, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["projects", projectId] }),
  });
}
