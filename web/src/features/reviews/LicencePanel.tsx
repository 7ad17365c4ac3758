import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  List,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorAlert } from "../../app/components/ErrorAlert";
import { bi, countryName, formatDate } from "../../app/format";
import { fieldErrors } from "../../app/forms";
import { useItems, useLicences } from "../export/api";
import { COUNTRY_CODES } from "../parties/countries";
import type { ExportFacts, Reference, Review } from "./api";
import { useExportFacts, useLinkLicence, useRefreshItem, useSetItems } from "./exportApi";

const RESULT_COLOR: Record<string, string> = {
  licence_required: "red",
  inform: "red",
  not_required: "green",
  undetermined: "orange",
  not_applicable: "gray",
};

/** Country picker with names in the UI language. */
export function CountrySelect(props: {
  label: string;
  value: string | null;
  onChange: (v: string | null) => void;
  error?: string | undefined;
  description?: string | undefined;
}) {
  return (
    <Select
      label={props.label}
      description={props.description}
      searchable
      clearable
      data={COUNTRY_CODES.filter((c) => c !== "XK").map((c) => ({
        value: c,
        label: `${countryName(c)} (${c})`,
      }))}
      value={props.value}
      onChange={props.onChange}
      error={props.error}
    />
  );
}

/**
 * 輸出許可の要否: the licence-requirement engine's answer for the review with every finding's legal
 * basis, the facts it rests on (destination, date, use, inform notices, 明らか clearance), the goods
 * and technologies linked from the item master, and the licences linked to satisfy it.
 */
export function LicencePanel({ review: r, reference }: { review: Review; reference: Reference }) {
  const { t } = useTranslation("export");
  const l = r.licence;
  return (
    <Paper withBorder p="md" data-testid="licence-panel">
      <Group justify="space-between" mb="xs">
        <Title order={4}>{t("licence.title")}</Title>
        <Badge size="lg" color={RESULT_COLOR[l.result] ?? "gray"} data-testid="licence-result">
          {bi(l.resultLabel)}
        </Badge>
      </Group>
      {!l.applicable ? (
        <Text size="sm" c="dimmed">
          {t("licence.notApplicable")}
        </Text>
      ) : (
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            <Text size="sm">
              <b>{t("licence.activity")}:</b> {bi(l.profile)}
            </Text>
            <Text size="sm" data-testid="licence-destination">
              <b>{t("licence.destination")}:</b>{" "}
              {l.destination.country
                ? `${countryName(l.destination.country)} (${l.destination.country})`
                : "—"}{" "}
              {l.destination.groups.map((g) => (
                <Badge key={g.en} size="xs" variant="light" ml={4}>
                  {bi(g)}
                </Badge>
              ))}
              {l.destination.source === "counterparty" ? (
                <Text span size="xs" c="dimmed">
                  {" "}
                  ({t("licence.fromCounterparty")})
                </Text>
              ) : null}
            </Text>
            <Text size="sm">
              <b>{t("licence.date")}:</b> {formatDate(l.date)} · <b>{t("licence.recipient")}:</b>{" "}
              {t(`residency.${l.recipient.residency}`)}
              {l.recipient.tokutei ? ` · ${t("licence.tokutei")}` : ""}
            </Text>
          </SimpleGrid>
          <Alert
            color={
              l.gate.required
                ? l.gate.satisfied
                  ? l.gate.pending
                    ? "orange"
                    : "green"
                  : "red"
                : l.gate.undetermined
                  ? "orange"
                  : "green"
            }
            data-testid="licence-gate"
            title={t("licence.gate")}
          >
            {bi(l.gate.reason)}
          </Alert>
          {l.items.map((i) => (
            <Paper key={`${i.label.en}-${i.kind}`} withBorder p="sm" data-testid="licence-item">
              <Group justify="space-between">
                <Text fw={600}>
                  {bi(i.label)}{" "}
                  <Badge variant="outline" size="xs">
                    {t(`kind.${i.kind}`)}
                  </Badge>
                </Text>
                <Badge color={RESULT_COLOR[i.result] ?? "gray"}>{bi(i.resultLabel)}</Badge>
              </Group>
              <List size="sm" mt={4} spacing={4}>
                {i.findings.map((f) => (
                  <List.Item key={f.id}>
                    <Text size="sm">{bi(f.reason)}</Text>
                    <Text size="xs" c="dimmed">
                      {t("licence.basis")}: {f.citations.map((c) => bi(c)).join("; ")}
                      {f.unverified ? (
                        <Badge size="xs" color="yellow" variant="light" ml={6}>
                          {t("licence.toVerify")}
                        </Badge>
                      ) : null}
                    </Text>
                  </List.Item>
                ))}
              </List>
              {i.missing.length ? (
                <Text size="sm" c="orange" mt={4}>
                  {t("licence.missing")}: {i.missing.map((m) => bi(m)).join("、")}
                </Text>
              ) : null}
              {i.cautions.map((c) => (
                <Text size="xs" c="orange" key={c.en} mt={2}>
                  ⚠ {bi(c)}
                </Text>
              ))}
            </Paper>
          ))}
          {l.items.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t("licence.noItems")}
            </Text>
          ) : null}
          <Text size="xs" c="dimmed">
            {t("licence.disclaimer")}{" "}
            <Anchor component={Link} to="/export/rules">
              {t("licence.rulesLink")}
            </Anchor>
          </Text>
        </Stack>
      )}
      {r.permissions.exportFacts && l.applicable ? <FactsForm review={r} /> : null}
      {l.applicable ? <ItemsSection review={r} reference={reference} /> : null}
      {l.applicable && (r.permissions.licences || l.linked.length > 0) ? (
        <LicencesSection review={r} />
      ) : null}
    </Paper>
  );
}

function FactsForm({ review: r }: { review: Review }) {
  const { t } = useTranslation("export");
  const save = useExportFacts();
  const form = useForm<ExportFacts>({ initialValues: r.exportFacts });
  const v = form.values;
  const submit = form.onSubmit(async (values) => {
    form.clearErrors();
    try {
      await save.mutateAsync({ id: r.id, version: r.version, facts: values });
      notifications.show({ color: "green", message: t("facts.saved") });
    } catch (e) {
      form.setErrors(fieldErrors(e));
    }
  });
  return (
    <form onSubmit={submit} data-testid="export-facts">
      <Stack mt="md" gap="xs">
        <Title order={5}>{t("facts.title")}</Title>
        <ErrorAlert error={save.error} />
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          <CountrySelect
            label={t("facts.destination")}
            description={t("facts.destinationHelp")}
            value={v.destinationCountry}
            onChange={(c) => form.setFieldValue("destinationCountry", c)}
            error={form.errors.destinationCountry as string | undefined}
          />
          <CountrySelect
            label={t("facts.finalDestination")}
            value={v.finalDestinationCountry}
            onChange={(c) => form.setFieldValue("finalDestinationCountry", c)}
          />
          <TextInput type="date" label={t("facts.plannedOn")} {...form.getInputProps("plannedOn")} />
          <Select
            label={t("facts.statedUse")}
            allowDeselect={false}
            data={(["civil", "conventional", "wmd", "unknown"] as const).map((u) => ({
              value: u,
              label: t(`use.${u}`),
            }))}
            {...form.getInputProps("statedUse")}
          />
          <Select
            label={t("facts.providedAbroad")}
            data={[
              { value: "auto", label: t("facts.byActivity") },
              { value: "yes", label: t("facts.yes") },
              { value: "no", label: t("facts.no") },
            ]}
            allowDeselect={false}
            value={v.providedAbroad === null ? "auto" : v.providedAbroad ? "yes" : "no"}
            onChange={(x) => form.setFieldValue("providedAbroad", x === "auto" ? null : x === "yes")}
          />
          <TextInput label={t("facts.useNote")} {...form.getInputProps("useNote")} />
        </SimpleGrid>
        <Group>
          <Checkbox
            label={t("facts.informedWmd")}
            {...form.getInputProps("informedWmd", { type: "checkbox" })}
          />
          <Checkbox
            label={t("facts.informedConventional")}
            {...form.getInputProps("informedConventional", { type: "checkbox" })}
          />
          <Checkbox
            label={t("facts.diversion")}
            {...form.getInputProps("diversionConcern", { type: "checkbox" })}
          />
          <Checkbox
            label={t("facts.knownWmd")}
            {...form.getInputProps("knownWmdActivity", { type: "checkbox" })}
          />
          <Checkbox
            label={t("facts.knownConventional")}
            {...form.getInputProps("knownConventionalActivity", { type: "checkbox" })}
          />
          <Checkbox
            label={t("facts.clearly")}
            {...form.getInputProps("clearlyNoConcern", { type: "checkbox" })}
          />
        </Group>
        {v.informedWmd || v.informedConventional ? (
          <TextInput label={t("facts.informNote")} withAsterisk {...form.getInputProps("informNote")} />
        ) : null}
        {v.clearlyNoConcern ? (
          <Textarea
            label={t("facts.clearlyNote")}
            withAsterisk
            autosize
            {...form.getInputProps("clearlyNote")}
          />
        ) : null}
        <Group>
          <Button type="submit" loading={save.isPending} variant="light">
            {t("facts.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ItemsSection({ review: r, reference }: { review: Review; reference: Reference }) {
  const { t } = useTranslation("export");
  const setItems = useSetItems();
  const refresh = useRefreshItem();
  const [search, setSearch] = useState("");
  const items = useItems({ q: search || undefined, status: "active" });
  const [pick, setPick] = useState<string | null>(null);
  const [quantity, setQuantity] = useState<number | "">("");
  const [value, setValue] = useState<number | "">("");
  const editable = r.permissions.exportFacts;
  const current = r.items.map((i) => ({
    itemId: i.itemId,
    quantity: i.quantity,
    unit: i.unit,
    valueJpy: i.valueJpy,
    extraExceptions: i.extraExceptions,
    note: i.note,
  }));
  const save = async (next: typeof current) => {
    await setItems.mutateAsync({ id: r.id, version: r.version, items: next });
    notifications.show({ color: "green", message: t("items.saved") });
  };
  return (
    <Stack mt="md" gap="xs" data-testid="review-items">
      <Title order={5}>{t("items.title")}</Title>
      <ErrorAlert error={setItems.error ?? refresh.error} />
      {r.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("items.none")}
        </Text>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("items.item")}</Table.Th>
              <Table.Th>{t("items.judgement")}</Table.Th>
              <Table.Th>{t("items.quantity")}</Table.Th>
              <Table.Th>{t("items.value")}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {r.items.map((i) => (
              <Table.Tr key={i.itemId}>
                <Table.Td>
                  <Anchor component={Link} to={`/export/items/${i.itemId}`} size="sm">
                    {i.refNo} {i.name}
                  </Anchor>
                  <Badge size="xs" variant="outline" ml={4}>
                    {t(`kind.${i.kind}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{bi(i.summary)}</Text>
                  {i.extraExceptions.map((e) => (
                    <Text size="xs" key={e.code}>
                      + {bi(reference.exceptions.find((x) => x.value === e.code)?.label)}: {e.basis}
                    </Text>
                  ))}
                  {i.masterChanged ? (
                    <Group gap={4}>
                      <Badge color="orange" size="xs">
                        {t("items.masterChanged")}
                      </Badge>
                      {editable ? (
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          onClick={() => refresh.mutate({ id: r.id, version: r.version, itemId: i.itemId })}
                        >
                          {t("items.takeNew")}
                        </Button>
                      ) : null}
                    </Group>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  {i.quantity ?? "—"} {i.unit ?? ""}
                </Table.Td>
                <Table.Td>
                  {i.valueJpy !== null ? `${i.valueJpy.toLocaleString()} ${t("yen")}` : "—"}
                </Table.Td>
                <Table.Td>
                  {editable ? (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      color="red"
                      onClick={() => void save(current.filter((c) => c.itemId !== i.itemId))}
                    >
                      {t("items.remove")}
                    </Button>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editable ? (
        <Group align="flex-end">
          <Select
            label={t("items.pick")}
            searchable
            style={{ flex: 1, minWidth: 260 }}
            searchValue={search}
            onSearchChange={setSearch}
            data={(items.data?.items ?? [])
              .filter((x) => !r.items.some((i) => i.itemId === x.id))
              .map((x) => ({ value: x.id, label: `${x.refNo} ${x.name} — ${bi(x.summary)}` }))}
            value={pick}
            onChange={setPick}
            nothingFoundMessage={t("items.nothing")}
          />
          <NumberInput
            label={t("items.quantity")}
            w={110}
            min={0}
            value={quantity}
            onChange={(n) => setQuantity(n === "" ? "" : Number(n))}
          />
          <NumberInput
            label={t("items.value")}
            w={150}
            min={0}
            value={value}
            onChange={(n) => setValue(n === "" ? "" : Number(n))}
          />
          <Button
            disabled={!pick}
            loading={setItems.isPending}
            onClick={() =>
              pick &&
              void save([
                ...current,
                {
                  itemId: pick,
                  quantity: quantity === "" ? null : quantity,
                  unit: null,
                  valueJpy: value === "" ? null : value,
                  extraExceptions: [],
                  note: null,
                },
              ]).then(() => {
                setPick(null);
                setQuantity("");
                setValue("");
              })
            }
          >
            {t("items.add")}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}

function LicencesSection({ review: r }: { review: Review }) {
  const { t } = useTranslation("export");
  const link = useLinkLicence();
  const all = useLicences(r.permissions.licences);
  const [pick, setPick] = useState<string | null>(null);
  const linked = r.licence.linked;
  return (
    <Stack mt="md" gap="xs" data-testid="review-licences">
      <Title order={5}>{t("links.title")}</Title>
      <ErrorAlert error={link.error} />
      {linked.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("links.none")}
        </Text>
      ) : (
        linked.map((l) => (
          <Group key={l.id} justify="space-between" data-testid={`linked-${l.refNo}`}>
            <Stack gap={0}>
              <Anchor component={Link} to={`/export/licences/${l.id}`} size="sm">
                {l.refNo} {l.licenceNumber ?? ""} · {bi(l.kind)} · {bi(l.statusLabel)}
                {l.validUntil ? ` · ${t("links.until", { date: formatDate(l.validUntil) })}` : ""}
              </Anchor>
              <Text size="xs" c={l.covers ? (l.pending ? "orange" : "green") : "red"}>
                {bi(l.reason)}
              </Text>
            </Stack>
            {r.permissions.licences ? (
              <Button
                size="compact-xs"
                variant="subtle"
                color="red"
                onClick={() => link.mutate({ id: r.id, licenceId: l.id, link: false })}
              >
                {t("links.unlink")}
              </Button>
            ) : null}
          </Group>
        ))
      )}
      {r.permissions.licences ? (
        <Group align="flex-end">
          <Select
            label={t("links.pick")}
            searchable
            style={{ flex: 1, minWidth: 260 }}
            data={(all.data?.items ?? [])
              .filter((x) => !linked.some((l) => l.id === x.id))
              .map((x) => ({
                value: x.id,
                label: `${x.refNo} ${x.licenceNumber ?? ""} ${bi(x.kindLabel)} (${x.destinations.join(", ") || "—"})`,
              }))}
            value={pick}
            onChange={setPick}
          />
          <Button
            disabled={!pick}
            loading={link.isPending}
            onClick={() =>
              pick &&
              link.mutate({ id: r.id, licenceId: pick, link: true }, { onSuccess: () => setPick(null) })
            }
          >
            {t("links.link")}
          </Button>
          <Button component={Link} to={`/export/licences/new?review=${r.id}`} variant="default">
            {t("links.register")}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
