import {
  Badge,
  Button,
  Checkbox,
  Code,
  FileInput,
  Group,
  List,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApiResponse, Item } from "../../api/types";
import { ApiError, api } from "../../app/api";
import { ErrorAlert } from "../../app/components/ErrorAlert";

type Counts = Record<string, number>;
type SyncResult = ApiResponse<"/api/directory/csv", "post">;
type DirectoryEvent = Item<SyncResult["events"]>;

/** What changed for one person, in one line (field changes, or the date / reason of the event). */
function eventDetail(e: DirectoryEvent): string {
  switch (e.kind) {
    case "mover":
    case "updated":
      return e.changes
        .map((c) => `${c.field}: ${String(c.before ?? "–")} → ${String(c.after ?? "–")}`)
        .join(", ");
    case "departure":
      return e.endDate;
    case "leaver":
      return e.reason;
    case "abroad":
      return e.from;
    default:
      return "";
  }
}

const KINDS = ["joiner", "mover", "leaver", "departure", "abroad", "updated", "unchanged"] as const;

async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function CountBadges({ counts }: { counts: Counts }) {
  const { t } = useTranslation("directory");
  return (
    <Group gap="xs">
      {KINDS.filter((k) => (counts[k] ?? 0) > 0).map((k) => (
        <Badge key={k} variant="light" color={k === "leaver" ? "red" : k === "joiner" ? "green" : "blue"}>
          {t(`kind.${k}`)} {counts[k]}
        </Badge>
      ))}
    </Group>
  );
}

/** Admin tab: HR / 学務 CSV preview and import, recent directory syncs (SCIM, LDAP, CSV) and SCIM tokens. */
export function DirectoryTab() {
  const { t, i18n } = useTranslation("directory");
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [encoding, setEncoding] = useState<string>("auto");
  const [full, setFull] = useState(false);
  const [result, setResult] = useState<SyncResult | null>(null);
  const [label, setLabel] = useState("entra");
  const [newToken, setNewToken] = useState<string | null>(null);
  const syncs = useQuery({
    queryKey: ["directory", "syncs"],
    queryFn: () => api.get<ApiResponse<"/api/directory/syncs">>("/api/directory/syncs"),
  });
  const tokens = useQuery({
    queryKey: ["directory", "tokens"],
    queryFn: () => api.get<ApiResponse<"/api/directory/scim-tokens">>("/api/directory/scim-tokens"),
  });
  const csv = useMutation({
    mutationFn: async (mode: "preview" | "apply") =>
      api.post<SyncResult>("/api/directory/csv", {
        fileName: file!.name,
        contentBase64: await toBase64(file!),
        encoding,
        mode,
        full,
      }),
    onSuccess: (data) => {
      setResult(data);
      void queryClient.invalidateQueries({ queryKey: ["directory"] });
    },
    onError: () => {
      setResult(null);
      void queryClient.invalidateQueries({ queryKey: ["directory", "syncs"] });
    },
  });
  const createToken = useMutation({
    mutationFn: () =>
      api.post<ApiResponse<"/api/directory/scim-tokens", "post">>("/api/directory/scim-tokens", { label }),
    onSuccess: (data) => {
      setNewToken(data.token);
      void queryClient.invalidateQueries({ queryKey: ["directory", "tokens"] });
    },
  });
  const fields = csv.error instanceof ApiError ? csv.error.fields : [];
  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language === "en" ? "en-GB" : "ja-JP");
  return (
    <Stack>
      <Paper withBorder p="md">
        <Stack>
          <Title order={4}>{t("csv.title")}</Title>
          <Text size="sm" c="dimmed">
            {t("csv.help")}
          </Text>
          <Group align="end">
            <FileInput
              label={t("csv.file")}
              accept=".csv,text/csv"
              value={file}
              onChange={(f) => {
                setFile(f);
                setResult(null);
                csv.reset();
              }}
              w={320}
              data-testid="directory-csv-file"
            />
            <Select
              label={t("csv.encoding")}
              data={[
                { value: "auto", label: t("csv.encodingAuto") },
                { value: "utf8", label: "UTF-8" },
                { value: "shift_jis", label: "Shift_JIS (CP932)" },
              ]}
              value={encoding}
              onChange={(v) => setEncoding(v ?? "auto")}
              allowDeselect={false}
              w={200}
            />
            <Checkbox
              label={t("csv.full")}
              checked={full}
              onChange={(e) => setFull(e.currentTarget.checked)}
            />
          </Group>
          <Group>
            <Button
              variant="default"
              disabled={!file}
              loading={csv.isPending && csv.variables === "preview"}
              onClick={() => csv.mutate("preview")}
            >
              {t("csv.preview")}
            </Button>
            <Button
              disabled={!file || result?.mode !== "preview"}
              loading={csv.isPending && csv.variables === "apply"}
              onClick={() => csv.mutate("apply")}
            >
              {t("csv.apply")}
            </Button>
          </Group>
          <ErrorAlert error={csv.error} />
          {fields.length > 0 ? (
            <List size="sm" data-testid="directory-csv-problems">
              {fields.map((f) => (
                <List.Item key={`${f.path}-${f.message}`}>
                  <Code>{f.path}</Code> {f.message}
                </List.Item>
              ))}
            </List>
          ) : null}
          {result ? (
            <Stack gap="xs" data-testid="directory-csv-result">
              <Text fw={600}>{result.mode === "preview" ? t("csv.previewDone") : t("csv.applied")}</Text>
              <CountBadges counts={result.counts} />
              {result.ignoredColumns && result.ignoredColumns.length > 0 ? (
                <Text size="sm" c="dimmed">
                  {t("csv.ignored", { columns: result.ignoredColumns.join(", ") })}
                </Text>
              ) : null}
              <Table striped withTableBorder>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t("event")}</Table.Th>
                    <Table.Th>{t("person")}</Table.Th>
                    <Table.Th>{t("detail")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {result.events.slice(0, 200).map((e) => (
                    <Table.Tr key={`${e.kind}-${e.userName}`}>
                      <Table.Td>{t(`kind.${e.kind}`)}</Table.Td>
                      <Table.Td>{e.userName}</Table.Td>
                      <Table.Td>{eventDetail(e)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Stack>
          ) : null}
        </Stack>
      </Paper>

      <Paper withBorder p="md">
        <Stack>
          <Title order={4}>{t("syncs.title")}</Title>
          <ErrorAlert error={syncs.error} />
          <Table striped withTableBorder data-testid="directory-syncs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("syncs.when")}</Table.Th>
                <Table.Th>{t("syncs.source")}</Table.Th>
                <Table.Th>{t("syncs.origin")}</Table.Th>
                <Table.Th>{t("syncs.mode")}</Table.Th>
                <Table.Th>{t("syncs.result")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(syncs.data?.items ?? []).map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>{when(s.startedAt)}</Table.Td>
                  <Table.Td>{t(`source.${s.source}`)}</Table.Td>
                  <Table.Td>
                    <Text size="sm" truncate maw={260}>
                      {s.origin}
                    </Text>
                  </Table.Td>
                  <Table.Td>{t(`mode.${s.mode}`)}</Table.Td>
                  <Table.Td>
                    {s.status === "refused" ? (
                      <Badge color="red">{t("syncs.refused")}</Badge>
                    ) : (
                      <CountBadges counts={s.counts} />
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      </Paper>

      <Paper withBorder p="md">
        <Stack>
          <Title order={4}>{t("scim.title")}</Title>
          <Text size="sm" c="dimmed">
            {t("scim.help")}
          </Text>
          <Group align="end">
            <TextInput
              label={t("scim.label")}
              value={label}
              onChange={(e) => setLabel(e.currentTarget.value)}
              w={200}
            />
            <Button
              onClick={() => createToken.mutate()}
              loading={createToken.isPending}
              disabled={label.trim() === ""}
            >
              {t("scim.create")}
            </Button>
          </Group>
          <ErrorAlert error={createToken.error} />
          {newToken ? (
            <Stack gap={4}>
              <Text size="sm" c="orange">
                {t("scim.once")}
              </Text>
              <Code block>{newToken}</Code>
            </Stack>
          ) : null}
          <Table withTableBorder>
            <Table.Tbody>
              {(tokens.data?.items ?? []).map((tk) => (
                <Table.Tr key={tk.id}>
                  <Table.Td>{tk.label}</Table.Td>
                  <Table.Td>{when(tk.createdAt)}</Table.Td>
                  <Table.Td>
                    {tk.revokedAt
                      ? t("scim.revoked")
                      : tk.lastUsedAt
                        ? t("scim.lastUsed", { when: when(tk.lastUsedAt) })
                        : t("scim.unused")}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      </Paper>
    </Stack>
  );
}
