import { Button, Group, Select } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { countryName } from "../../app/format";
import { CreatePartyModal } from "../parties/CreatePartyModal";
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
