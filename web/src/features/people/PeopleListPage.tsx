import {
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  Modal,
  Pagination,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useDebouncedValue } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate, useNavigate, useSearchParams } from "react-router";
import { api } from "../../app/api";
import { useAuth } from "../../app/auth";
import { ErrorAlert } from "../../app/components/ErrorAlert";
import { PageHeader } from "../../app/components/PageHeader";
import { RedFlagChips } from "../../app/components/RedFlag";
import { formatDate } from "../../app/format";
import { fieldErrors } from "../../app/forms";
import { PartyPicker } from "../reviews/PartyPicker";
import { type PersonInput, usePeople, usePeopleDepartments, useSavePerson } from "./api";

const CATEGORIES = ["staff", "student", "visitor", "researcher", "other"];
const PEOPLE_FLAGS = [
  "P-DECLARATION-OVERDUE",
  "P-DISCLOSURE-LIST-HIT",
  "P-EFFORT-OVER-100",
  "P-TALENT-PROGRAM",
];
const DUE_FILTERS = ["overdue", "within30", "within90"];
const PAGE_SIZE = 50;

/** Person records with residency, 特定類型 and due dates (officers); applicants go to their own record. */
export function PeopleListPage() {
  const { t } = useTranslation("people");
  const { t: tf } = useTranslation("peoplefilters");
  const { hasRole } = useAuth();
  const [params, setParams] = useSearchParams();
  const filter = {
    q: params.get("q") ?? "",
    department: params.get("department") ?? "",
    category: params.get("category") ?? "",
    flag: params.get("flag") ?? "",
    due: params.get("due") ?? "",
    sort: params.get("sort") ?? "",
  };
  const page = Number(params.get("page") ?? "1") || 1;
  const [debouncedQ] = useDebouncedValue(filter.q, 250);
  const officer = hasRole("unit_officer", "secretariat", "approver", "auditor", "admin");
  const list = usePeople({ ...filter, q: debouncedQ, page, pageSize: PAGE_SIZE }, officer);
  const departments = usePeopleDepartments(officer);
  const setFilter = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!("page" in changes)) next.delete("page");
    setParams(next, { replace: true });
  };
  const [creating, setCreating] = useState(false);
  const [reminding, setReminding] = useState(false);
  if (!officer) return <Navigate to="/people/me" replace />;
  const manager = hasRole("secretariat", "unit_officer", "admin");
  return (
    <Stack>
      <PageHeader
        title={t("title")}
        subtitle={t("subtitle")}
        actions={
          <>
            <Button component="a" href="/api/people/erad.csv" variant="default">
              {t("eradCsv")}
            </Button>
            {hasRole("secretariat", "admin") ? (
              <Button
                variant="default"
                loading={reminding}
                onClick={async () => {
                  setReminding(true);
                  try {
                    const r = await api.post<{ reminded: number }>("/api/people/reminders/run");
                    notifications.show({ color: "green", message: t("reminded", { count: r.reminded }) });
                  } finally {
                    setReminding(false);
                  }
                }}
              >
                {t("runReminders")}
              </Button>
            ) : null}
            {manager ? <Button onClick={() => setCreating(true)}>{t("new")}</Button> : null}
          </>
        }
      />
      <Group align="flex-end" data-testid="people-filters">
        <TextInput
          label={t("search")}
          value={filter.q}
          onChange={(e) => setFilter({ q: e.currentTarget.value })}
          w={240}
        />
        <Select
          label={tf("department")}
          placeholder={tf("all")}
          data={departments.data?.items ?? []}
          value={filter.department || null}
          onChange={(v) => setFilter({ department: v })}
          clearable
          searchable
          w={200}
        />
        <Select
          label={tf("category")}
          placeholder={tf("all")}
          data={CATEGORIES.map((c) => ({ value: c, label: t(`categories.${c}`) }))}
          value={filter.category || null}
          onChange={(v) => setFilter({ category: v })}
          clearable
          w={150}
        />
        <Select
          label={tf("flag")}
          placeholder={tf("all")}
          data={PEOPLE_FLAGS.map((f) => ({ value: f, label: tf(`flags.${f}`) }))}
          value={filter.flag || null}
          onChange={(v) => setFilter({ flag: v })}
          clearable
          w={260}
        />
        <Select
          label={tf("due")}
          placeholder={tf("all")}
          data={DUE_FILTERS.map((d) => ({ value: d, label: tf(`dues.${d}`) }))}
          value={filter.due || null}
          onChange={(v) => setFilter({ due: v })}
          clearable
          w={180}
        />
        <Select
          label={tf("sort")}
          data={[
            { value: "name", label: tf("sorts.name") },
            { value: "due", label: tf("sorts.due") },
          ]}
          value={filter.sort || "name"}
          onChange={(v) => setFilter({ sort: v === "name" ? null : v })}
          allowDeselect={false}
          w={170}
        />
      </Group>
      {list.data ? (
        <Text size="sm" c="dimmed" data-testid="people-count">
          {tf("count", { count: list.data.total })}
        </Text>
      ) : null}
      <ErrorAlert error={list.error} />
      {list.isLoading ? (
        <Loader />
      ) : (
        <Table striped highlightOnHover data-testid="people-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("name")}</Table.Th>
              <Table.Th>{t("category")}</Table.Th>
              <Table.Th>{t("department")}</Table.Th>
              <Table.Th>{t("residency")}</Table.Th>
              <Table.Th>{t("tokutei")}</Table.Th>
              <Table.Th>{t("disclosureDue")}</Table.Th>
              <Table.Th>{tf("tokuteiDue")}</Table.Th>
              <Table.Th>{t("flags")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(list.data?.items ?? []).map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/people/${p.id}`}>
                    {p.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>{t(`categories.${p.category}`)}</Table.Td>
                <Table.Td>{p.department}</Table.Td>
                <Table.Td>{p.residency ? t(`residencyStatus.${p.residency}`) : "—"}</Table.Td>
                <Table.Td>{p.tokuteiActive ? <Badge color="red">{t("tokutei")}</Badge> : "—"}</Table.Td>
                <Table.Td>{formatDate(p.disclosureDueOn)}</Table.Td>
                <Table.Td>{formatDate(p.tokuteiReviewOn)}</Table.Td>
                <Table.Td>
                  <RedFlagChips ids={p.flags} size="xs" color="orange" />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {list.data && list.data.items.length === 0 ? <Text c="dimmed">{t("empty")}</Text> : null}
      {list.data && list.data.total > PAGE_SIZE ? (
        <Pagination
          total={Math.ceil(list.data.total / PAGE_SIZE)}
          value={page}
          onChange={(n) => setFilter({ page: String(n) })}
        />
      ) : null}
      <CreatePerson opened={creating} onClose={() => setCreating(false)} />
    </Stack>
  );
}

function CreatePerson({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation("people");
  const navigate = useNavigate();
  const save = useSavePerson();
  const [party, setParty] = useState<{ id: string; name: string } | null>(null);
  const form = useForm<Omit<PersonInput, "partyId">>({
    initialValues: { username: "", category: "staff", department: "", email: "", eradResearcherNumber: "" },
  });
  const submit = form.onSubmit(async (v) => {
    try {
      const p = await save.mutateAsync({
        input: {
          partyId: party?.id ?? "",
          username: v.username || null,
          category: v.category,
          department: v.department || null,
          email: v.email || null,
          eradResearcherNumber: v.eradResearcherNumber || null,
        },
      });
      notifications.show({ color: "green", message: t("saved") });
      onClose();
      navigate(`/people/${p.id}`);
    } catch (e) {
      form.setErrors(fieldErrors(e));
    }
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t("newTitle")} size="lg">
      <form onSubmit={submit}>
        <Stack>
          <ErrorAlert error={save.error} />
          <Paper withBorder p="xs">
            {party ? (
              <Group justify="space-between">
                <Text fw={600}>{party.name}</Text>
                <Button size="xs" variant="subtle" onClick={() => setParty(null)}>
                  ×
                </Button>
              </Group>
            ) : (
              <PartyPicker
                kind="person"
                label={t("party")}
                onPick={(p) => setParty({ id: p.id, name: p.name })}
              />
            )}
          </Paper>
          <Select
            label={t("category")}
            data={CATEGORIES.map((c) => ({ value: c, label: t(`categories.${c}`) }))}
            allowDeselect={false}
            {...form.getInputProps("category")}
          />
          <TextInput label={t("department")} {...form.getInputProps("department")} />
          <TextInput label={t("username")} {...form.getInputProps("username")} />
          <TextInput label={t("email")} {...form.getInputProps("email")} />
          <TextInput label={t("erad")} {...form.getInputProps("eradResearcherNumber")} />
          <Group>
            <Button type="submit" loading={save.isPending} disabled={!party}>
              {t("save")}
            </Button>
            <Button variant="default" onClick={onClose}>
              {t("cancel")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
