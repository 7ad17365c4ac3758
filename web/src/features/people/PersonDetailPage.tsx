import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Loader,
  NumberInput,
  Paper,
  Select,
  Stack,
  Table,
  Tabs,
  Text,
  Textarea,
  TextInput,
  Title,
  Tooltip,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useAuth } from "../../app/auth";
import { DateField } from "../../app/components/DateField";
import { ErrorAlert } from "../../app/components/ErrorAlert";
import { SampleBadge, useListLabel } from "../../app/components/ListLabels";
import { PageHeader } from "../../app/components/PageHeader";
import { bi, formatDate, formatDateTime } from "../../app/format";
import { fieldErrors } from "../../app/forms";
import { RelatedCases } from "../cases/RelatedCases";
import {
  incomeShare,
  type Person,
  type ResidencyBasis,
  type TokuteiForm,
  useDeclareTokutei,
  usePerson,
  useRecordResidency,
  useScreenProviders,
} from "./api";
import { DisclosurePanel } from "./DisclosurePanel";
import { DismissedFlags, DismissFlagButton, EarlierDismissal, TrainingRequired } from "./FlagActions";

const today = () => new Date().toISOString().slice(0, 10);

/** One person (or "me"): residency, 特定類型 declarations and research-integrity disclosures, with flags. */
export function PersonDetailPage() {
  const { id } = useParams();
  const { t } = useTranslation("people");
  const person = usePerson(id);
  if (person.isLoading) return <Loader />;
  if (person.error) return <ErrorAlert error={person.error} />;
  if (!person.data) return <Alert color="blue">{t("noRecord")}</Alert>;
  return <PersonView person={person.data} />;
}

function PersonView({ person: p }: { person: Person }) {
  const { t } = useTranslation("people");
  const { hasRole, user } = useAuth();
  const manager = hasRole("secretariat", "unit_officer", "admin");
  const self = user?.id === p.userId;
  const mayDeclare = self || manager;
  const current = p.residency[0];
  const tokutei = p.tokutei[0];
  return (
    <Stack>
      <PageHeader
        title={
          <Group gap="xs">
            <span>{p.name}</span>
            {tokutei?.active ? (
              <Badge color="red" data-testid="person-tokutei">
                {t("tokuteiApplies", {
                  types: tokutei.types.map((x) => ["", "①", "②", "③"][Number(x)]).join(""),
                })}
              </Badge>
            ) : null}
          </Group>
        }
        subtitle={`${t(`categories.${p.category}`)}${p.department ? ` · ${p.department}` : ""}${p.username ? ` · ${p.username}` : ""}`}
        actions={
          <Button component={Link} to={`/parties/${p.partyId}`} variant="default">
            {t("linkParty")}
          </Button>
        }
      />
      <Paper withBorder p="md" data-testid="person-flags">
        <Title order={5} mb="xs">
          {t("flags")}
        </Title>
        {p.flags.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("noFlags")}
          </Text>
        ) : (
          <Stack gap={4}>
            {p.flags.map((f) => (
              <Stack key={`${f.id}-${f.evidence.en}`} gap={4} data-testid={`person-flag-${f.id}`}>
                <Group gap="xs">
                  <Tooltip label={f.id} withArrow>
                    <Badge color="orange" tt="none" data-flag-id={f.id}>
                      {bi(f.title)}
                    </Badge>
                  </Tooltip>
                  <Text size="sm">{bi(f.evidence)}</Text>
                  {manager && f.key ? <DismissFlagButton person={p} flag={f} /> : null}
                </Group>
                <FlagEvidence items={f.items} source={f.source} />
                <EarlierDismissal flag={f} />
                <RelatedCases flags={[f.id]} limit={2} title={t("resembles")} />
              </Stack>
            ))}
          </Stack>
        )}
        <TrainingRequired person={p} />
        <Group mt="xs" gap="xl">
          <Text size="sm">
            {t("residency")}: {current ? t(`residencyStatus.${current.status}`) : "—"}
          </Text>
          <Text size="sm">
            {t("disclosureDue")}: {formatDate(p.disclosureDueOn) || "—"}
          </Text>
          <Text size="sm">
            {t("tokuteiDue")}: {formatDate(p.tokuteiReviewOn) || "—"}
          </Text>
        </Group>
      </Paper>
      <DismissedFlags person={p} />
      <Tabs defaultValue="tokutei">
        <Tabs.List>
          <Tabs.Tab value="tokutei">{t("tokutei")}</Tabs.Tab>
          <Tabs.Tab value="disclosure">{t("disclosure")}</Tabs.Tab>
          <Tabs.Tab value="residency">{t("residency")}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="tokutei" pt="md">
          <TokuteiPanel person={p} mayDeclare={mayDeclare} />
        </Tabs.Panel>
        <Tabs.Panel value="disclosure" pt="md">
          <DisclosurePanel person={p} mayDeclare={mayDeclare} />
          <ProviderScreenings person={p} manager={manager} />
        </Tabs.Panel>
        <Tabs.Panel value="residency" pt="md">
          <ResidencyPanel person={p} manager={manager} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function TokuteiPanel({ person: p, mayDeclare }: { person: Person; mayDeclare: boolean }) {
  const { t } = useTranslation("people");
  const declare = useDeclareTokutei();
  const [open, setOpen] = useState(false);
  const form = useForm<TokuteiForm>({
    initialValues: p.tokutei[0]?.content
      ? { ...p.tokutei[0].content, declaredOn: today(), nextReviewOn: null, pledge: false }
      : {
          declaredOn: today(),
          type1: { applies: false, counterparty: "", detail: "" },
          type2: {
            fiscalYear: String(new Date().getFullYear() - 1),
            foreignIncomeJpy: 0,
            totalIncomeJpy: 0,
            sources: "",
          },
          type3: { applies: false, detail: "" },
          evidence: "",
          nextReviewOn: null,
          pledge: false,
        },
  });
  const share = incomeShare(form.values.type2.foreignIncomeJpy, form.values.type2.totalIncomeJpy);
  const submit = form.onSubmit(async (v) => {
    form.clearErrors();
    try {
      await declare.mutateAsync({ id: p.id, form: { ...v, nextReviewOn: v.nextReviewOn || null } });
      notifications.show({ color: "green", message: t("declared") });
      setOpen(false);
    } catch (e) {
      form.setErrors(fieldErrors(e));
    }
  });
  return (
    <Stack>
      <Paper withBorder p="md">
        <Title order={5} mb="xs">
          {t("tokuteiCurrent")}
        </Title>
        {p.tokutei.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("tokuteiNone")}
          </Text>
        ) : (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("declaredOn")}</Table.Th>
                <Table.Th>{t("tokutei")}</Table.Th>
                <Table.Th>②</Table.Th>
                <Table.Th>{t("nextReviewOn")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {p.tokutei.map((d) => (
                <Table.Tr key={d.id} style={{ opacity: d === p.tokutei[0] ? 1 : 0.6 }}>
                  <Table.Td>{formatDate(d.declaredOn)}</Table.Td>
                  <Table.Td>
                    {d.types.length
                      ? t("tokuteiApplies", {
                          types: d.types.map((x) => ["", "①", "②", "③"][Number(x)]).join(""),
                        })
                      : t("tokuteiNotApplies")}
                  </Table.Td>
                  <Table.Td>{d.incomeShare === null ? "—" : `${(d.incomeShare * 100).toFixed(1)}%`}</Table.Td>
                  <Table.Td>{formatDate(d.nextReviewOn)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {mayDeclare && !open ? (
          <Button mt="sm" onClick={() => setOpen(true)}>
            {t("declare")}
          </Button>
        ) : null}
      </Paper>
      {open ? (
        <Paper withBorder p="md" data-testid="tokutei-form">
          <form onSubmit={submit}>
            <Stack>
              <ErrorAlert error={declare.error} />
              <DateField label={t("declaredOn")} {...form.getInputProps("declaredOn")} />
              <Checkbox label={t("type1")} {...form.getInputProps("type1.applies", { type: "checkbox" })} />
              {form.values.type1.applies ? (
                <Group grow align="flex-start" ml="lg">
                  <TextInput label={t("type1Counterparty")} {...form.getInputProps("type1.counterparty")} />
                  <Textarea label={t("detail")} autosize {...form.getInputProps("type1.detail")} />
                </Group>
              ) : null}
              <Text fw={500} size="sm">
                {t("type2")}
              </Text>
              <Group grow align="flex-start" ml="lg">
                <TextInput label={t("fiscalYear")} {...form.getInputProps("type2.fiscalYear")} />
                <NumberInput
                  label={t("foreignIncome")}
                  min={0}
                  thousandSeparator=","
                  {...form.getInputProps("type2.foreignIncomeJpy")}
                />
                <NumberInput
                  label={t("totalIncome")}
                  min={0}
                  thousandSeparator=","
                  {...form.getInputProps("type2.totalIncomeJpy")}
                />
              </Group>
              <Text
                ml="lg"
                size="sm"
                fw={600}
                c={share.applies ? "red" : undefined}
                data-testid="income-share"
              >
                {share.share === null
                  ? "—"
                  : t("shareResult", {
                      share: (share.share * 100).toFixed(1),
                      result: share.applies ? t("shareApplies") : t("shareNotApplies"),
                    })}
              </Text>
              <Textarea ml="lg" label={t("sources")} autosize {...form.getInputProps("type2.sources")} />
              <Checkbox label={t("type3")} {...form.getInputProps("type3.applies", { type: "checkbox" })} />
              {form.values.type3.applies ? (
                <Textarea ml="lg" label={t("detail")} autosize {...form.getInputProps("type3.detail")} />
              ) : null}
              <Textarea label={t("evidence")} autosize {...form.getInputProps("evidence")} />
              <DateField
                label={t("nextReviewOn")}
                value={form.values.nextReviewOn ?? ""}
                onChange={(d) => form.setFieldValue("nextReviewOn", d || null)}
                error={form.errors.nextReviewOn}
              />
              <Checkbox label={t("pledge")} {...form.getInputProps("pledge", { type: "checkbox" })} />
              <Group>
                <Button type="submit" loading={declare.isPending}>
                  {t("declare")}
                </Button>
                <Button variant="default" onClick={() => setOpen(false)}>
                  {t("cancel")}
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
      ) : null}
    </Stack>
  );
}

type ResidencyValues = {
  kind: ResidencyBasis["kind"];
  personType: "japanese_national" | "foreign_national" | null;
  temporaryReturn: boolean;
  atJapaneseMission: boolean;
  capacity: "foreign_government" | "international_organisation" | "diplomat_consular";
  date: string;
  employedInJapan: boolean;
  employedAbroad: boolean;
  stayAbroadTwoYearsOrMore: boolean;
  status: "resident" | "non_resident";
  reason: string;
  note: string;
};

function ResidencyPanel({ person: p, manager }: { person: Person; manager: boolean }) {
  const { t } = useTranslation("people");
  const record = useRecordResidency();
  const form = useForm<ResidencyValues>({
    initialValues: {
      kind: "arrived_in_japan",
      personType: null,
      temporaryReturn: false,
      atJapaneseMission: false,
      capacity: "foreign_government",
      date: today(),
      employedInJapan: false,
      employedAbroad: false,
      stayAbroadTwoYearsOrMore: false,
      status: "resident",
      reason: "",
      note: "",
    },
  });
  const v = form.values;
  const basis = (): ResidencyBasis => {
    switch (v.kind) {
      case "arrived_in_japan":
        return {
          kind: v.kind,
          date: v.date,
          employedInJapan: v.employedInJapan,
          ...(v.personType ? { personType: v.personType } : {}),
          temporaryReturn: v.temporaryReturn,
        };
      case "left_japan":
        return {
          kind: v.kind,
          date: v.date,
          employedAbroad: v.employedAbroad,
          stayAbroadTwoYearsOrMore: v.stayAbroadTwoYearsOrMore,
          ...(v.personType ? { personType: v.personType } : {}),
          atJapaneseMission: v.atJapaneseMission,
        };
      case "long_term_in_japan":
        return { kind: v.kind, ...(v.personType ? { personType: v.personType } : {}) };
      case "official_duty":
        return { kind: v.kind, date: v.date, capacity: v.capacity };
      default:
        return { kind: "officer_decision", status: v.status, date: v.date, reason: v.reason };
    }
  };
  const submit = form.onSubmit(async () => {
    form.clearErrors();
    try {
      await record.mutateAsync({ id: p.id, basis: basis(), note: v.note || null });
      notifications.show({ color: "green", message: t("saved") });
    } catch (e) {
      form.setErrors(fieldErrors(e));
    }
  });
  return (
    <Stack>
      <Paper withBorder p="md">
        <Title order={5} mb="xs">
          {t("residencyHistory")}
        </Title>
        <Table>
          <Table.Tbody>
            {p.residency.map((r) => (
              <Table.Tr key={r.recordedAt}>
                <Table.Td>
                  <Badge variant="light">{t(`residencyStatus.${r.status}`)}</Badge>
                </Table.Td>
                <Table.Td>{formatDate(r.effectiveFrom)}</Table.Td>
                <Table.Td>
                  <Text size="sm">{bi(r.reason)}</Text>
                  {r.note ? (
                    <Text size="xs" c="dimmed">
                      {r.note}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <Text size="xs" c="dimmed">
                    {formatDateTime(r.recordedAt)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      {manager ? (
        <Paper withBorder p="md">
          <form onSubmit={submit}>
            <Stack>
              <Title order={5}>{t("recordResidency")}</Title>
              <ErrorAlert error={record.error} />
              <Select
                label={t("basis")}
                allowDeselect={false}
                data={(
                  [
                    "arrived_in_japan",
                    "left_japan",
                    "long_term_in_japan",
                    "official_duty",
                    "officer_decision",
                  ] as const
                ).map((k) => ({
                  value: k,
                  label: t(`bases.${k}`),
                }))}
                {...form.getInputProps("kind")}
              />
              {v.kind !== "long_term_in_japan" ? (
                <DateField label={t("date")} {...form.getInputProps("date")} />
              ) : null}
              {v.kind === "arrived_in_japan" || v.kind === "left_japan" || v.kind === "long_term_in_japan" ? (
                <Select
                  label={t("personType")}
                  description={t("personTypeHelp")}
                  withAsterisk={v.kind !== "long_term_in_japan"}
                  data={(["japanese_national", "foreign_national"] as const).map((x) => ({
                    value: x,
                    label: t(`personTypes.${x}`),
                  }))}
                  {...form.getInputProps("personType")}
                />
              ) : null}
              {v.kind === "official_duty" ? (
                <Select
                  label={t("capacity")}
                  allowDeselect={false}
                  data={(
                    ["foreign_government", "international_organisation", "diplomat_consular"] as const
                  ).map((x) => ({
                    value: x,
                    label: t(`capacities.${x}`),
                  }))}
                  {...form.getInputProps("capacity")}
                />
              ) : null}
              {v.kind === "arrived_in_japan" && v.personType === "japanese_national" ? (
                <Checkbox
                  label={t("temporaryReturn")}
                  {...form.getInputProps("temporaryReturn", { type: "checkbox" })}
                />
              ) : null}
              {v.kind === "left_japan" && v.personType !== "foreign_national" ? (
                <Checkbox
                  label={t("atJapaneseMission")}
                  {...form.getInputProps("atJapaneseMission", { type: "checkbox" })}
                />
              ) : null}
              {v.kind === "arrived_in_japan" && v.personType !== "japanese_national" ? (
                <Checkbox
                  label={t("employedInJapan")}
                  {...form.getInputProps("employedInJapan", { type: "checkbox" })}
                />
              ) : null}
              {v.kind === "left_japan" ? (
                <>
                  <Checkbox
                    label={t("employedAbroad")}
                    {...form.getInputProps("employedAbroad", { type: "checkbox" })}
                  />
                  <Checkbox
                    label={t("stayTwoYears")}
                    {...form.getInputProps("stayAbroadTwoYearsOrMore", { type: "checkbox" })}
                  />
                </>
              ) : null}
              {v.kind === "officer_decision" ? (
                <>
                  <Select
                    label={t("status")}
                    allowDeselect={false}
                    data={(["resident", "non_resident"] as const).map((s) => ({
                      value: s,
                      label: t(`residencyStatus.${s}`),
                    }))}
                    {...form.getInputProps("status")}
                  />
                  <Textarea label={t("reason")} {...form.getInputProps("reason")} />
                </>
              ) : null}
              <TextInput label={t("note")} {...form.getInputProps("note")} />
              <Group>
                <Button type="submit" loading={record.isPending}>
                  {t("recordResidency")}
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
      ) : null}
    </Stack>
  );
}

/** Where a consistency flag's evidence was found, each with its link, and the flag's source. */
function FlagEvidence({ items, source }: { items: Person["flags"][number]["items"]; source: string }) {
  const { t } = useTranslation("integrity");
  if (!items?.length) return null;
  return (
    <Stack gap={2} pl="md" data-testid="flag-evidence">
      {items.map((i) => (
        <Text size="xs" key={`${i.where.en}-${i.link}`}>
          {"· "}
          {i.link ? (
            <Anchor component={Link} to={i.link} size="xs">
              {bi(i.where)}
            </Anchor>
          ) : (
            bi(i.where)
          )}
          {i.confidential ? ` (${t("officeOnly")})` : ""}
        </Text>
      ))}
      {source ? (
        <Text size="xs" c="dimmed">
          {t("basis")}: {source}
        </Text>
      ) : null}
    </Stack>
  );
}

function ProviderScreenings({ person: p, manager }: { person: Person; manager: boolean }) {
  const { t } = useTranslation("people");
  const { t: ti } = useTranslation("integrity");
  const listLabel = useListLabel();
  const screen = useScreenProviders();
  if (p.providerScreenings.length === 0 && !manager) return null;
  return (
    <Paper withBorder p="md" mt="md">
      <Group justify="space-between" mb="xs">
        <Title order={5}>{t("screenings")}</Title>
        {manager && p.disclosures.length > 0 ? (
          <Button
            size="xs"
            variant="light"
            loading={screen.isPending}
            onClick={() => screen.mutate({ id: p.id })}
          >
            {t("screenAgain")}
          </Button>
        ) : null}
      </Group>
      <ErrorAlert error={screen.error} />
      <Table>
        <Table.Tbody>
          {p.providerScreenings.map((s) => {
            const live = s.result.hits.filter((h) => h.match && h.decision !== "false_positive");
            const matched = p.disclosureMatches.filter((m) => m.partyId === s.partyId);
            return (
              <Table.Tr key={s.partyId} data-testid="provider-screening">
                <Table.Td>
                  <Anchor component={Link} to={`/parties/${s.partyId}`} size="sm">
                    {s.providerName}
                  </Anchor>
                  {matched.map((m) => (
                    <Text size="xs" c="dimmed" key={m.path}>
                      {ti(`section.${m.path.split(".")[0]}`)}: {ti(`method.${m.method}`)}
                      {m.score !== null && m.method !== "created" ? ` (${Math.round(m.score * 100)}%)` : ""}
                      {m.reasons.length ? ` — ${m.reasons.map(bi).join(" / ")}` : ""}
                    </Text>
                  ))}
                </Table.Td>
                <Table.Td>
                  {live.length === 0
                    ? t("noHits")
                    : live.map((h) => (
                        <Text size="sm" key={`${h.source}-${h.name}`}>
                          {listLabel(h.source)}: {h.name} (
                          {h.decision === "true_match" ? t("match") : t("openHit")}){" "}
                          <SampleBadge source={h.source} />
                          {h.reason ? (
                            <Text span size="xs" c="dimmed" display="block">
                              {ti("why")}: {bi(h.reason)}
                            </Text>
                          ) : null}
                        </Text>
                      ))}
                </Table.Td>
                <Table.Td>
                  <Text size="xs" c="dimmed">
                    {formatDateTime(s.screenedAt)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
