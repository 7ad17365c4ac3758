import {
  Anchor,
  Badge,
  Button,
  Checkbox,
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
  Title,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { useAuth } from "../../app/auth";
import { ErrorAlert } from "../../app/components/ErrorAlert";
import { SampleBadge } from "../../app/components/ListLabels";
import { bi, formatDateTime } from "../../app/format";
import { type BatchJob, useBatch, useBatches, useBatchRows, useUploadBatch } from "./api";
import { CrossScriptView, EntryDrawer, ScoreBadge, useSourceLabel } from "./HitCard";
import { SCREENING_OFFICERS } from "./roles";

const STATUS_COLOR: Record<BatchJob["status"], string> = {
  queued: "gray",
  running: "blue",
  done: "green",
  failed: "red",
};

function JobProgress({ job }: { job: BatchJob }) {
  const { t } = useTranslation("screening");
  const percent = job.totalRows ? Math.round((job.processedRows / job.totalRows) * 100) : 0;
  return (
    <Stack gap={2} miw={180}>
      <Progress
        value={job.status === "done" ? 100 : percent}
        color={STATUS_COLOR[job.status]}
        animated={job.status === "running"}
        aria-label={t("batch.progress")}
      />
      <Text size="xs" c="dimmed">
        {t("batch.rowsDone", { done: job.processedRows, total: job.totalRows })}
      </Text>
    </Stack>
  );
}

/** Upload a CSV (UTF-8 or Shift_JIS) or XLSX of names; the jobs with their progress. */
export function BatchesTab() {
  const { t, i18n } = useTranslation("screening");
  const { hasRole } = useAuth();
  const navigate = useNavigate();
  const batches = useBatches();
  const uploadBatch = useUploadBatch();
  const [file, setFile] = useState<File | null>(null);
  const [encoding, setEncoding] = useState("auto");

  return (
    <Stack>
      <Text c="dimmed">{t("batch.subtitle")}</Text>
      {hasRole(...SCREENING_OFFICERS) ? (
        <Paper withBorder p="md">
          <Stack>
            <Title order={5}>{t("batch.upload")}</Title>
            <Group align="flex-end" wrap="wrap">
              <FileInput
                label={t("batch.file")}
                description={t("batch.fileHint")}
                placeholder={t("batch.choose")}
                accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                value={file}
                onChange={setFile}
                clearable
                w={360}
                data-testid="batch-file"
              />
              <Select
                label={t("batch.encoding")}
                value={encoding}
                onChange={(v) => setEncoding(v ?? "auto")}
                data={[
                  { value: "auto", label: t("batch.encodings.auto") },
                  { value: "utf8", label: "UTF-8" },
                  { value: "cp932", label: t("batch.encodings.cp932") },
                ]}
                allowDeselect={false}
                w={220}
              />
              <Button
                disabled={!file}
                loading={uploadBatch.isPending}
                onClick={() => {
                  if (!file) return;
                  uploadBatch.mutate(
                    { file, encoding },
                    {
                      onSuccess: (job) => {
                        setFile(null);
                        navigate(`/screening/batches/${job.id}`);
                      },
                    },
                  );
                }}
              >
                {t("batch.start")}
              </Button>
            </Group>
            <ErrorAlert error={uploadBatch.error} />
          </Stack>
        </Paper>
      ) : null}
      <ErrorAlert error={batches.error} />
      {batches.isLoading ? <Loader /> : null}
      <Table striped data-testid="batch-jobs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("batch.fileName")}</Table.Th>
            <Table.Th>{t("batch.status")}</Table.Th>
            <Table.Th>{t("batch.progress")}</Table.Th>
            <Table.Th>{t("batch.matched")}</Table.Th>
            <Table.Th>{t("batch.createdBy")}</Table.Th>
            <Table.Th>{t("batch.createdAt")}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(batches.data?.items ?? []).map((job) => (
            <Table.Tr key={job.id}>
              <Table.Td>
                <Anchor component={Link} to={`/screening/batches/${job.id}`}>
                  {job.fileName}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Badge color={STATUS_COLOR[job.status]}>{t(`batch.statuses.${job.status}`)}</Badge>
              </Table.Td>
              <Table.Td>
                <JobProgress job={job} />
              </Table.Td>
              <Table.Td>{job.matchedRows}</Table.Td>
              <Table.Td>{job.createdBy}</Table.Td>
              <Table.Td>{formatDateTime(job.createdAt)}</Table.Td>
              <Table.Td>
                {job.status === "done" ? (
                  <Anchor
                    href={`/api/screening/batches/${job.id}/results.csv?lang=${i18n.language}`}
                    download
                  >
                    {t("batch.download")}
                  </Anchor>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

/** One batch job: progress while it runs, then its rows with their best hits and the results file. */
export function BatchDetail({ id }: { id: string }) {
  const { t, i18n } = useTranslation("screening");
  const job = useBatch(id);
  const [page, setPage] = useState(1);
  const [onlyMatches, setOnlyMatches] = useState(false);
  const [entityId, setEntityId] = useState<string | null>(null);
  const j = job.data;
  const rows = useBatchRows(id, page, onlyMatches, j);
  const sourceLabel = useSourceLabel();
  if (job.isLoading) return <Loader />;
  if (!j) return <ErrorAlert error={job.error} />;
  const totalPages = rows.data ? Math.max(1, Math.ceil(rows.data.total / rows.data.pageSize)) : 1;

  return (
    <Stack data-testid="batch-detail">
      <Anchor component={Link} to="/screening/batches" size="sm">
        ← {t("batch.back")}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={4}>{j.fileName}</Title>
          <Group gap="xs">
            <Badge color={STATUS_COLOR[j.status]} data-testid="batch-status">
              {t(`batch.statuses.${j.status}`)}
            </Badge>
            <Text size="sm" c="dimmed">
              {t("batch.summary", {
                total: j.totalRows,
                matched: j.matchedRows,
                threshold: j.threshold.toFixed(2),
              })}
            </Text>
          </Group>
        </Stack>
        {j.status === "done" ? (
          <Button
            component="a"
            href={`/api/screening/batches/${j.id}/results.csv?lang=${i18n.language}`}
            download
            data-testid="batch-download"
          >
            {t("batch.download")}
          </Button>
        ) : null}
      </Group>
      <JobProgress job={j} />
      {j.error ? <ErrorAlert error={new Error(j.error)} /> : null}
      <Checkbox
        label={t("batch.onlyMatches")}
        checked={onlyMatches}
        onChange={(e) => {
          setOnlyMatches(e.currentTarget.checked);
          setPage(1);
        }}
      />
      <ErrorAlert error={rows.error} />
      <Table striped data-testid="batch-rows">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("batch.line")}</Table.Th>
            <Table.Th>{t("batch.name")}</Table.Th>
            <Table.Th>{t("batch.result")}</Table.Th>
            <Table.Th>{t("batch.bestHit")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(rows.data?.items ?? []).map((r) => {
            const best = r.hits[0];
            return (
              <Table.Tr key={r.rowNo}>
                <Table.Td>{r.line}</Table.Td>
                <Table.Td>
                  {r.input.name}
                  {r.input.aliases.length ? (
                    <Text size="xs" c="dimmed">
                      {r.input.aliases.join(" / ")}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  {r.input.problem ? (
                    <Badge color="red">{bi(r.input.problem)}</Badge>
                  ) : !r.done ? (
                    <Badge color="gray">{t("batch.pending")}</Badge>
                  ) : r.matchCount ? (
                    <Badge color="red">{t("batch.review", { count: r.matchCount })}</Badge>
                  ) : (
                    <Badge color="green">{t("batch.noMatch")}</Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  {best ? (
                    <Group gap="xs" wrap="nowrap" align="flex-start">
                      <ScoreBadge score={best.score} match={best.match} />
                      <Stack gap={0}>
                        <Anchor
                          component="button"
                          type="button"
                          size="sm"
                          onClick={() => setEntityId(best.entityId)}
                        >
                          {best.name}
                        </Anchor>
                        <Text size="xs" c="dimmed">
                          {sourceLabel(best.source)} {best.sourceId} — {bi(best.summary)}
                        </Text>
                        <SampleBadge source={best.source} />
                        <CrossScriptView steps={best.crossScript} />
                      </Stack>
                    </Group>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {totalPages > 1 ? <Pagination total={totalPages} value={page} onChange={setPage} /> : null}
      <EntryDrawer entityId={entityId} onClose={() => setEntityId(null)} />
    </Stack>
  );
}
