import {
  Alert,
  Badge,
  Button,
  FileInput,
  Group,
  Loader,
  Pagination,
  Paper,
  Progress,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../app/components/ErrorAlert";
import { SampleBadge } from "../../app/components/ListLabels";
import { bi, formatDateTime } from "../../app/format";
import {
  type ListSnapshot,
  type Rescreen,
  useImportList,
  useListFormats,
  useListSnapshots,
  useListSources,
  useRescreenNow,
  useScreeningStatus,
} from "./api";
import { useSourceLabel } from "./HitCard";

const STATUS_COLOR: Record<ListSnapshot["status"], string> = {
  loading: "blue",
  active: "green",
  superseded: "gray",
  failed: "red",
};

function counts(s: ListSnapshot, t: (key: string, opts?: Record<string, unknown>) => string): string {
  const bySchema = Object.entries(s.schemaCounts)
    .map(([schema, n]) => `${t(`schemas.${schema}`)} ${n.toLocaleString()}`)
    .join(" / ");
  return `${t("lists.entries", { count: s.entityCount })}${bySchema ? ` (${bySchema})` : ""}`;
}

/**
 * Admin › Lists: every list with its active snapshot (counts, dates), every import (snapshot) with
 * its status, and importing a file as a new snapshot that becomes active only once complete.
 */
export function ListsTab() {
  const { t } = useTranslation("screening");
  const sources = useListSources();
  const [page, setPage] = useState(1);
  const snapshots = useListSnapshots(page);
  const sourceLabel = useSourceLabel();
  const totalPages = snapshots.data
    ? Math.max(1, Math.ceil(snapshots.data.total / snapshots.data.pageSize))
    : 1;

  return (
    <Stack>
      <Text c="dimmed">{t("lists.subtitle")}</Text>
      <ImportForm />
      <Title order={4}>{t("lists.active")}</Title>
      <ErrorAlert error={sources.error} />
      {sources.isLoading ? <Loader /> : null}
      <Table striped data-testid="list-sources">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("lists.list")}</Table.Th>
            <Table.Th>{t("lists.version")}</Table.Th>
            <Table.Th>{t("lists.counts")}</Table.Th>
            <Table.Th>{t("lists.names")}</Table.Th>
            <Table.Th>{t("lists.activatedAt")}</Table.Th>
            <Table.Th>{t("lists.files")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(sources.data?.items ?? []).map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td>
                {bi(s.label)} <SampleBadge source={s.id} />
                <Text size="xs" c="dimmed">
                  {s.id}
                </Text>
              </Table.Td>
              <Table.Td>
                {s.active ? `v${s.active.version}` : <Badge color="gray">{t("lists.none")}</Badge>}
              </Table.Td>
              <Table.Td>{s.active ? counts(s.active, t) : ""}</Table.Td>
              <Table.Td>{s.active?.nameCount.toLocaleString() ?? ""}</Table.Td>
              <Table.Td>{formatDateTime(s.active?.activatedAt)}</Table.Td>
              <Table.Td>
                <Text size="xs">{s.active?.fileNames.join(", ")}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>

      <Rescreens />

      <Title order={4}>{t("lists.snapshots")}</Title>
      <ErrorAlert error={snapshots.error} />
      <Table striped data-testid="list-snapshots">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("lists.list")}</Table.Th>
            <Table.Th>{t("lists.version")}</Table.Th>
            <Table.Th>{t("lists.status")}</Table.Th>
            <Table.Th>{t("lists.counts")}</Table.Th>
            <Table.Th>{t("lists.format")}</Table.Th>
            <Table.Th>{t("lists.startedAt")}</Table.Th>
            <Table.Th>{t("lists.finishedAt")}</Table.Th>
            <Table.Th>{t("lists.importedBy")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(snapshots.data?.items ?? []).map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td>{sourceLabel(s.source)}</Table.Td>
              <Table.Td>v{s.version}</Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>
                <Badge color={STATUS_COLOR[s.status]}>{t(`lists.statuses.${s.status}`)}</Badge>
                {s.error ? (
                  <Text size="xs" c="red">
                    {s.error}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>{counts(s, t)}</Table.Td>
              <Table.Td>
                <Text size="xs">{s.format}</Text>
                <Text size="xs" c="dimmed">
                  {s.fileNames.join(", ")}
                </Text>
              </Table.Td>
              <Table.Td>{formatDateTime(s.startedAt)}</Table.Td>
              <Table.Td>{formatDateTime(s.finishedAt)}</Table.Td>
              <Table.Td>{s.importedBy}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {totalPages > 1 ? <Pagination total={totalPages} value={page} onChange={setPage} /> : null}
    </Stack>
  );
}

/** Import list file(s) with a chosen format; the new snapshot becomes active only when complete. */
function ImportForm() {
  const { t } = useTranslation("screening");
  const formats = useListFormats();
  const importList = useImportList();
  const sourceLabel = useSourceLabel();
  const [files, setFiles] = useState<File[]>([]);
  const [format, setFormat] = useState<string | null>(null);
  const [source, setSource] = useState("");
  const [encoding, setEncoding] = useState("auto");
  const chosen = formats.data?.items.find((f) => f.format === format);

  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={5}>{t("lists.import")}</Title>
        <Group align="flex-start" wrap="wrap">
          <FileInput
            label={t("lists.file")}
            description={t("lists.fileHint")}
            placeholder={t("batch.choose")}
            multiple
            value={files}
            onChange={setFiles}
            clearable
            w={320}
            data-testid="list-file"
          />
          <Select
            label={t("lists.format")}
            placeholder={t("lists.chooseFormat")}
            value={format}
            onChange={setFormat}
            data={(formats.data?.items ?? []).map((f) => ({ value: f.format, label: bi(f.label) }))}
            searchable
            w={320}
            data-testid="list-format"
          />
          <TextInput
            label={t("lists.source")}
            description={t("lists.sourceHint")}
            value={source}
            onChange={(e) => setSource(e.currentTarget.value)}
            w={200}
          />
          <Select
            label={t("batch.encoding")}
            value={encoding}
            onChange={(v) => setEncoding(v ?? "auto")}
            data={(formats.data?.encodings ?? ["auto"]).map((e) => ({
              value: e,
              label: e === "auto" ? t("batch.encodings.auto") : e,
            }))}
            allowDeselect={false}
            w={160}
          />
        </Group>
        {chosen ? (
          <Text size="sm" c="dimmed">
            {bi(chosen.description)}
          </Text>
        ) : null}
        <Group>
          <Button
            disabled={files.length === 0 || !format}
            loading={importList.isPending}
            onClick={() => {
              if (!format) return;
              importList.mutate(
                { files, format, source: source.trim(), encoding },
                {
                  onSuccess: () => {
                    setFiles([]);
                    setSource("");
                  },
                },
              );
            }}
          >
            {t("lists.importButton")}
          </Button>
          {importList.isPending ? (
            <Text size="sm" c="dimmed">
              {t("lists.importing")}
            </Text>
          ) : null}
        </Group>
        <ErrorAlert error={importList.error} />
        {importList.data ? (
          <Alert color="green" data-testid="list-imported">
            {t("lists.imported", {
              list: sourceLabel(importList.data.source),
              version: importList.data.version,
              count: importList.data.entityCount,
            })}
          </Alert>
        ) : null}
      </Stack>
    </Paper>
  );
}

const RESCREEN_COLOR: Record<Rescreen["status"], string> = {
  running: "blue",
  done: "green",
  failed: "red",
  superseded: "gray",
};

/** Re-screenings of every party (started by each import, or now by hand) with their progress. */
function Rescreens() {
  const { t } = useTranslation("screening");
  const status = useScreeningStatus();
  const rescreenNow = useRescreenNow();
  const items = status.data?.rescreens ?? [];
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={4}>{t("rescreen.title")}</Title>
        <Button variant="default" loading={rescreenNow.isPending} onClick={() => rescreenNow.mutate()}>
          {t("rescreen.now")}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        {t("rescreen.subtitle")}
      </Text>
      <ErrorAlert error={rescreenNow.error ?? status.error} />
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("rescreen.none")}
        </Text>
      ) : (
        <Table fz="sm" data-testid="rescreens">
          <Table.Tbody>
            {items.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{formatDateTime(r.startedAt)}</Table.Td>
                <Table.Td>
                  <Badge color={RESCREEN_COLOR[r.status]}>{t(`rescreen.statuses.${r.status}`)}</Badge>
                </Table.Td>
                <Table.Td miw={200}>
                  <Progress
                    value={r.total ? (r.processed / r.total) * 100 : r.status === "done" ? 100 : 0}
                    color={RESCREEN_COLOR[r.status]}
                    aria-label={t("rescreen.title")}
                  />
                </Table.Td>
                <Table.Td>
                  {t("rescreen.progress", {
                    done: r.processed,
                    total: r.total,
                    flagged: r.partiesWithNewHits,
                  })}
                </Table.Td>
                <Table.Td>
                  {r.error ? (
                    <Text size="xs" c="red">
                      {r.error}
                    </Text>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
