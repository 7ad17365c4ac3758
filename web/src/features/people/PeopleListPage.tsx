import {
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  Modal,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate, useNavigate } from "react-router";
import { api } from "../../app/api";
import { useAuth } from "../../app/auth";
import { ErrorAlert } from "../../app/components/ErrorAlert";
import { PageHeader } from "../../app/components/PageHeader";
import { RedFlagChips } from "../../app/components/RedFlag";
import { formatDate } from "../../app/format";
import { fieldErrors } from "../../app/forms";
import { PartyPicker } from "../reviews/PartyPicker";
import { type PersonInput, usePeople, useSavePerson } from "./api";

const CATEGORIES = ["staff", "student", "visitor", "researcher", "other"];

/** Person records with residency, 特定類型 and due dates (officers); applicants go to their own record. */
export function PeopleListPage() {
  const { t } = useTranslation("people");
  const { hasRole } = useAuth();
  const [q, setQ] = useState("");
  const officer = hasRole("unit_officer", "secretariat", "approver", "auditor", "admin");
  const list = usePeople(q, officer);
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
      <TextInput label={t("search")} value={q} onChange={(e) => setQ(e.currentTarget.value)} maw={360} />
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
                <Table.Td>
                  <RedFlagChips ids={p.flags} size="xs" color="orange" />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {list.data && list.data.items.length === 0 ? <Text c="dimmed">{t("empty")}</Text> : null}
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
