import {
  Badge,
  Button,
  Group,
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
import { useAuth } from "../../app/auth";
import { ErrorAlert } from "../../app/components/ErrorAlert";
import { bi, countryName, formatDate } from "../../app/format";
import { fieldErrors } from "../../app/forms";
import type { Reference, Review } from "./api";
import {
  useAddHandCarry,
  useCheckReturn,
  useCloseCondition,
  useConditions,
  useHandCarry,
  useProvisions,
  useRecordProvision,
  useRescreen,
} from "./exportApi";
import { CountrySelect } from "./LicencePanel";

const APPROVED = ["approved", "approved_with_conditions", "cleared"];
const TECH_ACTIVITIES = [
  "technology_provision",
  "joint_research",
  "data_sharing",
  "acceptance",
  "overseas_trip",
  "outside_appointment",
];
const today = () => new Date().toISOString().slice(0, 10);

/**
 * After approval: the conditions as tracked items (owner, due date, evidence), the technology-provision
 * log, laptops and samples carried on a trip with their return check, and re-screening of guests.
 */
export function AftercarePanel({ review: r, reference }: { review: Review; reference: Reference }) {
  const { t } = useTranslation("export");
  const approved = APPROVED.includes(r.status);
  const showProvisions = approved && r.licence.applicable && TECH_ACTIVITIES.includes(r.activityType);
  const showHandCarry = r.activityType === "overseas_trip";
  const conditions = useConditions(r.id, approved);
  if (!approved && !showHandCarry) return null;
  return (
    <Paper withBorder p="md" data-testid="aftercare">
      <Title order={4} mb="xs">
        {t("after.title")}
      </Title>
      <Stack>
        {approved ? <Conditions review={r} items={conditions.data?.items ?? []} /> : null}
        {showProvisions ? <Provisions review={r} reference={reference} /> : null}
        {showHandCarry ? <HandCarrySection review={r} reference={reference} /> : null}
        {approved && r.activityType === "acceptance" ? <Rescreen review={r} /> : null}
      </Stack>
    </Paper>
  );
}

function Conditions({ review: r, items }: { review: Review; items: import("./exportApi").Condition[] }) {
  const { t } = useTranslation("export");
  const { user } = useAuth();
  const close = useCloseCondition(r.id);
  const [evidence, setEvidence] = useState<Record<string, string>>({});
  const officer = user?.roles.some((x) => x === "secretariat" || x === "admin");
  return (
    <Stack gap="xs" data-testid="conditions">
      <Title order={5}>{t("after.conditions")}</Title>
      <ErrorAlert error={close.error} />
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("after.noConditions")}
        </Text>
      ) : (
        items.map((c) => (
          <Paper key={c.id} withBorder p="xs" data-testid={`condition-${c.position}`}>
            <Group justify="space-between" align="flex-start">
              <Stack gap={2} style={{ flex: 1 }}>
                <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                  {c.text}
                </Text>
                <Text size="xs" c="dimmed">
                  {t("after.owner")}: {c.owner.name} · {t("after.due")}: {formatDate(c.dueOn)}
                  {c.doneBy ? ` · ${c.doneBy} ${formatDate(c.doneAt)}` : ""}
                </Text>
                {c.evidence ? (
                  <Text size="xs">
                    {t("after.evidence")}: {c.evidence}
                  </Text>
                ) : null}
              </Stack>
              <Badge color={c.status === "open" ? (c.overdue ? "red" : "orange") : "green"}>
                {c.status === "open" && c.overdue ? t("after.overdue") : t(`after.status.${c.status}`)}
              </Badge>
            </Group>
            {c.status === "open" && (c.owner.id === user?.id || officer) ? (
              <Group mt={4} align="flex-end">
                <TextInput
                  label={t("after.evidence")}
                  style={{ flex: 1 }}
                  value={evidence[c.id] ?? ""}
                  onChange={(e) => setEvidence({ ...evidence, [c.id]: e.currentTarget.value })}
                />
                <Button
                  size="xs"
                  disabled={!(evidence[c.id] ?? "").trim()}
                  loading={close.isPending}
                  onClick={() => close.mutate({ id: c.id, status: "done", evidence: evidence[c.id] ?? "" })}
                >
                  {t("after.markDone")}
                </Button>
                {officer || user?.roles.includes("approver") ? (
                  <Button
                    size="xs"
                    variant="subtle"
                    color="gray"
                    disabled={!(evidence[c.id] ?? "").trim()}
                    onClick={() =>
                      close.mutate({ id: c.id, status: "waived", evidence: evidence[c.id] ?? "" })
                    }
                  >
                    {t("after.waive")}
                  </Button>
                ) : null}
              </Group>
            ) : null}
          </Paper>
        ))
      )}
    </Stack>
  );
}

type ProvisionValues = {
  licenceId: string | null;
  itemId: string | null;
  what: string;
  recipientName: string;
  providedOn: string;
  method: string;
  country: string | null;
  note: string;
};

function Provisions({ review: r, reference }: { review: Review; reference: Reference }) {
  const { t } = useTranslation("export");
  const list = useProvisions(r.id);
  const record = useRecordProvision(r.id);
  const recipients = r.counterparties.filter((c) =>
    ["recipient", "visitor", "partner", "host", "employer"].includes(c.role),
  );
  const form = useForm<ProvisionValues>({
    initialValues: {
      licenceId: r.licence.linked.find((l) => l.covers)?.id ?? null,
      itemId: r.items[0]?.itemId ?? null,
      what: "",
      recipientName: recipients[0]?.name ?? "",
      providedOn: today(),
      method: "in_person",
      country: r.licence.destination.country,
      note: "",
    },
  });
  const submit = form.onSubmit(async (v) => {
    form.clearErrors();
    try {
      await record.mutateAsync({
        ...v,
        recipientPartyId: recipients.find((c) => c.name === v.recipientName)?.partyId ?? null,
        note: v.note || null,
      });
      notifications.show({ color: "green", message: t("after.provisionSaved") });
      form.setFieldValue("what", "");
      form.setFieldValue("note", "");
    } catch (e) {
      form.setErrors(fieldErrors(e));
    }
  });
  const method = (m: string) => bi(reference.provisionMethods.find((x) => x.value === m)?.label) || m;
  return (
    <Stack gap="xs" data-testid="provisions">
      <Title order={5}>{t("after.provisions")}</Title>
      {(list.data?.items ?? []).length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("after.noProvisions")}
        </Text>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("after.providedOn")}</Table.Th>
              <Table.Th>{t("after.what")}</Table.Th>
              <Table.Th>{t("after.recipient")}</Table.Th>
              <Table.Th>{t("after.method")}</Table.Th>
              <Table.Th>{t("after.licence")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data!.items.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>{formatDate(p.providedOn)}</Table.Td>
                <Table.Td>
                  <Text size="sm">{p.what}</Text>
                  {p.note ? (
                    <Text size="xs" c="dimmed">
                      {p.note}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  {p.recipientName}
                  {p.country ? ` (${countryName(p.country)})` : ""}
                </Table.Td>
                <Table.Td>{method(p.method)}</Table.Td>
                <Table.Td>{p.licenceRef ?? "—"}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <form onSubmit={submit}>
        <Stack gap="xs">
          <ErrorAlert error={record.error} />
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            <TextInput label={t("after.what")} withAsterisk {...form.getInputProps("what")} />
            <TextInput label={t("after.recipient")} withAsterisk {...form.getInputProps("recipientName")} />
            <TextInput type="date" label={t("after.providedOn")} {...form.getInputProps("providedOn")} />
            <Select
              label={t("after.method")}
              allowDeselect={false}
              data={reference.provisionMethods.map((m) => ({ value: m.value, label: bi(m.label) }))}
              {...form.getInputProps("method")}
            />
            <Select
              label={t("after.licence")}
              clearable
              data={r.licence.linked.map((l) => ({
                value: l.id,
                label: `${l.refNo} ${l.licenceNumber ?? ""}`,
              }))}
              {...form.getInputProps("licenceId")}
            />
            <CountrySelect
              label={t("after.country")}
              value={form.values.country}
              onChange={(c) => form.setFieldValue("country", c)}
            />
          </SimpleGrid>
          <Textarea label={t("after.note")} autosize {...form.getInputProps("note")} />
          <Group>
            <Button type="submit" size="xs" loading={record.isPending}>
              {t("after.recordProvision")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

function HandCarrySection({ review: r, reference }: { review: Review; reference: Reference }) {
  const { t } = useTranslation("export");
  const list = useHandCarry(r.id);
  const add = useAddHandCarry(r.id);
  const check = useCheckReturn(r.id);
  const [returning, setReturning] = useState<Record<string, { status: string; note: string }>>({});
  const form = useForm({
    initialValues: {
      kind: "laptop",
      description: "",
      outOn: r.details.startDate ?? today(),
      returnDueOn: r.details.endDate ?? r.details.startDate ?? today(),
    },
  });
  const submit = form.onSubmit(async (v) => {
    form.clearErrors();
    try {
      await add.mutateAsync({ ...v, itemId: null });
      form.setFieldValue("description", "");
    } catch (e) {
      form.setErrors(fieldErrors(e));
    }
  });
  const label = (list: { value: string; label: { ja: string; en: string } }[], v: string) =>
    bi(list.find((x) => x.value === v)?.label) || v;
  return (
    <Stack gap="xs" data-testid="hand-carry">
      <Title order={5}>{t("after.handCarry")}</Title>
      <Text size="xs" c="dimmed">
        {t("after.handCarryHelp")}
      </Text>
      <ErrorAlert error={add.error ?? check.error} />
      {(list.data?.items ?? []).map((h) => (
        <Paper key={h.id} withBorder p="xs">
          <Group justify="space-between">
            <Text size="sm">
              {label(reference.handCarryKinds, h.kind)}: {h.description} · {formatDate(h.outOn)} 〜{" "}
              {formatDate(h.returnDueOn)}
            </Text>
            <Badge
              color={
                h.returnStatus === "pending"
                  ? h.overdue
                    ? "red"
                    : "orange"
                  : h.returnStatus === "returned"
                    ? "green"
                    : "red"
              }
            >
              {label(reference.returnStatuses, h.returnStatus)}
            </Badge>
          </Group>
          {h.returnNote ? <Text size="xs">{h.returnNote}</Text> : null}
          {h.returnStatus === "pending" ? (
            <Group mt={4} align="flex-end">
              <Select
                label={t("after.returnResult")}
                w={200}
                data={reference.returnStatuses
                  .filter((s) => s.value !== "pending")
                  .map((s) => ({ value: s.value, label: bi(s.label) }))}
                value={returning[h.id]?.status ?? "returned"}
                onChange={(s) =>
                  setReturning({
                    ...returning,
                    [h.id]: { note: returning[h.id]?.note ?? "", status: s ?? "returned" },
                  })
                }
              />
              <TextInput
                label={t("after.note")}
                style={{ flex: 1 }}
                value={returning[h.id]?.note ?? ""}
                onChange={(e) =>
                  setReturning({
                    ...returning,
                    [h.id]: { status: returning[h.id]?.status ?? "returned", note: e.currentTarget.value },
                  })
                }
              />
              <Button
                size="xs"
                loading={check.isPending}
                onClick={() => {
                  const s = returning[h.id]?.status ?? "returned";
                  check.mutate({
                    id: h.id,
                    status: s,
                    returnedOn: s === "returned" ? today() : null,
                    note: returning[h.id]?.note || null,
                  });
                }}
              >
                {t("after.recordReturn")}
              </Button>
            </Group>
          ) : null}
        </Paper>
      ))}
      <form onSubmit={submit}>
        <Group align="flex-end">
          <Select
            label={t("after.kind")}
            w={180}
            allowDeselect={false}
            data={reference.handCarryKinds.map((k) => ({ value: k.value, label: bi(k.label) }))}
            {...form.getInputProps("kind")}
          />
          <TextInput
            label={t("after.description")}
            style={{ flex: 1 }}
            {...form.getInputProps("description")}
          />
          <TextInput type="date" label={t("after.outOn")} {...form.getInputProps("outOn")} />
          <TextInput type="date" label={t("after.returnDueOn")} {...form.getInputProps("returnDueOn")} />
          <Button type="submit" size="xs" loading={add.isPending}>
            {t("after.addHandCarry")}
          </Button>
        </Group>
      </form>
    </Stack>
  );
}

function Rescreen({ review: r }: { review: Review }) {
  const { t } = useTranslation("export");
  const { user } = useAuth();
  const rescreen = useRescreen(r.id);
  const may = user?.roles.some((x) => x === "unit_officer" || x === "secretariat" || x === "admin");
  return (
    <Stack gap="xs">
      <Title order={5}>{t("after.rescreen")}</Title>
      <Text size="xs" c="dimmed">
        {t("after.rescreenHelp")}
      </Text>
      <Text size="sm" data-testid="rescreen-next">
        {r.nextRescreenOn
          ? t("after.rescreenNext", { next: formatDate(r.nextRescreenOn) })
          : t("after.rescreenNone")}
        {r.lastRescreenedAt ? ` · ${t("after.rescreenLast", { at: formatDate(r.lastRescreenedAt) })}` : ""}
      </Text>
      <ErrorAlert error={rescreen.error} />
      {rescreen.data ? (
        <Text size="sm">
          {t("after.rescreenDone", {
            hits: rescreen.data.openHits,
            next: rescreen.data.next ? formatDate(rescreen.data.next) : "—",
          })}
        </Text>
      ) : null}
      {may ? (
        <Group>
          <Button size="xs" variant="light" loading={rescreen.isPending} onClick={() => rescreen.mutate()}>
            {t("after.rescreenNow")}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
