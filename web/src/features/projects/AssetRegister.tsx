import {
  Badge,
  Button,
  Group,
  Modal,
  MultiSelect,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../app/components/ErrorAlert";
import { formatDateTime } from "../../app/format";
import { PartyPicker } from "../reviews/PartyPicker";
import { type Project, useProjectAction } from "./api";

const ASSET_KINDS = ["data", "equipment", "material", "software"] as const;
const CONTROL_STATUSES = ["listed", "not_listed", "unclassified"] as const;

type Asset = Project["assets"][number];
type Draft = {
  kind: string;
  description: string;
  controlStatus: string;
  controlRef: string;
  location: string;
  accessLimits: string;
  authorisedMemberIds: string[];
  sharedWithPartyId: string | null;
  sharedWithName: string | null;
  sharingAgreement: string;
};

const empty: Draft = {
  kind: "data",
  description: "",
  controlStatus: "unclassified",
  controlRef: "",
  location: "",
  accessLimits: "",
  authorisedMemberIds: [],
  sharedWithPartyId: null,
  sharedWithName: null,
  sharingAgreement: "",
};

const draftOf = (a: Asset): Draft => ({
  kind: a.kind,
  description: a.description,
  controlStatus: a.controlStatus,
  controlRef: a.controlRef ?? "",
  location: a.location ?? "",
  accessLimits: a.accessLimits ?? "",
  authorisedMemberIds: a.authorisedMemberIds,
  sharedWithPartyId: a.sharedWithPartyId,
  sharedWithName: a.sharedWithName,
  sharingAgreement: a.sharingAgreement ?? "",
});

/**
 * The project's data and equipment register: each data set, instrument, material or software with
 * its classification, where it is kept, who may access it and with whom it is shared (issue 16).
 */
export function AssetRegister({ project: p, editable }: { project: Project; editable: boolean }) {
  const { t } = useTranslation("projectassets");
  const action = useProjectAction(p.id);
  const [editing, setEditing] = useState<{ asset: Asset | null; draft: Draft } | null>(null);
  const save = () => {
    if (!editing) return;
    const d = editing.draft;
    const body = {
      kind: d.kind,
      description: d.description,
      controlStatus: d.controlStatus,
      controlRef: d.controlRef || null,
      location: d.location || null,
      accessLimits: d.accessLimits || null,
      authorisedMemberIds: d.authorisedMemberIds,
      sharedWithPartyId: d.sharedWithPartyId,
      sharingAgreement: d.sharingAgreement || null,
    };
    action.mutate(
      editing.asset
        ? {
            method: "put",
            path: `/assets/${editing.asset.id}`,
            body: { ...body, version: editing.asset.version },
          }
        : { method: "post", path: "/assets", body },
      { onSuccess: () => setEditing(null) },
    );
  };
  const set = (patch: Partial<Draft>) =>
    setEditing((e) => (e ? { ...e, draft: { ...e.draft, ...patch } } : e));
  return (
    <Paper withBorder p="md" data-testid="project-assets">
      <Group justify="space-between">
        <Title order={4}>{t("title")}</Title>
        {editable ? (
          <Button
            size="xs"
            onClick={() => {
              action.reset();
              setEditing({ asset: null, draft: empty });
            }}
          >
            {t("add")}
          </Button>
        ) : null}
      </Group>
      <Text size="xs" c="dimmed" mb="xs">
        {t("hint")}
      </Text>
      {p.assets.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("none")}
        </Text>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("kind")}</Table.Th>
              <Table.Th>{t("description")}</Table.Th>
              <Table.Th>{t("controlStatus")}</Table.Th>
              <Table.Th>{t("access")}</Table.Th>
              <Table.Th>{t("sharedWith")}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {p.assets.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>{t(`kinds.${a.kind}`)}</Table.Td>
                <Table.Td>
                  {a.description}
                  {a.location ? (
                    <Text size="xs" c="dimmed">
                      {t("location")}: {a.location}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <Badge
                    color={
                      a.controlStatus === "listed"
                        ? "red"
                        : a.controlStatus === "unclassified"
                          ? "yellow"
                          : "gray"
                    }
                  >
                    {t(`statuses.${a.controlStatus}`)}
                  </Badge>
                  {a.controlRef ? <Text size="xs">{a.controlRef}</Text> : null}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{a.accessLimits ?? "—"}</Text>
                  {a.authorised.length ? (
                    <Text size="xs" c="dimmed">
                      {t("authorised")}: {a.authorised.map((x) => x.name).join("、")}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  {a.sharedWithName ? `${a.sharedWithName}（${a.sharingAgreement ?? ""}）` : "—"}
                </Table.Td>
                <Table.Td>
                  <Text size="xs" c="dimmed">
                    {formatDateTime(a.updatedAt)}
                  </Text>
                  {editable ? (
                    <Group gap={4}>
                      <Button
                        size="xs"
                        variant="light"
                        onClick={() => {
                          action.reset();
                          setEditing({ asset: a, draft: draftOf(a) });
                        }}
                      >
                        {t("edit")}
                      </Button>
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        onClick={() => action.mutate({ method: "delete", path: `/assets/${a.id}` })}
                      >
                        {t("remove")}
                      </Button>
                    </Group>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={t(editing?.asset ? "edit" : "add")}
        size="lg"
      >
        {editing ? (
          <Stack gap="xs">
            <ErrorAlert error={action.error} />
            <Select
              label={t("kind")}
              data={ASSET_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
              value={editing.draft.kind}
              onChange={(v) => set({ kind: v ?? "data" })}
              allowDeselect={false}
            />
            <TextInput
              label={t("description")}
              value={editing.draft.description}
              onChange={(e) => set({ description: e.currentTarget.value })}
            />
            <Group grow>
              <Select
                label={t("controlStatus")}
                data={CONTROL_STATUSES.map((k) => ({ value: k, label: t(`statuses.${k}`) }))}
                value={editing.draft.controlStatus}
                onChange={(v) => set({ controlStatus: v ?? "unclassified" })}
                allowDeselect={false}
              />
              <TextInput
                label={t("controlRef")}
                value={editing.draft.controlRef}
                onChange={(e) => set({ controlRef: e.currentTarget.value })}
              />
            </Group>
            <TextInput
              label={t("location")}
              value={editing.draft.location}
              onChange={(e) => set({ location: e.currentTarget.value })}
            />
            <Textarea
              label={t("accessLimits")}
              value={editing.draft.accessLimits}
              onChange={(e) => set({ accessLimits: e.currentTarget.value })}
            />
            <MultiSelect
              label={t("authorised")}
              data={p.members.map((m) => ({ value: m.id, label: m.name }))}
              value={editing.draft.authorisedMemberIds}
              onChange={(v) => set({ authorisedMemberIds: v })}
            />
            {editing.draft.sharedWithPartyId ? (
              <Group>
                <Text size="sm">
                  {t("sharedWith")}: {editing.draft.sharedWithName}
                </Text>
                <Button
                  size="xs"
                  variant="subtle"
                  onClick={() => set({ sharedWithPartyId: null, sharedWithName: null })}
                >
                  {t("remove")}
                </Button>
              </Group>
            ) : (
              <PartyPicker
                label={t("sharedWith")}
                onPick={(party) => set({ sharedWithPartyId: party.id, sharedWithName: party.name })}
              />
            )}
            <TextInput
              label={t("sharingAgreement")}
              value={editing.draft.sharingAgreement}
              onChange={(e) => set({ sharingAgreement: e.currentTarget.value })}
            />
            <Group justify="flex-end">
              <Button onClick={save} loading={action.isPending}>
                {t("save")}
              </Button>
            </Group>
          </Stack>
        ) : null}
      </Modal>
    </Paper>
  );
}
