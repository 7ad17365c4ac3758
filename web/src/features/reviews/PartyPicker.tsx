import { Button, Group, Modal, SegmentedControl, Select, Stack, TextInput } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../app/api";
import { ErrorAlert } from "../../app/components/ErrorAlert";
import { countryName } from "../../app/format";
import { usePartySearch } from "./api";

/**
 * Picks a party from the directory by any part of its name (server-side search in any script), or
 * adds a new one on the spot; calls `onPick` with its id and primary name.
 */
export function PartyPicker({
  onPick,
  kind,
  label,
}: {
  onPick: (party: { id: string; name: string; kind: string }) => void;
  kind?: "organization" | "person";
  label?: string;
}) {
  const { t } = useTranslation("reviews");
  const [search, setSearch] = useState("");
  const found = usePartySearch(search, kind);
  const [creating, setCreating] = useState(false);
  const items = found.data?.items ?? [];
  return (
    <Group align="flex-end" wrap="nowrap">
      <Select
        label={label ?? t("searchParty")}
        placeholder={t("searchPartyPlaceholder")}
        searchable
        searchValue={search}
        onSearchChange={setSearch}
        filter={({ options }) => options}
        data={items.map((p) => ({
          value: p.id,
          label: `${p.primaryName}${p.country ? ` (${countryName(p.country)})` : ""}`,
        }))}
        value={null}
        onChange={(id) => {
          const p = items.find((x) => x.id === id);
          if (p) {
            onPick({ id: p.id, name: p.primaryName, kind: p.kind });
            setSearch("");
          }
        }}
        nothingFoundMessage={search ? "—" : undefined}
        style={{ flex: 1 }}
      />
      <Button variant="subtle" onClick={() => setCreating(true)}>
        {t("createParty")}
      </Button>
      <CreatePartyModal
        opened={creating}
        initialName={search}
        kind={kind}
        onClose={() => setCreating(false)}
        onCreated={(p) => {
          setCreating(false);
          onPick(p);
          setSearch("");
        }}
      />
    </Group>
  );
}

function CreatePartyModal({
  opened,
  initialName,
  kind: fixedKind,
  onClose,
  onCreated,
}: {
  opened: boolean;
  initialName: string;
  kind?: "organization" | "person";
  onClose: () => void;
  onCreated: (p: { id: string; name: string; kind: string }) => void;
}) {
  const { t } = useTranslation("reviews");
  const qc = useQueryClient();
  const [name, setName] = useState(initialName);
  const [kind, setKind] = useState<string>(fixedKind ?? "organization");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Modal opened={opened} onClose={onClose} title={t("createPartyTitle")}>
      <Stack>
        <ErrorAlert error={error} />
        {fixedKind ? null : (
          <SegmentedControl
            value={kind}
            onChange={setKind}
            data={[
              { value: "organization", label: t("kinds.organization") },
              { value: "person", label: t("kinds.person") },
            ]}
          />
        )}
        <TextInput
          label={t("partyName")}
          value={name || initialName}
          onChange={(e) => setName(e.currentTarget.value)}
          data-autofocus
        />
        <Group>
          <Button
            loading={busy}
            onClick={async () => {
              setBusy(true);
              setError(null);
              try {
                const p = await api.post<{ id: string; primaryName: string; kind: string }>("/api/parties", {
                  kind,
                  names: [{ name: name || initialName }],
                });
                void qc.invalidateQueries({ queryKey: ["parties"] });
                onCreated({ id: p.id, name: p.primaryName, kind: p.kind });
                setName("");
              } catch (e) {
                setError(e);
              } finally {
                setBusy(false);
              }
            }}
          >
            {t("add")}
          </Button>
          <Button variant="default" onClick={onClose}>
            {t("cancel")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
