import {
  Alert,
  Anchor,
  Badge,
  Group,
  Loader,
  Pagination,
  Select,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate, useSearchParams } from "react-router";
import { ErrorAlert } from "../../app/components/ErrorAlert";
import { SampleBadge, SampleListNotice } from "../../app/components/ListLabels";
import { PageHeader } from "../../app/components/PageHeader";
import { RequireRole } from "../../app/components/RequireRole";
import { countryName, formatDateTime } from "../../app/format";
import { useReviewQueue, useScreeningSearch, useScreeningStatus } from "./api";
import { BatchDetail, BatchesTab } from "./BatchesTab";
import { EntryDrawer, HitCard, ScoreBadge, useSourceLabel } from "./HitCard";
import { SCREENING_READERS } from "./roles";

/** The Screening module: search a name, the review queue of open hits, and batch jobs. */
export function ScreeningPage() {
  const { t } = useTranslation("screening");
  const location = useLocation();
  const navigate = useNavigate();
  const parts = location.pathname.split("/");
  const current = parts[2] || "search";
  return (
    <RequireRole roles={SCREENING_READERS}>
      <Stack>
        <PageHeader title={t("title")} subtitle={t("subtitle")} />
        <SampleListNotice />
        <IndexState />
        <Tabs value={current} onChange={(v) => navigate(`/screening/${v ?? "search"}`)} keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="search">{t("tabs.search")}</Tabs.Tab>
            <Tabs.Tab value="review">{t("tabs.review")}</Tabs.Tab>
            <Tabs.Tab value="batches">{t("tabs.batches")}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="search" pt="md">
            <SearchTab />
          </Tabs.Panel>
          <Tabs.Panel value="review" pt="md">
            <ReviewQueueTab />
          </Tabs.Panel>
          <Tabs.Panel value="batches" pt="md">
            {parts[3] ? <BatchDetail id={parts[3]} /> : <BatchesTab />}
          </Tabs.Panel>
        </Tabs>
      </Stack>
    </RequireRole>
  );
}

/** Says which lists the index holds, or that it is being built / empty. */
function IndexState() {
  const { t } = useTranslation("screening");
  const status = useScreeningStatus();
  const sourceLabel = useSourceLabel();
  if (!status.data) return <ErrorAlert error={status.error} />;
  const { index } = status.data;
  if (index.state === "building" || index.state === "idle") {
    return (
      <Alert color="blue" icon={<Loader size="xs" />} title={t("index.building")}>
        {index.progress
          ? t("index.progress", { added: index.progress.entitiesAdded, total: index.progress.entitiesTotal })
          : null}
      </Alert>
    );
  }
  if (index.state === "failed")
    return <Alert color="red">{t("index.failed", { error: index.error ?? "" })}</Alert>;
  const lists = Object.keys(index.snapshots);
  if (lists.length === 0) return <Alert color="yellow">{t("index.empty")}</Alert>;
  return (
    <Text size="sm" c="dimmed" data-testid="index-state">
      {t("index.ready", {
        count: index.entityCount,
        lists: lists.map(sourceLabel).join(t("index.separator")),
        threshold: status.data.threshold.toFixed(2),
      })}
    </Text>
  );
}

/** Type a name in any script; ranked hits with their explanations and the full list entries. */
function SearchTab() {
  const { t } = useTranslation("screening");
  const [params, setParams] = useSearchParams();
  const q = params.get("q") ?? "";
  const country = params.get("country") ?? "";
  const schema = (params.get("schema") ?? "") as "" | "Person" | "Organization";
  const [debouncedQ] = useDebouncedValue(q, 300);
  const [countryInput, setCountryInput] = useState(country);
  const [entityId, setEntityId] = useState<string | null>(null);
  const validCountry = /^[A-Za-z]{2}$/.test(country) ? country.toUpperCase() : undefined;
  const search = useScreeningSearch({ q: debouncedQ, country: validCountry, schema: schema || undefined });

  const update = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };
  const items = search.data?.items ?? [];
  const matches = items.filter((h) => h.match).length;

  return (
    <Stack>
      <Group align="flex-end" wrap="wrap">
        <TextInput
          label={t("search.name")}
          placeholder={t("search.placeholder")}
          value={q}
          onChange={(e) => update({ q: e.currentTarget.value })}
          w={420}
          autoFocus
          data-testid="screening-query"
        />
        <TextInput
          label={t("search.country")}
          description={t("search.countryHint")}
          value={countryInput}
          maxLength={2}
          w={140}
          onChange={(e) => {
            const v = e.currentTarget.value;
            setCountryInput(v);
            if (v === "" || /^[A-Za-z]{2}$/.test(v)) update({ country: v.toUpperCase() });
          }}
          error={countryInput && !/^[A-Za-z]{2}$/.test(countryInput) ? t("search.countryInvalid") : undefined}
        />
        <Select
          label={t("search.schema")}
          value={schema}
          onChange={(v) => update({ schema: v ?? "" })}
          data={[
            { value: "", label: t("search.any") },
            { value: "Organization", label: t("schemas.Organization") },
            { value: "Person", label: t("schemas.Person") },
          ]}
          allowDeselect={false}
          w={170}
        />
      </Group>
      <ErrorAlert error={search.error} />
      {debouncedQ.trim() === "" ? (
        <Text c="dimmed">{t("search.hint")}</Text>
      ) : search.isLoading ? (
        <Loader />
      ) : (
        <Stack gap="sm" data-testid="search-results">
          <Text size="sm" c="dimmed">
            {t("search.summary", { count: items.length, matches })}
          </Text>
          {items.length === 0 ? <Text>{t("search.noHits")}</Text> : null}
          {items.map((hit, i) => (
            <HitCard key={hit.entityId} hit={hit} rank={i + 1} onOpenEntry={setEntityId} />
          ))}
        </Stack>
      )}
      <EntryDrawer entityId={entityId} onClose={() => setEntityId(null)} />
    </Stack>
  );
}

/** Hits at or above the threshold that nobody has decided on yet, across every party. */
function ReviewQueueTab() {
  const { t } = useTranslation("screening");
  const [page, setPage] = useState(1);
  const queue = useReviewQueue(page);
  const sourceLabel = useSourceLabel();
  if (queue.isLoading) return <Loader />;
  const data = queue.data;
  const totalPages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  return (
    <Stack>
      <Text c="dimmed">{t("review.subtitle")}</Text>
      <ErrorAlert error={queue.error} />
      <Text size="sm">{t("review.count", { count: data?.total ?? 0 })}</Text>
      <Table striped data-testid="review-queue">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("review.party")}</Table.Th>
            <Table.Th>{t("review.hit")}</Table.Th>
            <Table.Th>{t("review.score")}</Table.Th>
            <Table.Th>{t("review.list")}</Table.Th>
            <Table.Th>{t("review.screenedAt")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(data?.items ?? []).map((item) => (
            <Table.Tr key={`${item.runId}-${item.hit.entityId}`}>
              <Table.Td>
                <Anchor component={Link} to={`/parties/${item.party.id}#screening`}>
                  {item.party.name}
                </Anchor>
                {item.party.country ? (
                  <Text size="xs" c="dimmed">
                    {countryName(item.party.country)}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>
                {item.hit.name}
                {item.hit.isNew ? (
                  <Badge ml="xs" size="sm" color="orange">
                    {t("party.new")}
                  </Badge>
                ) : null}
              </Table.Td>
              <Table.Td>
                <ScoreBadge score={item.hit.score} match={item.hit.match} />
              </Table.Td>
              <Table.Td>
                {sourceLabel(item.hit.source)} {item.hit.sourceId} <SampleBadge source={item.hit.source} />
              </Table.Td>
              <Table.Td>{formatDateTime(item.screenedAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {totalPages > 1 ? <Pagination total={totalPages} value={page} onChange={setPage} /> : null}
    </Stack>
  );
}
