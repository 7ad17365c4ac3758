import {
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Timeline,
  Title,
} from "@mantine/core";
import { modals } from "@mantine/modals";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useAuth } from "../../app/auth";
import { ErrorAlert } from "../../app/components/ErrorAlert";
import { PageHeader } from "../../app/components/PageHeader";
import { countryName, formatDate, formatDateTime } from "../../app/format";
import { PartyScreeningPanel } from "../screening/PartyScreeningPanel";
import { SCREENING_READERS } from "../screening/roles";
import { useArchiveParty, useParty, usePartyHistory, usePartyUsage } from "./api";
import { changedFields, showValue } from "./history";
import { MergedBanner, PartyDuplicatesPanel, PartyUsagePanel, PartyVersionsPanel } from "./PartyRecordPanels";

/** One party: names in every script, identifiers, notes, and its audited history. */
export function PartyDetailPage() {
  const { id } = useParams();
  const { t } = useTranslation("parties");
  const { hasRole } = useAuth();
  const party = useParty(id);
  const history = usePartyHistory(id);
  const usage = usePartyUsage(id);
  const archive = useArchiveParty();

  if (party.isLoading) return <Loader />;
  if (party.error || !party.data) return <ErrorAlert error={party.error} />;
  const p = party.data;
  const canArchive = hasRole("secretariat", "approver", "admin") && !p.mergedInto;

  return (
    <Stack>
      <PageHeader
        title={
          <Group gap="xs">
            {p.primaryName}
            {p.archived ? <Badge color="gray">{t("archived")}</Badge> : null}
          </Group>
        }
        subtitle={`${t(`kinds.${p.kind}`)}${p.country ? ` · ${countryName(p.country)}` : ""}`}
        actions={
          <>
            {usage.data?.canEdit && !p.archived ? (
              <Button component={Link} to={`/parties/${p.id}/edit`} variant="default">
                {t("edit")}
              </Button>
            ) : null}
            {canArchive ? (
              <Button
                variant="light"
                color={p.archived ? "indigo" : "gray"}
                loading={archive.isPending}
                onClick={() =>
                  modals.openConfirmModal({
                    title: p.archived ? t("restore") : t("archive"),
                    children: <Text size="sm">{p.archived ? t("restoreConfirm") : t("archiveConfirm")}</Text>,
                    labels: { confirm: p.archived ? t("restore") : t("archive"), cancel: t("cancel") },
                    onConfirm: () => archive.mutate({ id: p.id, archived: !p.archived }),
                  })
                }
              >
                {p.archived ? t("restore") : t("archive")}
              </Button>
            ) : null}
          </>
        }
      />
      <ErrorAlert error={archive.error} />
      <MergedBanner party={p} />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Paper withBorder p="md">
          <Title order={4} mb="xs">
            {t("names")}
          </Title>
          <Table>
            <Table.Tbody>
              {p.names.map((n) => (
                <Table.Tr key={`${n.kind}-${n.name}`}>
                  <Table.Td>{n.name}</Table.Td>
                  <Table.Td>
                    <Badge variant="light">{t(`nameKinds.${n.kind}`)}</Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed">
                      {t(`scripts.${n.script}`, { defaultValue: n.script })}
                      {n.lang ? ` · ${n.lang}` : ""}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
        <Paper withBorder p="md">
          <Title order={4} mb="xs">
            {t("details")}
          </Title>
          <Stack gap={6}>
            <Field
              label={t("country")}
              value={p.country ? `${countryName(p.country)} (${p.country})` : "—"}
            />
            {p.kind === "person" ? (
              <Field label={t("birthDate")} value={p.birthDate ? formatDate(p.birthDate) : "—"} />
            ) : null}
            <Field
              label={t("website")}
              value={
                p.website ? (
                  <Anchor href={p.website} target="_blank" rel="noopener noreferrer">
                    {p.website}
                  </Anchor>
                ) : (
                  "—"
                )
              }
            />
            <Field
              label={t("identifiers")}
              value={
                p.identifiers.length
                  ? p.identifiers.map((i) => `${t(`schemes.${i.scheme}`)}: ${i.value}`).join(" / ")
                  : "—"
              }
            />
            <Field
              label={t("tags")}
              value={
                p.tags.length ? (
                  <Group gap={4}>
                    {p.tags.map((x) => (
                      <Badge key={x} variant="light">
                        {x}
                      </Badge>
                    ))}
                  </Group>
                ) : (
                  "—"
                )
              }
            />
            <Field
              label={t("notes")}
              value={p.notes ? <Text style={{ whiteSpace: "pre-wrap" }}>{p.notes}</Text> : "—"}
            />
          </Stack>
        </Paper>
      </SimpleGrid>
      {usage.data ? <PartyUsagePanel usage={usage.data} /> : null}
      {hasRole(...SCREENING_READERS) ? <PartyScreeningPanel partyId={p.id} archived={p.archived} /> : null}
      {hasRole("secretariat") ? <PartyDuplicatesPanel party={p} /> : null}
      <PartyVersionsPanel partyId={p.id} />
      <Paper withBorder p="md">
        <Title order={4} mb="sm">
          {t("history")}
        </Title>
        {history.isLoading ? <Loader size="sm" /> : null}
        <Timeline bulletSize={14} lineWidth={2} data-testid="party-history">
          {(history.data?.items ?? []).map((h) => (
            <Timeline.Item key={h.id} title={t(`actions.${h.action}`, { defaultValue: h.action })}>
              <Text size="xs" c="dimmed">
                {formatDateTime(h.at)} · {h.actorLabel}
              </Text>
              {h.action === "party.updated"
                ? changedFields(h.before, h.after).map((c) => (
                    <Text size="sm" key={c.field}>
                      {t(`fields.${c.field}`, { defaultValue: c.field })}: {showValue(c.from)} →{" "}
                      {showValue(c.to)}
                    </Text>
                  ))
                : null}
            </Timeline.Item>
          ))}
        </Timeline>
      </Paper>
    </Stack>
  );
}

function Field({ label, value }: { label: string; value: React.ReactNode }) {
  return (
    <Group gap="sm" align="flex-start" wrap="nowrap">
      <Text size="sm" c="dimmed" w={120} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <div>{value}</div>
    </Group>
  );
}
