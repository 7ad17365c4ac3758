import {
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  Select,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate, useSearchParams } from "react-router";
import { useAuth } from "../../app/auth";
import { ErrorAlert } from "../../app/components/ErrorAlert";
import { PageHeader } from "../../app/components/PageHeader";
import { RequireRole } from "../../app/components/RequireRole";
import { bi, countryName, formatDate } from "../../app/format";
import { useAllProvisions, useExportReference, useItems, useLicences } from "./api";
import { CountryGroupsTab, RulesTab } from "./RulesTabs";
import { SelfInspectionTab } from "./SelfInspectionTab";

export const EXPORT_READERS = ["unit_officer", "secretariat", "approver", "auditor", "admin"] as const;

const TABS = ["items", "licences", "provisions", "self-inspection", "country-groups", "rules"] as const;

/** Export control: the item master, licences, the provision log, self-inspection, country groups, rules. */
export function ExportPage() {
  const { t } = useTranslation("export");
  const location = useLocation();
  const navigate = useNavigate();
  const current = (location.pathname.split("/")[2] || "items") as (typeof TABS)[number];
  return (
    <RequireRole roles={[...EXPORT_READERS]}>
      <Stack>
        <PageHeader title={t("title")} subtitle={t("subtitle")} />
        <Tabs value={current} onChange={(v) => navigate(`/export/${v ?? "items"}`)} keepMounted={false}>
          <Tabs.List>
            {TABS.map((tab) => (
              <Tabs.Tab key={tab} value={tab}>
                {t(`tabs.${tab}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          <Tabs.Panel value="items" pt="md">
            <ItemsTab />
          </Tabs.Panel>
          <Tabs.Panel value="licences" pt="md">
            <LicencesTab />
          </Tabs.Panel>
          <Tabs.Panel value="provisions" pt="md">
            <ProvisionsTab />
          </Tabs.Panel>
          <Tabs.Panel value="self-inspection" pt="md">
            <SelfInspectionTab />
          </Tabs.Panel>
          <Tabs.Panel value="country-groups" pt="md">
            <CountryGroupsTab />
          </Tabs.Panel>
          <Tabs.Panel value="rules" pt="md">
            <RulesTab />
          </Tabs.Panel>
        </Tabs>
      </Stack>
    </RequireRole>
  );
}

const RECHECK_COLOR = { overdue: "red", due_soon: "orange", ok: "green", none: "gray" } as const;

function ItemsTab() {
  const { t } = useTranslation("export");
  const { hasRole } = useAuth();
  const [q, setQ] = useState("");
  const [status, setStatus] = useState<string>("active");
  const [due, setDue] = useState(false);
  const items = useItems({ q: q || undefined, status, recheckDue: due || undefined });
  return (
    <Stack>
      <Group align="flex-end">
        <TextInput
          label={t("items.search")}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          w={260}
        />
        <Select
          label={t("items.status")}
          w={160}
          allowDeselect={false}
          data={[
            { value: "active", label: t("items.active") },
            { value: "archived", label: t("items.archived") },
          ]}
          value={status}
          onChange={(v) => setStatus(v ?? "active")}
        />
        <Button variant={due ? "filled" : "light"} onClick={() => setDue(!due)}>
          {t("items.recheckDue")}
        </Button>
        {hasRole("unit_officer", "secretariat", "admin") ? (
          <Button component={Link} to="/export/items/new">
            {t("items.new")}
          </Button>
        ) : null}
      </Group>
      <ErrorAlert error={items.error} />
      {items.isLoading ? <Loader /> : null}
      <Table striped data-testid="items-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("items.ref")}</Table.Th>
            <Table.Th>{t("items.name")}</Table.Th>
            <Table.Th>{t("items.judgement")}</Table.Th>
            <Table.Th>{t("items.decided")}</Table.Th>
            <Table.Th>{t("items.recheckOn")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(items.data?.items ?? []).map((i) => (
            <Table.Tr key={i.id}>
              <Table.Td>
                <Anchor component={Link} to={`/export/items/${i.id}`}>
                  {i.refNo}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{i.name}</Text>
                <Text size="xs" c="dimmed">
                  {t(`kind.${i.kind}`)}
                  {i.modelNumber ? ` · ${i.modelNumber}` : ""}
                  {i.maker ? ` · ${i.maker}` : ""}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{bi(i.summary)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {i.decidedBy?.name ?? "—"} · {formatDate(i.decidedOn)}
                </Text>
              </Table.Td>
              <Table.Td>
                {i.recheckOn ? (
                  <Badge color={RECHECK_COLOR[i.recheckState]} variant="light">
                    {formatDate(i.recheckOn)}
                  </Badge>
                ) : (
                  "—"
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {items.data && items.data.items.length === 0 ? <Text c="dimmed">{t("items.empty")}</Text> : null}
    </Stack>
  );
}

const EXPIRY_COLOR = {
  ok: "green",
  due_60: "yellow",
  due_30: "orange",
  expired: "red",
  none: "gray",
} as const;

function LicencesTab() {
  const { t } = useTranslation("export");
  const { hasRole } = useAuth();
  const ref = useExportReference();
  const [params, setParams] = useSearchParams();
  const expiringParam = params.get("expiring");
  const expiring = expiringParam !== null && /^\d+$/.test(expiringParam) ? Number(expiringParam) : undefined;
  const licences = useLicences(true, expiring);
  const status = (s: string) => bi(ref.data?.licenceStatuses.find((x) => x.value === s)?.label) || s;
  return (
    <Stack>
      {hasRole("secretariat", "admin") ? (
        <Group>
          <Button component={Link} to="/export/licences/new">
            {t("licences.new")}
          </Button>
        </Group>
      ) : null}
      {expiring !== undefined ? (
        <Group gap="xs" data-testid="licences-expiring-filter">
          <Badge color="orange" variant="light" size="lg">
            {t("licences.expiringFilter", { n: expiring })}
          </Badge>
          <Button size="compact-xs" variant="subtle" onClick={() => setParams({})}>
            {t("licences.showAll")}
          </Button>
        </Group>
      ) : null}
      <ErrorAlert error={licences.error} />
      <Table striped data-testid="licences-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("licences.ref")}</Table.Th>
            <Table.Th>{t("licences.kind")}</Table.Th>
            <Table.Th>{t("licences.status")}</Table.Th>
            <Table.Th>{t("licences.destinations")}</Table.Th>
            <Table.Th>{t("licences.validUntil")}</Table.Th>
            <Table.Th>{t("licences.used")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(licences.data?.items ?? []).map((l) => (
            <Table.Tr key={l.id}>
              <Table.Td>
                <Anchor component={Link} to={`/export/licences/${l.id}`}>
                  {l.refNo}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {l.licenceNumber ?? "—"} · {l.holder}
                </Text>
              </Table.Td>
              <Table.Td>{bi(l.kindLabel)}</Table.Td>
              <Table.Td>{status(l.status)}</Table.Td>
              <Table.Td>
                <Text size="sm">
                  {l.destinations.map((d) => destinationLabel(d, t)).join(t("sep")) || "—"}
                </Text>
              </Table.Td>
              <Table.Td>
                {l.validUntil ? (
                  <Badge color={EXPIRY_COLOR[l.expiry]} variant="light">
                    {formatDate(l.validUntil)}
                    {l.daysLeft !== null && l.daysLeft >= 0
                      ? ` (${t("licences.daysLeft", { n: l.daysLeft })})`
                      : ""}
                  </Badge>
                ) : (
                  "—"
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {t("licences.useCount", { n: l.useCount })}
                  {l.quantityLimit !== null
                    ? ` · ${l.usedQuantity}/${l.quantityLimit} ${l.quantityUnit ?? ""}`
                    : ""}
                  {l.valueLimitJpy !== null
                    ? ` · ${l.usedValueJpy.toLocaleString()}/${l.valueLimitJpy.toLocaleString()} ${t("yen")}`
                    : ""}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

/** "group:group_a" → グループA, "*" → 全地域, "TH" → タイ (TH). */
export function destinationLabel(d: string, t: (k: string) => string): string {
  if (d === "*") return t("licences.allRegions");
  if (d.startsWith("group:")) return t(`groups.${d.slice(6)}`);
  return `${countryName(d)} (${d})`;
}

function ProvisionsTab() {
  const { t } = useTranslation("export");
  const ref = useExportReference();
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const list = useAllProvisions({ from: from || undefined, to: to || undefined });
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t("provisions.help")}
      </Text>
      <Group>
        <TextInput
          type="date"
          label={t("provisions.from")}
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
        />
        <TextInput
          type="date"
          label={t("provisions.to")}
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
        />
      </Group>
      <ErrorAlert error={list.error} />
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("after.providedOn")}</Table.Th>
            <Table.Th>{t("after.what")}</Table.Th>
            <Table.Th>{t("after.recipient")}</Table.Th>
            <Table.Th>{t("after.method")}</Table.Th>
            <Table.Th>{t("provisions.review")}</Table.Th>
            <Table.Th>{t("after.licence")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(list.data?.items ?? []).map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>{formatDate(p.providedOn)}</Table.Td>
              <Table.Td>{p.what}</Table.Td>
              <Table.Td>
                {p.recipientName}
                {p.country ? ` (${countryName(p.country)})` : ""}
              </Table.Td>
              <Table.Td>
                {bi(ref.data?.provisionMethods.find((m) => m.value === p.method)?.label) || p.method}
              </Table.Td>
              <Table.Td>
                {p.reviewId ? (
                  <Anchor component={Link} to={`/reviews/${p.reviewId}`}>
                    {p.reviewRef}
                  </Anchor>
                ) : (
                  "—"
                )}
              </Table.Td>
              <Table.Td>
                {p.licenceId ? (
                  <Anchor component={Link} to={`/export/licences/${p.licenceId}`}>
                    {p.licenceRef}
                  </Anchor>
                ) : (
                  "—"
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {list.data && list.data.items.length === 0 ? <Text c="dimmed">{t("after.noProvisions")}</Text> : null}
    </Stack>
  );
}
