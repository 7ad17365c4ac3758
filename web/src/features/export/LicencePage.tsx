import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  MultiSelect,
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
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import { useAuth } from "../../app/auth";
import { ErrorAlert } from "../../app/components/ErrorAlert";
import { PageHeader } from "../../app/components/PageHeader";
import { RequireRole } from "../../app/components/RequireRole";
import { bi, countryName, formatDate } from "../../app/format";
import { fieldErrors } from "../../app/forms";
import { COUNTRY_CODES } from "../parties/countries";
import { useAssignableUsers, useLinkLicence } from "../reviews/exportApi";
import {
  type Licence,
  type LicenceInput,
  useExportReference,
  useItems,
  useLicence,
  useRecordUsage,
  useSaveLicence,
} from "./api";
import { destinationLabel, EXPORT_READERS } from "./ExportPage";

/** One licence (or application in progress): details, coverage, use per shipment or provision. */
export function LicencePage() {
  const { id } = useParams();
  const { t } = useTranslation("export");
  const licence = useLicence(id);
  const { hasRole } = useAuth();
  const editor = hasRole("secretariat", "admin");
  if (id !== "new" && licence.isLoading) return <Loader />;
  if (id !== "new" && (licence.error || !licence.data)) return <ErrorAlert error={licence.error} />;
  const l = licence.data;
  return (
    <RequireRole roles={[...EXPORT_READERS]}>
      <Stack>
        <PageHeader
          title={l ? `${l.refNo} ${bi(l.kindLabel)}` : t("licences.new")}
          subtitle={l ? `${l.licenceNumber ?? t("licences.noNumber")} · ${l.holder}` : t("licences.newHelp")}
          actions={
            <Button component={Link} to="/export/licences" variant="default">
              {t("back")}
            </Button>
          }
        />
        {l ? <LicenceDetail licence={l} /> : null}
        {editor ? <LicenceForm licence={l ?? null} /> : null}
      </Stack>
    </RequireRole>
  );
}

function LicenceDetail({ licence: l }: { licence: Licence }) {
  const { t } = useTranslation("export");
  const { hasRole } = useAuth();
  const record = useRecordUsage();
  const form = useForm({
    initialValues: {
      usedOn: new Date().toISOString().slice(0, 10),
      quantity: "" as number | "",
      valueJpy: "" as number | "",
      note: "",
    },
  });
  const submit = form.onSubmit(async (v) => {
    form.clearErrors();
    try {
      await record.mutateAsync({
        id: l.id,
        usedOn: v.usedOn,
        quantity: v.quantity === "" ? null : v.quantity,
        valueJpy: v.valueJpy === "" ? null : v.valueJpy,
        reviewId: null,
        note: v.note || null,
        destinationCountry: null,
      });
      notifications.show({ color: "green", message: t("licences.usageSaved") });
    } catch (e) {
      form.setErrors(fieldErrors(e));
    }
  });
  return (
    <Paper withBorder p="md" data-testid="licence-detail">
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Stack gap={4}>
          <Text size="sm">
            <b>{t("licences.validity")}:</b> {formatDate(l.validFrom) || "—"} 〜{" "}
            {formatDate(l.validUntil) || "—"}
            {l.expiry === "due_60" || l.expiry === "due_30" || l.expiry === "expired" ? (
              <Badge ml={6} color={l.expiry === "expired" ? "red" : "orange"}>
                {t(`licences.expiry.${l.expiry}`)}
              </Badge>
            ) : null}
          </Text>
          <Text size="sm">
            <b>{t("licences.destinations")}:</b>{" "}
            {l.destinations.map((d) => destinationLabel(d, t)).join(t("sep")) || "—"}
          </Text>
          <Text size="sm">
            <b>{t("licences.items")}:</b>{" "}
            {l.items
              .map(
                (i) =>
                  `${i.listedItem ? `${t("licences.itemNo", { n: i.listedItem })} ` : ""}${i.description}`,
              )
              .join(t("sep")) || "—"}
          </Text>
          <Text size="sm">
            <b>{t("licences.limits")}:</b> {l.usedQuantity}/{l.quantityLimit ?? "∞"} {l.quantityUnit ?? ""} ·{" "}
            {l.usedValueJpy.toLocaleString()}/{l.valueLimitJpy?.toLocaleString() ?? "∞"} {t("yen")}
          </Text>
          {l.conditions ? (
            <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
              <b>{t("licences.conditions")}:</b> {l.conditions}
            </Text>
          ) : null}
          <Title order={5} mt="sm">
            {t("licences.linkedReviews")}
          </Title>
          {(l.reviews ?? []).map((r) => (
            <Anchor key={r.id} component={Link} to={`/reviews/${r.id}`} size="sm">
              {r.refNo} {r.title}
            </Anchor>
          ))}
        </Stack>
        <Stack gap={4}>
          <Title order={5}>{t("licences.usages")}</Title>
          <Table>
            <Table.Tbody>
              {(l.usages ?? []).map((u) => (
                <Table.Tr key={u.id}>
                  <Table.Td>{formatDate(u.usedOn)}</Table.Td>
                  <Table.Td>{u.quantity ?? "—"}</Table.Td>
                  <Table.Td>{u.valueJpy?.toLocaleString() ?? "—"}</Table.Td>
                  <Table.Td>
                    <Text size="xs">
                      {u.reviewRef ?? ""} {u.note ?? ""}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {hasRole("secretariat", "unit_officer", "admin") && l.status === "valid" ? (
            <form onSubmit={submit}>
              <ErrorAlert error={record.error} />
              <Group align="flex-end">
                <TextInput type="date" label={t("licences.usedOn")} {...form.getInputProps("usedOn")} />
                <NumberInput label={t("items.quantity")} w={100} {...form.getInputProps("quantity")} />
                <NumberInput label={t("items.value")} w={140} {...form.getInputProps("valueJpy")} />
                <TextInput label={t("after.note")} style={{ flex: 1 }} {...form.getInputProps("note")} />
                <Button type="submit" size="xs" loading={record.isPending}>
                  {t("licences.recordUsage")}
                </Button>
              </Group>
            </form>
          ) : null}
        </Stack>
      </SimpleGrid>
    </Paper>
  );
}

function LicenceForm({ licence }: { licence: Licence | null }) {
  const { t } = useTranslation("export");
  const ref = useExportReference();
  const save = useSaveLicence();
  const users = useAssignableUsers();
  const items = useItems({ status: "active" });
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const backToReview = params.get("review");
  const link = useLinkLicence();
  const [itemPick, setItemPick] = useState<string | null>(null);
  const form = useForm<LicenceInput>({
    initialValues: licence
      ? {
          kind: licence.kind,
          status: licence.status,
          licenceNumber: licence.licenceNumber,
          holder: licence.holder,
          appliedOn: licence.appliedOn,
          issuedOn: licence.issuedOn,
          validFrom: licence.validFrom,
          validUntil: licence.validUntil,
          conditions: licence.conditions,
          items: licence.items,
          destinations: licence.destinations,
          quantityLimit: licence.quantityLimit,
          quantityUnit: licence.quantityUnit,
          valueLimitJpy: licence.valueLimitJpy,
          responsibleUserId: licence.responsible?.id ?? null,
          note: licence.note,
        }
      : {
          kind: "individual",
          status: "valid",
          licenceNumber: null,
          holder: "",
          appliedOn: null,
          issuedOn: null,
          validFrom: null,
          validUntil: null,
          conditions: "",
          items: [],
          destinations: [],
          quantityLimit: null,
          quantityUnit: null,
          valueLimitJpy: null,
          responsibleUserId: null,
          note: null,
        },
  });
  const v = form.values;
  const errors = form.errors as Record<string, string>;
  const date = (k: "appliedOn" | "issuedOn" | "validFrom" | "validUntil", label: string) => (
    <TextInput
      type="date"
      label={label}
      value={v[k] ?? ""}
      onChange={(e) => form.setFieldValue(k, e.currentTarget.value || null)}
      error={errors[k]}
    />
  );
  const submit = form.onSubmit(async (values) => {
    form.clearErrors();
    try {
      const saved = await save.mutateAsync({ id: licence?.id, version: licence?.version, input: values });
      notifications.show({ color: "green", message: t("licences.saved") });
      if (!licence && backToReview) {
        // Registered from a review: link it there at once (the review shows whether it covers it).
        await link.mutateAsync({ id: backToReview, licenceId: saved.id, link: true }).catch(() => undefined);
        navigate(`/reviews/${backToReview}`);
      } else if (!licence) navigate(`/export/licences/${saved.id}`);
    } catch (e) {
      form.setErrors(fieldErrors(e));
    }
  });
  if (!ref.data) return <Loader />;
  const destinationOptions = [
    { value: "*", label: t("licences.allRegions") },
    ...["group_a", "un_arms_embargo"].map((g) => ({ value: `group:${g}`, label: t(`groups.${g}`) })),
    ...COUNTRY_CODES.filter((c) => c !== "XK").map((c) => ({ value: c, label: `${countryName(c)} (${c})` })),
  ];
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} data-testid="licence-form">
        <Stack>
          <Title order={4}>{licence ? t("licences.edit") : t("licences.new")}</Title>
          <ErrorAlert error={save.error} />
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            <Select
              label={t("licences.kind")}
              allowDeselect={false}
              data={ref.data.licenceKinds.map((k) => ({ value: k.value, label: bi(k.label) }))}
              {...form.getInputProps("kind")}
            />
            <Select
              label={t("licences.status")}
              allowDeselect={false}
              data={ref.data.licenceStatuses.map((k) => ({ value: k.value, label: bi(k.label) }))}
              {...form.getInputProps("status")}
            />
            <TextInput
              label={t("licences.number")}
              value={v.licenceNumber ?? ""}
              onChange={(e) => form.setFieldValue("licenceNumber", e.currentTarget.value || null)}
              error={errors.licenceNumber}
            />
            <TextInput label={t("licences.holder")} withAsterisk {...form.getInputProps("holder")} />
            {date("appliedOn", t("licences.appliedOn"))}
            {date("issuedOn", t("licences.issuedOn"))}
            {date("validFrom", t("licences.validFrom"))}
            {date("validUntil", t("licences.validUntil"))}
            <Select
              label={t("licences.responsible")}
              clearable
              data={(users.data?.items ?? []).map((u) => ({ value: u.id, label: u.displayName }))}
              {...form.getInputProps("responsibleUserId")}
            />
          </SimpleGrid>
          <MultiSelect
            label={t("licences.destinations")}
            description={t("licences.destinationsHelp")}
            searchable
            data={destinationOptions}
            value={v.destinations}
            onChange={(d) => form.setFieldValue("destinations", d)}
            error={Object.entries(errors).find(([k]) => k.startsWith("destinations"))?.[1]}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t("licences.items")}
            </Text>
            {v.items.map((it, i) => (
              <Group key={`${it.itemId}-${it.listedItem}-${it.description}`} gap="xs">
                <Text size="sm">
                  {it.listedItem ? `${t("licences.itemNo", { n: it.listedItem })} ` : ""}
                  {it.description}
                </Text>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t("items.remove")}
                  onClick={() =>
                    form.setFieldValue(
                      "items",
                      v.items.filter((_, k) => k !== i),
                    )
                  }
                >
                  ✕
                </ActionIcon>
              </Group>
            ))}
            <Group align="flex-end">
              <Select
                label={t("licences.addItem")}
                searchable
                style={{ flex: 1 }}
                data={[
                  ...(items.data?.items ?? []).map((x) => ({
                    value: `item:${x.id}`,
                    label: `${x.refNo} ${x.name}`,
                  })),
                  ...ref.data.controlItems
                    .filter((c) => c.item !== "16")
                    .map((c) => ({
                      value: `list:${c.item}`,
                      label: `${t("licences.anyOf")} ${bi(c.label)}`,
                    })),
                ]}
                value={itemPick}
                onChange={setItemPick}
              />
              <Button
                variant="light"
                disabled={!itemPick}
                onClick={() => {
                  if (!itemPick) return;
                  if (itemPick.startsWith("item:")) {
                    const x = items.data?.items.find((i) => i.id === itemPick.slice(5));
                    if (x)
                      form.setFieldValue("items", [
                        ...v.items,
                        {
                          itemId: x.id,
                          listedItem: x.judgement.listStatus === "listed" ? x.judgement.item : null,
                          description: `${x.refNo} ${x.name}`,
                        },
                      ]);
                  } else {
                    const item = itemPick.slice(5);
                    form.setFieldValue("items", [
                      ...v.items,
                      {
                        itemId: null,
                        listedItem: item,
                        description: bi(ref.data!.controlItems.find((c) => c.item === item)?.label),
                      },
                    ]);
                  }
                  setItemPick(null);
                }}
              >
                {t("licences.add")}
              </Button>
            </Group>
          </Stack>
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            <NumberInput
              label={t("licences.quantityLimit")}
              value={v.quantityLimit ?? ""}
              onChange={(n) => form.setFieldValue("quantityLimit", n === "" ? null : Number(n))}
            />
            <TextInput
              label={t("licences.quantityUnit")}
              value={v.quantityUnit ?? ""}
              onChange={(e) => form.setFieldValue("quantityUnit", e.currentTarget.value || null)}
            />
            <NumberInput
              label={t("licences.valueLimit")}
              value={v.valueLimitJpy ?? ""}
              onChange={(n) => form.setFieldValue("valueLimitJpy", n === "" ? null : Number(n))}
            />
          </SimpleGrid>
          <Textarea label={t("licences.conditions")} autosize {...form.getInputProps("conditions")} />
          <Textarea
            label={t("after.note")}
            autosize
            value={v.note ?? ""}
            onChange={(e) => form.setFieldValue("note", e.currentTarget.value || null)}
          />
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t("licences.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
