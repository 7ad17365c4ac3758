import {
  Accordion,
  Alert,
  Badge,
  Button,
  FileInput,
  Group,
  Loader,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useAuth } from "../../app/auth";
import { ErrorAlert } from "../../app/components/ErrorAlert";
import { bi, formatDate, formatDateTime } from "../../app/format";
import { useCountryGroups, useExportReference, useImportCountryGroups } from "./api";

/**
 * The destination tables of the law as data: each dated edition with its source and whether it has
 * been checked (要確認). The secretariat imports a newer table (JSON) without a code change.
 */
export function CountryGroupsTab() {
  const { t } = useTranslation("export");
  const { hasRole } = useAuth();
  const groups = useCountryGroups();
  const imp = useImportCountryGroups();
  const [file, setFile] = useState<File | null>(null);
  const [note, setNote] = useState("");
  if (groups.isLoading) return <Loader />;
  if (!groups.data) return <ErrorAlert error={groups.error} />;
  const g = groups.data;
  const download = () => {
    const blob = new Blob([JSON.stringify(g.table, null, 1)], { type: "application/json" });
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = "country-groups.json";
    a.click();
    URL.revokeObjectURL(a.href);
  };
  return (
    <Stack data-testid="country-groups">
      <Alert color="yellow">{t("groups.disclaimer")}</Alert>
      <Text size="sm">
        {t("groups.inForce")}: <b>{bi(g.table.title)}</b> (
        {g.source === "built_in" ? t("groups.builtIn") : t("groups.imported")})
      </Text>
      <Accordion multiple variant="separated">
        {g.table.editions.map((e) => (
          <Accordion.Item key={e.id} value={e.id}>
            <Accordion.Control>
              <Group gap="xs">
                <Text fw={600}>{bi(e.title)}</Text>
                <Badge variant="light">
                  {e.effectiveFrom ? formatDate(e.effectiveFrom) : t("groups.startUnknown")}
                </Badge>
                <Badge color={e.verified ? "green" : "yellow"} variant="light">
                  {e.verified ? t("groups.verified") : t("groups.toVerify")}
                </Badge>
                <Text size="xs" c="dimmed">
                  {t("groups.members", { n: e.members.length })}
                </Text>
              </Group>
            </Accordion.Control>
            <Accordion.Panel>
              <Text size="sm">
                {t("groups.source")}: {bi(e.source)}
              </Text>
              {e.amendedBy ? (
                <Text size="sm">
                  {t("groups.amendedBy")}: {bi(e.amendedBy)}
                </Text>
              ) : null}
              {!e.effectiveFromVerified ? (
                <Text size="xs" c="orange">
                  {t("groups.dateToVerify")}
                </Text>
              ) : null}
              {e.note ? (
                <Text size="sm" c="orange">
                  {bi(e.note)}
                </Text>
              ) : null}
              <Table mt="xs">
                <Table.Tbody>
                  {e.members.map((m) => (
                    <Table.Tr key={m.code}>
                      <Table.Td w={60}>{m.code}</Table.Td>
                      <Table.Td>{bi(m.name)}</Table.Td>
                      <Table.Td>
                        {m.verified === false ? (
                          <Badge color="yellow" size="xs">
                            {t("groups.toVerify")}
                          </Badge>
                        ) : null}
                        {m.note ? <Text size="xs">{bi(m.note)}</Text> : null}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
      <Group>
        <Button variant="default" onClick={download}>
          {t("groups.download")}
        </Button>
      </Group>
      {hasRole("secretariat", "admin") ? (
        <Stack gap="xs">
          <Title order={5}>{t("groups.import")}</Title>
          <Text size="xs" c="dimmed">
            {t("groups.importHelp")}
          </Text>
          <ErrorAlert error={imp.error} />
          <Group align="flex-end">
            <FileInput
              label={t("groups.file")}
              accept="application/json"
              value={file}
              onChange={setFile}
              w={260}
            />
            <TextInput
              label={t("groups.note")}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              style={{ flex: 1 }}
            />
            <Button
              disabled={!file}
              loading={imp.isPending}
              onClick={async () => {
                if (!file) return;
                let table: unknown;
                try {
                  table = JSON.parse(await file.text());
                } catch {
                  notifications.show({ color: "red", message: t("groups.notJson") });
                  return;
                }
                imp.mutate(
                  { table, note: note || null },
                  { onSuccess: () => notifications.show({ color: "green", message: t("groups.imported") }) },
                );
              }}
            >
              {t("groups.importButton")}
            </Button>
            {g.source === "imported" ? (
              <Button variant="subtle" onClick={() => imp.mutate("built_in")}>
                {t("groups.useBuiltIn")}
              </Button>
            ) : null}
          </Group>
          {g.history.map((h) => (
            <Text size="xs" key={h.id}>
              {formatDateTime(h.importedAt)} {bi(h.title)} {h.note ?? ""}{" "}
              {h.active ? `(${t("groups.active")})` : ""}
            </Text>
          ))}
        </Stack>
      ) : null}
    </Stack>
  );
}

/** The catch-all decision tables per edition and the technology exceptions, with their sources. */
export function RulesTab() {
  const { t } = useTranslation("export");
  const ref = useExportReference();
  if (!ref.data) return ref.isLoading ? <Loader /> : <ErrorAlert error={ref.error} />;
  const r = ref.data;
  return (
    <Stack data-testid="rules">
      <Alert color="yellow">{t("rules.disclaimer")}</Alert>
      {r.catchAll.map((e) => (
        <Stack key={e.id} gap="xs">
          <Title order={5}>
            {bi(e.title)} <Badge variant="light">{formatDate(e.effectiveFrom)}</Badge>
          </Title>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("rules.concern")}</Table.Th>
                <Table.Th>{t("rules.group")}</Table.Th>
                <Table.Th>{t("rules.category")}</Table.Th>
                <Table.Th>{t("rules.requirements")}</Table.Th>
                <Table.Th>{t("rules.basis")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {e.rows.map((row) => (
                <Table.Tr key={`${row.concern.en}-${row.group}-${row.category}`}>
                  <Table.Td>{bi(row.concern)}</Table.Td>
                  <Table.Td>{t(`rules.groups.${row.group}`)}</Table.Td>
                  <Table.Td>{`${row.category.replace("16-", "16(")})`}</Table.Td>
                  <Table.Td>
                    {row.requirements.length
                      ? row.requirements.map((q) => bi(q)).join("・")
                      : t("rules.none")}
                    {row.informOnlyIfDiversion ? <Text size="xs">{t("rules.diversionOnly")}</Text> : null}
                    {row.note ? (
                      <Text size="xs" c="dimmed">
                        {bi(row.note)}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    {row.citations.map((c) => (
                      <Text size="xs" key={c.en}>
                        {bi(c)}
                      </Text>
                    ))}
                    {!row.verified ? (
                      <Badge size="xs" color="yellow">
                        {t("groups.toVerify")}
                      </Badge>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      ))}
      <Title order={5}>{t("rules.exceptions")}</Title>
      {r.exceptions.map((x) => (
        <Stack gap={2} key={x.value}>
          <Text fw={600} size="sm">
            {bi(x.label)}
          </Text>
          <Text size="sm">{bi(x.conditions)}</Text>
          <Text size="xs" c="dimmed">
            {x.uses.map((u) => bi(u.label)).join(" / ")} ［{x.citations.map((c) => bi(c)).join("; ")}］
          </Text>
        </Stack>
      ))}
      <Title order={5}>{t("rules.sources")}</Title>
      {Object.entries(r.sources).map(([k, v]) => (
        <Text size="xs" key={k}>
          {bi(v)}
        </Text>
      ))}
    </Stack>
  );
}
