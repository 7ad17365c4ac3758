import {
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Loader,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate, useParams, useSearchParams } from "react-router";
import { useAuth } from "../../app/auth";
import { ErrorAlert } from "../../app/components/ErrorAlert";
import { PageHeader } from "../../app/components/PageHeader";
import { RedFlagChips } from "../../app/components/RedFlag";
import { bi } from "../../app/format";
import { useCases, useFlag, useFlags } from "./api";

/** Tabs of the "cases & training" area. */
export function CasesTabs() {
  const { t } = useTranslation("cases");
  const { hasRole } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const tabs = [
    { value: "/cases", label: t("tabs.library") },
    { value: "/cases/training", label: t("tabs.training") },
    { value: "/cases/flags", label: t("tabs.flags") },
    ...(hasRole("secretariat", "admin", "approver", "auditor")
      ? [{ value: "/cases/training/dashboard", label: t("tabs.dashboard") }]
      : []),
  ];
  const current =
    [...tabs]
      .map((x) => x.value)
      .sort((a, b) => b.length - a.length)
      .find((v) => location.pathname === v || location.pathname.startsWith(`${v}/`)) ?? "/cases";
  const value = tabs.some((x) => x.value === current) ? current : "/cases";
  return (
    <SegmentedControl
      value={value}
      onChange={(v) => navigate(v)}
      data={tabs}
      mb="md"
      aria-label={t("title")}
    />
  );
}

/** Channel label from the cases namespace. */
export function useChannelLabel() {
  const { t } = useTranslation("cases");
  return (c: string) => t(`channels.${c}`);
}

/** The case library: search in both languages, filter by red flag. */
export function CasesPage() {
  const { t } = useTranslation("cases");
  const { hasRole } = useAuth();
  const channel = useChannelLabel();
  const [params, setParams] = useSearchParams();
  const q = params.get("q") ?? "";
  const flag = params.get("flag") ?? "";
  const drafts = params.get("drafts") === "1";
  const [debounced] = useDebouncedValue(q, 250);
  const flags = useFlags();
  const cases = useCases({
    q: debounced || undefined,
    flag: flag || undefined,
    includeDrafts: drafts || undefined,
  });
  const set = (k: string, v: string | null) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next, { replace: true });
  };
  return (
    <Stack>
      <CasesTabs />
      <PageHeader
        title={t("title")}
        subtitle={t("subtitle")}
        actions={
          hasRole("admin") ? (
            <Button component={Link} to="/cases/new">
              {t("new")}
            </Button>
          ) : null
        }
      />
      <Group align="flex-end">
        <TextInput label={t("search")} value={q} onChange={(e) => set("q", e.currentTarget.value)} w={280} />
        <Select
          label={t("flagFilter")}
          value={flag}
          onChange={(v) => set("flag", v)}
          searchable
          clearable
          w={320}
          data={(flags.data?.items ?? []).map((f) => ({
            value: f.id,
            label: bi(f.title) ? `${bi(f.title)}（${f.id}）` : f.id,
          }))}
        />
        {hasRole("secretariat", "admin") ? (
          <Checkbox
            label={t("showDrafts")}
            checked={drafts}
            onChange={(e) => set("drafts", e.currentTarget.checked ? "1" : null)}
          />
        ) : null}
      </Group>
      <ErrorAlert error={cases.error} />
      {cases.isLoading ? <Loader /> : null}
      <SimpleGrid cols={{ base: 1, md: 2 }} data-testid="case-list">
        {(cases.data?.items ?? []).map((c) => (
          <Card key={c.id} withBorder padding="md">
            <Stack gap={6}>
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Anchor component={Link} to={`/cases/${c.slug}`} fw={600}>
                  {bi(c.title)}
                </Anchor>
                {c.status === "draft" ? <Badge color="gray">{t("draft")}</Badge> : null}
              </Group>
              <Text size="xs" c="dimmed">
                {c.period} · {c.channels.map(channel).join(t("listSeparator"))}
              </Text>
              <Text size="sm" lineClamp={3}>
                {bi(c.summary)}
              </Text>
              <RedFlagChips ids={c.redFlags} size="xs" color="indigo" link />
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}

/** The red-flag catalogue with, for each flag, the cases that show it. */
export function FlagsPage() {
  const { t } = useTranslation("cases");
  const flags = useFlags();
  return (
    <Stack>
      <CasesTabs />
      <PageHeader title={t("flags.title")} subtitle={t("flags.subtitle")} />
      <ErrorAlert error={flags.error} />
      <Table striped data-testid="flags-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>ID</Table.Th>
            <Table.Th>{t("flags.flag")}</Table.Th>
            <Table.Th>{t("flags.module")}</Table.Th>
            <Table.Th>{t("flags.cases")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(flags.data?.items ?? []).map((f) => (
            <Table.Tr key={f.id}>
              <Table.Td>
                <Anchor component={Link} to={`/cases/flags/${f.id}`}>
                  {f.id}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{bi(f.title) || t("flags.untitled")}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{t(`flags.modules.${f.module}`, { defaultValue: f.module })}</Text>
              </Table.Td>
              <Table.Td>
                <Stack gap={0}>
                  {f.cases.map((c) => (
                    <Anchor key={c.id} component={Link} to={`/cases/${c.slug}`} size="sm">
                      {bi(c.title)}
                    </Anchor>
                  ))}
                </Stack>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

/** One red flag: the question it asks and the cases that share it. */
export function FlagPage() {
  const { id } = useParams();
  const { t } = useTranslation("cases");
  const flag = useFlag(id);
  if (flag.isLoading) return <Loader />;
  if (flag.error || !flag.data) return <ErrorAlert error={flag.error} />;
  const f = flag.data;
  return (
    <Stack>
      <CasesTabs />
      <PageHeader title={bi(f.title) || f.id} subtitle={`${bi(f.question)}（${f.id}）`} />
      <Text fw={600}>{t("flags.cases")}</Text>
      {f.cases.length === 0 ? <Text c="dimmed">{t("flags.noCases")}</Text> : null}
      <Stack gap={4}>
        {f.cases.map((c) => (
          <Anchor key={c.id} component={Link} to={`/cases/${c.slug}`}>
            {bi(c.title)}
          </Anchor>
        ))}
      </Stack>
    </Stack>
  );
}
