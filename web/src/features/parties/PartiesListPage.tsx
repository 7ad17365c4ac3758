import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Pagination,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { useAuth } from "../../app/auth";
import { ErrorAlert } from "../../app/components/ErrorAlert";
import { PageHeader } from "../../app/components/PageHeader";
import { countryName, formatDateTime } from "../../app/format";
import { type PartyKind, useParties, usePartyTags } from "./api";

export const PARTY_WRITERS = ["applicant", "unit_officer", "secretariat", "approver", "admin"] as const;

/** The parties directory: search any name in any script, filter, page through. */
export function PartiesListPage() {
  const { t } = useTranslation("parties");
  const { hasRole } = useAuth();
  const [params, setParams] = useSearchParams();
  const q = params.get("q") ?? "";
  const kind = (params.get("kind") ?? "") as PartyKind | "";
  const tag = params.get("tag") ?? "";
  const includeArchived = params.get("archived") === "1";
  const page = Number(params.get("page") ?? "1") || 1;
  const [debouncedQ] = useDebouncedValue(q, 250);
  const tags = usePartyTags();
  const parties = useParties({ q: debouncedQ, kind, tag, includeArchived, page, pageSize: 25 });

  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null || v === "") next.delete(k);
      else next.set(k, v);
    }
    if (!("page" in changes)) next.delete("page");
    setParams(next, { replace: true });
  };

  const totalPages = parties.data ? Math.max(1, Math.ceil(parties.data.total / parties.data.pageSize)) : 1;

  return (
    <Stack>
      <PageHeader
        title={t("title")}
        subtitle={t("subtitle")}
        actions={
          hasRole(...PARTY_WRITERS) ? (
            <Button component={Link} to="/parties/new">
              {t("new")}
            </Button>
          ) : null
        }
      />
      <Group align="flex-end" wrap="wrap">
        <TextInput
          label={t("search")}
          placeholder={t("searchPlaceholder")}
          value={q}
          onChange={(e) => update({ q: e.currentTarget.value })}
          w={340}
          aria-label={t("search")}
        />
        <Select
          label={t("kind")}
          value={kind}
          onChange={(v) => update({ kind: v })}
          data={[
            { value: "", label: t("all") },
            { value: "organization", label: t("kinds.organization") },
            { value: "person", label: t("kinds.person") },
          ]}
          w={160}
          allowDeselect={false}
        />
        <Select
          label={t("tag")}
          value={tag}
          onChange={(v) => update({ tag: v })}
          data={[
            { value: "", label: t("all") },
            ...(tags.data?.items ?? []).map((x) => ({ value: x, label: x })),
          ]}
          w={180}
          searchable
        />
        <Checkbox
          label={t("includeArchived")}
          checked={includeArchived}
          onChange={(e) => update({ archived: e.currentTarget.checked ? "1" : null })}
        />
      </Group>
      <ErrorAlert error={parties.error} />
      <Text size="sm" c="dimmed">
        {t("count", { count: parties.data?.total ?? 0 })}
      </Text>
      <Table striped highlightOnHover data-testid="parties-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("name")}</Table.Th>
            <Table.Th>{t("otherNames")}</Table.Th>
            <Table.Th>{t("kind")}</Table.Th>
            <Table.Th>{t("country")}</Table.Th>
            <Table.Th>{t("tags")}</Table.Th>
            <Table.Th>{t("updated")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(parties.data?.items ?? []).map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>
                <Anchor component={Link} to={`/parties/${p.id}`}>
                  {p.primaryName}
                </Anchor>
                {p.archived ? (
                  <Badge ml="xs" color="gray" size="sm">
                    {t("archived")}
                  </Badge>
                ) : null}
              </Table.Td>
              <Table.Td>
                <Text size="sm" lineClamp={2}>
                  {p.names
                    .slice(1)
                    .map((n) => n.name)
                    .join(" / ")}
                </Text>
              </Table.Td>
              <Table.Td>{t(`kinds.${p.kind}`)}</Table.Td>
              <Table.Td>{countryName(p.country)}</Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {p.tags.map((x) => (
                    <Badge key={x} variant="light" size="sm">
                      {x}
                    </Badge>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{formatDateTime(p.updatedAt)}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {totalPages > 1 ? (
        <Pagination total={totalPages} value={page} onChange={(p) => update({ page: String(p) })} />
      ) : null}
    </Stack>
  );
}
