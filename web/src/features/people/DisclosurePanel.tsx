import {
  ActionIcon,
  Badge,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DateField } from "../../app/components/DateField";
import { ErrorAlert } from "../../app/components/ErrorAlert";
import { formatDate } from "../../app/format";
import { fieldErrors } from "../../app/forms";
import { PartyPicker } from "../reviews/PartyPicker";
import { type Disclosure, type Person, type Provider, useSubmitDisclosure } from "./api";

const today = () => new Date().toISOString().slice(0, 10);
const emptyProvider: Provider = { name: "", partyId: null };

const blank = (): Disclosure => ({
  submittedOn: today(),
  career: [],
  affiliations: [],
  funds: [],
  nonMonetary: [],
  pledge: false,
});

/** The research-integrity disclosure: the latest version, its history, and a form for the next version. */
export function DisclosurePanel({ person: p, mayDeclare }: { person: Person; mayDeclare: boolean }) {
  const { t } = useTranslation("people");
  const latest = p.disclosures[0];
  const [open, setOpen] = useState(false);
  return (
    <Stack>
      <Paper withBorder p="md" data-testid="disclosure">
        <Group justify="space-between">
          <Title order={5}>{t("disclosure")}</Title>
          {latest ? (
            <Group gap="xs">
              <Badge variant="light">{t("version", { version: latest.version })}</Badge>
              <Badge color={latest.totalEffort > 100 ? "red" : "gray"}>
                {t("totalEffort", { effort: latest.totalEffort })}
              </Badge>
            </Group>
          ) : null}
        </Group>
        {!latest ? (
          <Text size="sm" c="dimmed">
            {t("disclosureNone")}
          </Text>
        ) : (
          <DisclosureView d={latest.content} />
        )}
        {p.disclosures.length > 1 ? (
          <Text size="xs" c="dimmed" mt="xs">
            {t("history")}:{" "}
            {p.disclosures
              .map((d) => `${t("version", { version: d.version })} (${formatDate(d.submittedOn)})`)
              .join(" / ")}
          </Text>
        ) : null}
        {mayDeclare && !open ? (
          <Button mt="sm" onClick={() => setOpen(true)}>
            {latest ? t("newVersion") : t("submitDisclosure")}
          </Button>
        ) : null}
      </Paper>
      {open ? <DisclosureForm person={p} onDone={() => setOpen(false)} /> : null}
    </Stack>
  );
}

function DisclosureView({ d }: { d: Disclosure }) {
  const { t } = useTranslation("people");
  return (
    <Stack gap="xs" mt="xs">
      <Text size="sm" fw={600}>
        {t("affiliations")}
      </Text>
      <Table>
        <Table.Tbody>
          {d.affiliations.map((a) => (
            <Table.Tr key={`${a.kind}-${a.organisation.name}-${a.position}`}>
              <Table.Td>
                <Badge variant="light" color={a.kind === "talent_programme" ? "red" : undefined}>
                  {t(`affiliationKinds.${a.kind}`)}
                </Badge>
              </Table.Td>
              <Table.Td>{a.organisation.name}</Table.Td>
              <Table.Td>{a.position}</Table.Td>
              <Table.Td>{a.effortPercent}%</Table.Td>
              <Table.Td>{a.confidentiality ? t("confidentiality") : ""}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="sm" fw={600}>
        {t("funds")}
      </Text>
      <Table>
        <Table.Tbody>
          {d.funds.map((f) => (
            <Table.Tr key={`${f.title}-${f.provider.name}`}>
              <Table.Td>{f.title}</Table.Td>
              <Table.Td>{f.provider.name}</Table.Td>
              <Table.Td>{t(`fundStatus.${f.status}`)}</Table.Td>
              <Table.Td>{f.inERad ? "e-Rad" : "—"}</Table.Td>
              <Table.Td>{f.effortPercent}%</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {d.nonMonetary.length ? (
        <>
          <Text size="sm" fw={600}>
            {t("nonMonetary")}
          </Text>
          {d.nonMonetary.map((n) => (
            <Text key={`${n.description}-${n.provider.name}`} size="sm">
              {n.description} — {n.provider.name}
            </Text>
          ))}
        </>
      ) : null}
    </Stack>
  );
}

function ProviderInput({ form, path }: { form: ReturnType<typeof useForm<Disclosure>>; path: string }) {
  const { t } = useTranslation("people");
  const { t: ti } = useTranslation("integrity");
  const value = path
    .split(".")
    .reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], form.values) as Provider;
  return (
    <Stack gap={2} style={{ flex: 2 }}>
      <TextInput label={t("provider")} size="xs" {...form.getInputProps(`${path}.name`)} />
      {value?.partyId ? null : (
        <Checkbox
          size="xs"
          label={ti("individual")}
          checked={value?.kind === "person"}
          onChange={(e) =>
            form.setFieldValue(`${path}.kind`, e.currentTarget.checked ? "person" : "organization")
          }
        />
      )}
      {value?.partyId ? (
        <Text size="xs" c="teal">
          ✓ {t("linkParty")}
        </Text>
      ) : (
        <PartyPicker
          kind={value?.kind === "person" ? "person" : "organization"}
          label={t("linkParty")}
          onPick={(party) =>
            form.setFieldValue(path, {
              name: party.name,
              partyId: party.id,
              kind: party.kind === "person" ? "person" : "organization",
            })
          }
        />
      )}
    </Stack>
  );
}

/** From / to dates and effort % of one affiliation or fund row (both lists share these fields). */
function PeriodAndEffort({ form, path }: { form: ReturnType<typeof useForm<Disclosure>>; path: string }) {
  const { t } = useTranslation("people");
  const to = form.getInputProps(`${path}.to`).value as string | null | undefined;
  return (
    <>
      <DateField size="xs" label={t("from")} {...form.getInputProps(`${path}.from`)} />
      <DateField
        size="xs"
        label={t("to")}
        value={to ?? ""}
        onChange={(d) => form.setFieldValue(`${path}.to`, d || null)}
      />
      <NumberInput
        size="xs"
        label={t("effort")}
        w={110}
        min={0}
        max={100}
        {...form.getInputProps(`${path}.effortPercent`)}
      />
    </>
  );
}

function DisclosureForm({ person: p, onDone }: { person: Person; onDone: () => void }) {
  const { t } = useTranslation("people");
  const submitDisclosure = useSubmitDisclosure();
  const form = useForm<Disclosure>({
    initialValues: p.disclosures[0]
      ? { ...p.disclosures[0].content, submittedOn: today(), pledge: false }
      : blank(),
  });
  const v = form.values;
  const submit = form.onSubmit(async (values) => {
    form.clearErrors();
    try {
      await submitDisclosure.mutateAsync({ id: p.id, disclosure: values });
      notifications.show({ color: "green", message: t("submitted") });
      onDone();
    } catch (e) {
      form.setErrors(fieldErrors(e));
    }
  });
  const remove = (list: keyof Disclosure, i: number) => (
    <ActionIcon
      variant="subtle"
      color="gray"
      aria-label={t("remove")}
      onClick={() => form.removeListItem(list, i)}
      mt={22}
    >
      ×
    </ActionIcon>
  );
  return (
    <Paper withBorder p="md" data-testid="disclosure-form">
      <form onSubmit={submit}>
        <Stack>
          <ErrorAlert error={submitDisclosure.error} />
          <DateField label={t("submittedOn")} w={200} {...form.getInputProps("submittedOn")} />

          <Title order={6}>{t("career")}</Title>
          {v.career.map((_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: form rows have no identity besides their position.
            <Group key={i} align="flex-start" wrap="nowrap">
              <TextInput
                size="xs"
                label={t("organisation")}
                style={{ flex: 2 }}
                {...form.getInputProps(`career.${i}.organisation`)}
              />
              <TextInput
                size="xs"
                label={t("position")}
                style={{ flex: 1 }}
                {...form.getInputProps(`career.${i}.position`)}
              />
              <DateField size="xs" label={t("from")} {...form.getInputProps(`career.${i}.from`)} />
              <DateField
                size="xs"
                label={t("to")}
                value={v.career[i]?.to ?? ""}
                onChange={(d) => form.setFieldValue(`career.${i}.to`, d || null)}
              />
              {remove("career", i)}
            </Group>
          ))}
          <Button
            variant="subtle"
            w="fit-content"
            onClick={() =>
              form.insertListItem("career", { from: "", to: null, organisation: "", position: "" })
            }
          >
            {t("add")}
          </Button>

          <Title order={6}>{t("affiliations")}</Title>
          {v.affiliations.map((_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: form rows have no identity besides their position.
            <Paper key={i} withBorder p="xs">
              <Group align="flex-start" wrap="nowrap">
                <Select
                  size="xs"
                  label={t("category")}
                  w={200}
                  allowDeselect={false}
                  data={(["position", "outside_appointment", "talent_programme", "honorary"] as const).map(
                    (k) => ({
                      value: k,
                      label: t(`affiliationKinds.${k}`),
                    }),
                  )}
                  {...form.getInputProps(`affiliations.${i}.kind`)}
                />
                <ProviderInput form={form} path={`affiliations.${i}.organisation`} />
                <TextInput
                  size="xs"
                  label={t("position")}
                  style={{ flex: 1 }}
                  {...form.getInputProps(`affiliations.${i}.position`)}
                />
                {remove("affiliations", i)}
              </Group>
              <Group mt={4}>
                <PeriodAndEffort form={form} path={`affiliations.${i}`} />
                <Checkbox
                  mt={20}
                  label={t("paid")}
                  {...form.getInputProps(`affiliations.${i}.paid`, { type: "checkbox" })}
                />
                <Checkbox
                  mt={20}
                  label={t("confidentiality")}
                  {...form.getInputProps(`affiliations.${i}.confidentiality`, { type: "checkbox" })}
                />
              </Group>
            </Paper>
          ))}
          <Button
            variant="subtle"
            w="fit-content"
            onClick={() =>
              form.insertListItem("affiliations", {
                kind: "outside_appointment",
                organisation: emptyProvider,
                position: "",
                from: today(),
                to: null,
                effortPercent: 0,
                paid: false,
                confidentiality: false,
              })
            }
          >
            {t("add")}
          </Button>

          <Title order={6}>{t("funds")}</Title>
          {v.funds.map((_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: form rows have no identity besides their position.
            <Paper key={i} withBorder p="xs">
              <Group align="flex-start" wrap="nowrap">
                <TextInput
                  size="xs"
                  label={t("titleField")}
                  style={{ flex: 2 }}
                  {...form.getInputProps(`funds.${i}.title`)}
                />
                <TextInput
                  size="xs"
                  label={t("programme")}
                  style={{ flex: 1 }}
                  {...form.getInputProps(`funds.${i}.programme`)}
                />
                <ProviderInput form={form} path={`funds.${i}.provider`} />
                {remove("funds", i)}
              </Group>
              <Group mt={4}>
                <Select
                  size="xs"
                  label={t("fundStatusLabel")}
                  w={120}
                  allowDeselect={false}
                  data={(["applied", "received"] as const).map((s) => ({
                    value: s,
                    label: t(`fundStatus.${s}`),
                  }))}
                  {...form.getInputProps(`funds.${i}.status`)}
                />
                <NumberInput
                  size="xs"
                  label={t("amount")}
                  w={150}
                  min={0}
                  thousandSeparator=","
                  value={v.funds[i]?.amountJpy ?? ""}
                  onChange={(x) =>
                    form.setFieldValue(`funds.${i}.amountJpy`, typeof x === "number" ? x : null)
                  }
                />
                <PeriodAndEffort form={form} path={`funds.${i}`} />
                <Checkbox
                  mt={20}
                  label={t("inERad")}
                  {...form.getInputProps(`funds.${i}.inERad`, { type: "checkbox" })}
                />
                <Checkbox
                  mt={20}
                  label={t("confidentiality")}
                  {...form.getInputProps(`funds.${i}.confidentiality`, { type: "checkbox" })}
                />
              </Group>
            </Paper>
          ))}
          <Button
            variant="subtle"
            w="fit-content"
            onClick={() =>
              form.insertListItem("funds", {
                title: "",
                programme: "",
                provider: emptyProvider,
                status: "received",
                inERad: true,
                amountJpy: null,
                from: today(),
                to: null,
                effortPercent: 0,
                confidentiality: false,
              })
            }
          >
            {t("add")}
          </Button>

          <Title order={6}>{t("nonMonetary")}</Title>
          {v.nonMonetary.map((_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: form rows have no identity besides their position.
            <Group key={i} align="flex-start" wrap="nowrap">
              <TextInput
                size="xs"
                label={t("description")}
                style={{ flex: 2 }}
                {...form.getInputProps(`nonMonetary.${i}.description`)}
              />
              <ProviderInput form={form} path={`nonMonetary.${i}.provider`} />
              <Checkbox
                mt={22}
                label={t("confidentiality")}
                {...form.getInputProps(`nonMonetary.${i}.confidentiality`, { type: "checkbox" })}
              />
              {remove("nonMonetary", i)}
            </Group>
          ))}
          <Button
            variant="subtle"
            w="fit-content"
            onClick={() =>
              form.insertListItem("nonMonetary", {
                description: "",
                provider: emptyProvider,
                from: null,
                confidentiality: false,
              })
            }
          >
            {t("add")}
          </Button>

          <Checkbox label={t("disclosurePledge")} {...form.getInputProps("pledge", { type: "checkbox" })} />
          <Group>
            <Button type="submit" loading={submitDisclosure.isPending}>
              {t("submitDisclosure")}
            </Button>
            <Button variant="default" onClick={onDone}>
              {t("cancel")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
