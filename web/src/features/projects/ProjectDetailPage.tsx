import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  List,
  Modal,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { useAuth } from "../../app/auth";
import { ErrorAlert } from "../../app/components/ErrorAlert";
import { PageHeader } from "../../app/components/PageHeader";
import { formatDate, formatDateTime } from "../../app/format";
import { usePeople } from "../people/api";
import { PartyPicker } from "../reviews/PartyPicker";
import { AssetRegister } from "./AssetRegister";
import { type Project, usePledgeAction, useProject, useProjectAction } from "./api";
import { MemberAppointments } from "./MemberAppointments";

const PARTNER_ROLES = [
  "partner",
  "funder",
  "co_investigator_org",
  "subcontractor",
  "data_recipient",
  "supplier",
  "other",
];
const MEMBER_ROLES = [
  "pi",
  "co_pi",
  "co_investigator",
  "researcher",
  "postdoc",
  "student",
  "technician",
  "other",
];
const MEASURE_KINDS = ["access_limits", "data_segregation", "publication_review", "travel_rules", "other"];

/** One funded project's research-security file: blockers, partners, researchers, checklist, plan. */
export function ProjectDetailPage() {
  const { id = "" } = useParams();
  const { t, i18n } = useTranslation("projects");
  const lang = i18n.language === "en" ? "en" : "ja";
  const { hasRole } = useAuth();
  const manager = hasRole("secretariat", "unit_officer", "admin");
  const project = useProject(id);
  const action = useProjectAction(id);
  const [reopening, setReopening] = useState(false);
  const [reason, setReason] = useState("");
  const p = project.data;
  if (!p) return <ErrorAlert error={project.error} />;
  const editable = manager && p.status === "preparing";
  return (
    <Stack>
      <PageHeader
        title={`${t("number")} ${p.number}: ${p.title}`}
        subtitle={`${p.fundingAgency} / ${p.fundingProgramme}${p.applicationDueOn ? ` — ${t("applicationDueOn")} ${formatDate(p.applicationDueOn)}` : ""}`}
        actions={
          <Group gap="xs">
            <Button component="a" variant="default" href={`/api/projects/${p.id}/summary.pdf?lang=ja`}>
              {t("summaryPdfJa")}
            </Button>
            <Button component="a" variant="default" href={`/api/projects/${p.id}/summary.pdf?lang=en`}>
              {t("summaryPdfEn")}
            </Button>
            <Button component="a" variant="subtle" href={`/api/projects/${p.id}/summary.csv?lang=ja`}>
              {t("summaryJa")}
            </Button>
            <Button component="a" variant="subtle" href={`/api/projects/${p.id}/summary.csv?lang=en`}>
              {t("summaryEn")}
            </Button>
          </Group>
        }
      />
      <ErrorAlert error={action.error} />
      <Paper withBorder p="md" data-testid="readiness">
        <Group justify="space-between">
          <Group>
            <Title order={4}>{t("readiness")}</Title>
            <Badge color={p.status === "ready" ? "green" : p.blockers.length ? "red" : "blue"}>
              {t(`status.${p.status}`)}
            </Badge>
            {p.readyAt ? <Text size="sm">{formatDateTime(p.readyAt)}</Text> : null}
          </Group>
          {editable ? (
            <Button
              disabled={p.blockers.length > 0}
              onClick={() => action.mutate({ method: "post", path: "/ready", body: { version: p.version } })}
            >
              {t("markReady")}
            </Button>
          ) : null}
          {manager && p.status === "ready" ? (
            <Button variant="default" onClick={() => setReopening(true)}>
              {t("reopen")}
            </Button>
          ) : null}
        </Group>
        {p.blockers.length ? (
          <Alert color="red" mt="sm" title={t("blockers")}>
            <List size="sm" data-testid="blockers">
              {p.blockers.map((b) => (
                <List.Item key={`${b.code}:${b.subject}`}>{b.message[lang]}</List.Item>
              ))}
            </List>
          </Alert>
        ) : p.status === "preparing" ? (
          <Text c="green" mt="sm">
            {t("noBlockers")}
          </Text>
        ) : null}
      </Paper>
      <Modal opened={reopening} onClose={() => setReopening(false)} title={t("reopen")}>
        <Stack>
          <Textarea
            label={t("reopenReason")}
            required
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button
              disabled={!reason.trim()}
              loading={action.isPending}
              onClick={() =>
                action.mutate(
                  { method: "post", path: "/reopen", body: { reason } },
                  {
                    onSuccess: () => {
                      setReopening(false);
                      setReason("");
                    },
                  },
                )
              }
            >
              {t("reopen")}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <Partners project={p} editable={editable} />
      <Members project={p} editable={editable} manager={manager} />
      <Checklist project={p} editable={editable} />
      <AssetRegister project={p} editable={editable} />
      <Measures project={p} editable={editable} />
    </Stack>
  );
}

function Partners({ project: p, editable }: { project: Project; editable: boolean }) {
  const { t, i18n } = useTranslation("projects");
  const action = useProjectAction(p.id);
  const [role, setRole] = useState<string | null>("partner");
  const lang = i18n.language === "en" ? "en" : "ja";
  return (
    <Paper withBorder p="md" data-testid="project-partners">
      <Group justify="space-between">
        <Title order={4}>{t("partners")}</Title>
        {editable && p.partners.length ? (
          <Button
            variant="default"
            onClick={() => action.mutate({ method: "post", path: "/screen" })}
            loading={action.isPending}
          >
            {t("screenPartners")}
          </Button>
        ) : null}
      </Group>
      <Table>
        <Table.Tbody>
          {p.partners.map((x) => (
            <Table.Tr key={x.id}>
              <Table.Td>{x.name}</Table.Td>
              <Table.Td>{t(`partnerRole.${x.role}`)}</Table.Td>
              <Table.Td>
                {x.screening === null ? (
                  <Badge color="yellow">{t("notScreened")}</Badge>
                ) : x.screening.liveHits.length ? (
                  x.screening.liveHits.map((h) => (
                    <Badge key={`${h.source}${h.name}`} color="red" mr={4} tt="none">
                      {h.list[lang]}: {h.name}
                      {h.decided ? ` (${t("hitConfirmed")})` : ` (${t("hitUndecided")})`}
                    </Badge>
                  ))
                ) : (
                  <Badge color="green">{t("noMatch")}</Badge>
                )}
              </Table.Td>
              <Table.Td>
                <Anchor href={`/parties/${x.partyId}`} size="sm">
                  {t("openParty")}
                </Anchor>
              </Table.Td>
              <Table.Td>
                {editable ? (
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    onClick={() => action.mutate({ method: "delete", path: `/partners/${x.id}` })}
                  >
                    {t("remove")}
                  </Button>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {editable ? (
        <Group align="flex-end" mt="sm">
          <Select
            label={t("role")}
            data={PARTNER_ROLES.map((r) => ({ value: r, label: t(`partnerRole.${r}`) }))}
            value={role}
            onChange={setRole}
          />
          <PartyPicker
            kind="organization"
            label={t("addPartner")}
            onPick={(party) =>
              action.mutate({
                method: "post",
                path: "/partners",
                body: { partyId: party.id, role: role ?? "partner" },
              })
            }
          />
        </Group>
      ) : null}
      <ErrorAlert error={action.error} />
    </Paper>
  );
}

function Members({
  project: p,
  editable,
  manager,
}: {
  project: Project;
  editable: boolean;
  manager: boolean;
}) {
  const { t } = useTranslation("projects");
  const action = useProjectAction(p.id);
  const pledge = usePledgeAction(p.id);
  const [q, setQ] = useState("");
  const [role, setRole] = useState<string | null>("researcher");
  const people = usePeople({ q, page: 1, pageSize: 10 });
  return (
    <Paper withBorder p="md" data-testid="project-members">
      <Title order={4}>{t("members")}</Title>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("name")}</Table.Th>
            <Table.Th>{t("role")}</Table.Th>
            <Table.Th>{t("pledge")}</Table.Th>
            <Table.Th>{t("disclosure")}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {p.members.map((m) => (
            <MemberRow
              key={m.id}
              projectId={p.id}
              member={m}
              editable={editable}
              manager={manager}
              pledge={pledge}
              onRemove={() => action.mutate({ method: "delete", path: `/members/${m.id}` })}
            />
          ))}
        </Table.Tbody>
      </Table>
      {editable ? (
        <Group align="flex-end" mt="sm">
          <TextInput label={t("findPerson")} value={q} onChange={(e) => setQ(e.currentTarget.value)} />
          <Select
            label={t("role")}
            data={MEMBER_ROLES.map((r) => ({ value: r, label: t(`memberRole.${r}`) }))}
            value={role}
            onChange={setRole}
          />
          <Select
            label={t("addMember")}
            placeholder={t("choose")}
            data={(people.data?.items ?? [])
              .filter((x) => !p.members.some((m) => m.personId === x.id))
              .map((x) => ({ value: x.id, label: x.name }))}
            value={null}
            onChange={(personId) =>
              personId && action.mutate({ method: "post", path: "/members", body: { personId, role } })
            }
          />
        </Group>
      ) : null}
      <ErrorAlert error={action.error ?? pledge.error} />
    </Paper>
  );
}

/** One researcher: role, e-Rad pledge (request with a due date, record the date given), disclosure. */
function MemberRow({
  projectId,
  member: m,
  editable,
  manager,
  pledge,
  onRemove,
}: {
  projectId: string;
  member: Project["members"][number];
  editable: boolean;
  manager: boolean;
  pledge: ReturnType<typeof usePledgeAction>;
  onRemove: () => void;
}) {
  const { t } = useTranslation("projects");
  const [dueOn, setDueOn] = useState("");
  const [givenOn, setGivenOn] = useState(() => new Date().toISOString().slice(0, 10));
  const stateColor = { given: "green", pending: "yellow", overdue: "red", missing: "red" } as const;
  return (
    <Table.Tr>
      <Table.Td>
        <Anchor href={`/people/${m.personId}`}>{m.name}</Anchor>
        <MemberAppointments projectId={projectId} member={m} editable={editable} />
      </Table.Td>
      <Table.Td>{t(`memberRole.${m.role}`)}</Table.Td>
      <Table.Td>
        {m.pledgeRequired ? (
          <Stack gap={4}>
            <Group gap={4}>
              <Badge color={stateColor[m.pledgeState]}>{t(`pledgeState.${m.pledgeState}`)}</Badge>
              {m.pledge ? (
                <Text size="xs">
                  {t("dueOn")} {formatDate(m.pledge.dueOn)}
                  {m.pledge.givenOn ? ` / ${t("givenOn")} ${formatDate(m.pledge.givenOn)}` : ""}
                </Text>
              ) : null}
            </Group>
            {manager && m.pledge && !m.pledge.givenOn ? (
              <Group gap={4} align="flex-end">
                <TextInput
                  size="xs"
                  type="date"
                  label={t("givenOn")}
                  value={givenOn}
                  onChange={(e) => setGivenOn(e.currentTarget.value)}
                />
                <Button
                  size="xs"
                  variant="light"
                  disabled={!givenOn}
                  loading={pledge.isPending}
                  onClick={() =>
                    pledge.mutate({ method: "put", path: `/api/pledges/${m.pledge!.id}`, body: { givenOn } })
                  }
                >
                  {t("recordGiven")}
                </Button>
              </Group>
            ) : null}
            {manager && !m.pledge ? (
              <Group gap={4} align="flex-end">
                <TextInput
                  size="xs"
                  type="date"
                  label={t("pledgeDueOn")}
                  value={dueOn}
                  onChange={(e) => setDueOn(e.currentTarget.value)}
                />
                <Button
                  size="xs"
                  variant="light"
                  disabled={!dueOn}
                  loading={pledge.isPending}
                  onClick={() =>
                    pledge.mutate({
                      method: "post",
                      path: "/api/pledges",
                      body: { personId: m.personId, dueOn, projectId },
                    })
                  }
                >
                  {t("requestPledge")}
                </Button>
              </Group>
            ) : null}
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {t("pledgeNotRequired")}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {m.hasDisclosure ? (
          `${t("dueOn")} ${formatDate(m.disclosureDueOn)}`
        ) : (
          <Badge color="red">{t("noDisclosure")}</Badge>
        )}
      </Table.Td>
      <Table.Td>
        {editable ? (
          <Button size="xs" variant="subtle" color="red" onClick={onRemove}>
            {t("remove")}
          </Button>
        ) : null}
      </Table.Td>
    </Table.Tr>
  );
}

function Checklist({ project: p, editable }: { project: Project; editable: boolean }) {
  const { t, i18n } = useTranslation("projects");
  const lang = i18n.language === "en" ? "en" : "ja";
  const action = useProjectAction(p.id);
  const [drafts, setDrafts] = useState<Record<string, { conclusion: string; evidence: string }>>({});
  const draft = (item: string) => drafts[item] ?? { conclusion: "", evidence: "" };
  return (
    <Paper withBorder p="md">
      <Title order={4}>{t("checklist")}</Title>
      <Stack gap="sm" mt="sm">
        {p.checks.map((c) => (
          <Paper key={c.item} withBorder p="sm" data-testid={`check-${c.item}`}>
            <Group justify="space-between">
              <Text fw={600}>{c.label[lang]}</Text>
              <Badge color={c.status === "satisfied" ? "green" : c.status === "concern" ? "orange" : "gray"}>
                {t(`checkStatus.${c.status}`)}
              </Badge>
            </Group>
            <Text size="xs" c="dimmed">
              {c.basis}
            </Text>
            {c.conclusion ? <Text size="sm">{c.conclusion}</Text> : null}
            <List size="sm">
              {c.evidence.map((e) => (
                <List.Item key={e.id}>
                  {e.text} {e.url ? <Anchor href={e.url}>{e.url}</Anchor> : null}
                </List.Item>
              ))}
            </List>
            {editable ? (
              <Group align="flex-end" mt="xs">
                <TextInput
                  label={t("evidence")}
                  value={draft(c.item).evidence}
                  onChange={(e) =>
                    setDrafts({ ...drafts, [c.item]: { ...draft(c.item), evidence: e.currentTarget.value } })
                  }
                />
                <Button
                  variant="light"
                  size="xs"
                  onClick={() =>
                    action.mutate(
                      {
                        method: "post",
                        path: `/checks/${c.item}/evidence`,
                        body: { text: draft(c.item).evidence },
                      },
                      {
                        onSuccess: () =>
                          setDrafts({ ...drafts, [c.item]: { ...draft(c.item), evidence: "" } }),
                      },
                    )
                  }
                >
                  {t("addEvidence")}
                </Button>
                <TextInput
                  label={t("conclusion")}
                  value={draft(c.item).conclusion}
                  onChange={(e) =>
                    setDrafts({
                      ...drafts,
                      [c.item]: { ...draft(c.item), conclusion: e.currentTarget.value },
                    })
                  }
                />
                {(["satisfied", "concern"] as const).map((status) => (
                  <Button
                    key={status}
                    size="xs"
                    variant={status === "concern" ? "outline" : "filled"}
                    onClick={() =>
                      action.mutate({
                        method: "put",
                        path: `/checks/${c.item}`,
                        body: { status, conclusion: draft(c.item).conclusion },
                      })
                    }
                  >
                    {t(`conclude.${status}`)}
                  </Button>
                ))}
              </Group>
            ) : null}
          </Paper>
        ))}
      </Stack>
    </Paper>
  );
}

function Measures({ project: p, editable }: { project: Project; editable: boolean }) {
  const { t, i18n } = useTranslation("projects");
  const lang = i18n.language === "en" ? "en" : "ja";
  const { user } = useAuth();
  const action = useProjectAction(p.id);
  const [kind, setKind] = useState<string | null>("access_limits");
  const [description, setDescription] = useState("");
  const [addresses, setAddresses] = useState<string | null>(null);
  return (
    <Paper withBorder p="md">
      <Title order={4}>{t("measures")}</Title>
      <Table>
        <Table.Tbody>
          {p.measures.map((m) => (
            <Table.Tr key={m.id}>
              <Table.Td>{t(`measureKind.${m.kind}`)}</Table.Td>
              <Table.Td>{m.description}</Table.Td>
              <Table.Td>{m.ownerName}</Table.Td>
              <Table.Td>
                {m.addresses.map((a) => p.checks.find((c) => c.item === a)?.label[lang] ?? a).join(", ")}
              </Table.Td>
              <Table.Td>
                <Badge color={m.status === "in_place" ? "green" : "yellow"}>
                  {t(`measureStatus.${m.status}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                {editable && m.status === "planned" ? (
                  <Button
                    size="xs"
                    variant="light"
                    onClick={() =>
                      action.mutate({
                        method: "put",
                        path: `/measures/${m.id}/status`,
                        body: { status: "in_place" },
                      })
                    }
                  >
                    {t("markInPlace")}
                  </Button>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {editable && user ? (
        <Group align="flex-end" mt="sm">
          <Select
            label={t("measureKindLabel")}
            data={MEASURE_KINDS.map((k) => ({ value: k, label: t(`measureKind.${k}`) }))}
            value={kind}
            onChange={setKind}
          />
          <TextInput
            label={t("description")}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
          />
          <Select
            label={t("addresses")}
            clearable
            data={p.checks.map((c) => ({ value: c.item, label: c.label[lang] }))}
            value={addresses}
            onChange={setAddresses}
          />
          <Button
            onClick={() =>
              action.mutate(
                {
                  method: "post",
                  path: "/measures",
                  body: { kind, description, ownerUserId: user.id, addresses: addresses ? [addresses] : [] },
                },
                { onSuccess: () => setDescription("") },
              )
            }
          >
            {t("addMeasure")}
          </Button>
        </Group>
      ) : null}
    </Paper>
  );
}
