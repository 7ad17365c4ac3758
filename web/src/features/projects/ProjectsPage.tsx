import { Anchor, Badge, Button, Checkbox, Group, Modal, Stack, Table, Text, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { api } from "../../app/api";
import { useAuth } from "../../app/auth";
import { ErrorAlert } from "../../app/components/ErrorAlert";
import { PageHeader } from "../../app/components/PageHeader";
import { formatDate } from "../../app/format";
import { type Project, useProjects } from "./api";

/** Funded research projects and whether each is ready for application. */
export function ProjectsPage() {
  const { t } = useTranslation("projects");
  const { hasRole } = useAuth();
  const list = useProjects();
  const [creating, setCreating] = useState(false);
  const manager = hasRole("secretariat", "unit_officer", "admin");
  return (
    <Stack>
      <PageHeader
        title={t("title")}
        subtitle={t("subtitle")}
        actions={manager ? <Button onClick={() => setCreating(true)}>{t("new")}</Button> : null}
      />
      <ErrorAlert error={list.error} />
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("number")}</Table.Th>
            <Table.Th>{t("projectTitle")}</Table.Th>
            <Table.Th>{t("funding")}</Table.Th>
            <Table.Th>{t("applicationDueOn")}</Table.Th>
            <Table.Th>{t("statusLabel")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(list.data ?? []).map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>{p.number}</Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/projects/${p.id}`}>
                  {p.title}
                </Anchor>
              </Table.Td>
              <Table.Td>
                {p.fundingAgency} / {p.fundingProgramme}
              </Table.Td>
              <Table.Td>{formatDate(p.applicationDueOn)}</Table.Td>
              <Table.Td>
                <Badge color={p.status === "ready" ? "green" : "gray"}>{t(`status.${p.status}`)}</Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {list.data?.length === 0 ? <Text c="dimmed">{t("empty")}</Text> : null}
      <CreateProject opened={creating} onClose={() => setCreating(false)} />
    </Stack>
  );
}

function CreateProject({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation("projects");
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [form, setForm] = useState({
    title: "",
    fundingAgency: "",
    fundingProgramme: "",
    applicationDueOn: "",
    specifiedProgramme: false,
    usFederal: false,
    requiredModules: "",
  });
  const create = useMutation({
    mutationFn: () =>
      api.post<Project>("/api/projects", {
        ...form,
        applicationDueOn: form.applicationDueOn || null,
        requiredModules: form.requiredModules
          .split(/[\s,、]+/)
          .map((s) => s.trim())
          .filter(Boolean),
      }),
    onSuccess: (p) => {
      void qc.invalidateQueries({ queryKey: ["projects"] });
      onClose();
      void navigate(`/projects/${p.id}`);
    },
  });
  const set = (k: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement>) =>
    setForm({
      ...form,
      [k]: e.currentTarget.type === "checkbox" ? e.currentTarget.checked : e.currentTarget.value,
    });
  return (
    <Modal opened={opened} onClose={onClose} title={t("new")}>
      <Stack>
        <TextInput label={t("projectTitle")} required value={form.title} onChange={set("title")} />
        <TextInput
          label={t("fundingAgency")}
          required
          value={form.fundingAgency}
          onChange={set("fundingAgency")}
        />
        <TextInput
          label={t("fundingProgramme")}
          required
          value={form.fundingProgramme}
          onChange={set("fundingProgramme")}
        />
        <TextInput
          label={t("applicationDueOn")}
          type="date"
          value={form.applicationDueOn}
          onChange={set("applicationDueOn")}
        />
        <Checkbox
          label={t("specifiedProgramme")}
          checked={form.specifiedProgramme}
          onChange={set("specifiedProgramme")}
        />
        <Checkbox label={t("usFederal")} checked={form.usFederal} onChange={set("usFederal")} />
        <TextInput
          label={t("requiredModules")}
          description={t("requiredModulesHint")}
          value={form.requiredModules}
          onChange={set("requiredModules")}
        />
        <ErrorAlert error={create.error} />
        <Group justify="flex-end">
          <Button onClick={() => create.mutate()} loading={create.isPending}>
            {t("create")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
