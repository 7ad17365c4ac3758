import {
  ActionIcon,
  Button,
  Group,
  Modal,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../app/api";
import { ErrorAlert } from "../../app/components/ErrorAlert";
import { fieldErrors } from "../../app/forms";
import { IDENTIFIER_SCHEMES, type Party, type PartyKind } from "./api";
import { COUNTRY_CODES } from "./countries";
import { DuplicateWarning } from "./DuplicateWarning";

export type PickedParty = { id: string; name: string; kind: string };

/**
 * Adds a party on the spot (from a review, a person record, a disclosure) with what identifies it —
 * names in other scripts, country, date of birth for people, identifiers — and warns while typing
 * when the directory probably holds it already, offering to use that record instead.
 */
export function CreatePartyModal({
  opened,
  initialName,
  kind: fixedKind,
  onClose,
  onCreated,
}: {
  opened: boolean;
  initialName: string;
  kind?: PartyKind | undefined;
  onClose: () => void;
  onCreated: (p: PickedParty) => void;
}) {
  const { t, i18n } = useTranslation("partyrecords");
  const { t: tp } = useTranslation("parties");
  const qc = useQueryClient();
  const [name, setName] = useState<string | null>(null);
  const [kind, setKind] = useState<PartyKind>(fixedKind ?? "organization");
  const [otherNames, setOtherNames] = useState<string[]>([]);
  const [country, setCountry] = useState<string | null>(null);
  const [birthDate, setBirthDate] = useState("");
  const [identifiers, setIdentifiers] = useState<{ scheme: string; value: string }[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [duplicateCount, setDuplicateCount] = useState(0);
  const shownName = name ?? initialName;
  const countries = useMemo(() => {
    const names = new Intl.DisplayNames([i18n.language], { type: "region" });
    return COUNTRY_CODES.map((c) => ({ value: c, label: `${names.of(c) ?? c} (${c})` })).sort((a, b) =>
      a.label.localeCompare(b.label, i18n.language),
    );
  }, [i18n.language]);

  const reset = () => {
    setName(null);
    setOtherNames([]);
    setCountry(null);
    setBirthDate("");
    setIdentifiers([]);
    setErrors({});
    setError(null);
  };
  const close = () => {
    reset();
    onClose();
  };
  const pick = (p: PickedParty) => {
    reset();
    onCreated(p);
  };

  const allNames = [shownName, ...otherNames].map((n) => n.trim()).filter(Boolean);
  const submit = async () => {
    if (!shownName.trim()) {
      setErrors({ "names.0.name": t("nameRequired") });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const p = await api.post<Party>("/api/parties", {
        kind,
        names: allNames.map((n) => ({ name: n })),
        country: country || null,
        birthDate: kind === "person" ? birthDate || null : null,
        identifiers: identifiers.filter((i) => i.value.trim() !== ""),
      });
      void qc.invalidateQueries({ queryKey: ["parties"] });
      pick({ id: p.id, name: p.primaryName, kind: p.kind });
    } catch (e) {
      setError(e);
      setErrors(fieldErrors(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={close} title={t("createTitle")} size="lg">
      <Stack>
        <ErrorAlert error={error} />
        {fixedKind ? null : (
          <SegmentedControl
            value={kind}
            onChange={(v) => setKind(v as PartyKind)}
            data={[
              { value: "organization", label: tp("kinds.organization") },
              { value: "person", label: tp("kinds.person") },
            ]}
          />
        )}
        <TextInput
          label={t("name")}
          placeholder={t("namePlaceholder")}
          value={shownName}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors["names.0.name"]}
          withAsterisk
          data-autofocus
          data-testid="new-party-name"
        />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t("otherNames")}
          </Text>
          <Text size="xs" c="dimmed">
            {t("otherNamesHelp")}
          </Text>
          {otherNames.map((n, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity besides their position.
            <Group key={i} wrap="nowrap">
              <TextInput
                aria-label={`${t("otherNames")} ${i + 1}`}
                placeholder={t("otherNamePlaceholder")}
                value={n}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  setOtherNames((xs) => xs.map((x, j) => (j === i ? v : x)));
                }}
                error={errors[`names.${i + 1}.name`]}
                style={{ flex: 1 }}
              />
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={t("removeOtherName")}
                onClick={() => setOtherNames((xs) => xs.filter((_, j) => j !== i))}
              >
                ×
              </ActionIcon>
            </Group>
          ))}
          <Button
            variant="subtle"
            w="fit-content"
            size="compact-sm"
            onClick={() => setOtherNames((xs) => [...xs, ""])}
          >
            {t("addOtherName")}
          </Button>
        </Stack>
        <Group grow align="flex-start">
          <Select
            label={t("country")}
            data={countries}
            searchable
            clearable
            value={country}
            onChange={setCountry}
            error={errors.country}
          />
          {kind === "person" ? (
            <TextInput
              type="date"
              label={t("birthDate")}
              value={birthDate}
              onChange={(e) => setBirthDate(e.currentTarget.value)}
              error={errors.birthDate}
            />
          ) : (
            <div />
          )}
        </Group>
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t("identifiers")}
          </Text>
          {identifiers.map((id, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity besides their position.
            <Group key={i} wrap="nowrap" align="flex-start">
              <Select
                aria-label={t("identifierScheme")}
                w={200}
                allowDeselect={false}
                data={IDENTIFIER_SCHEMES.map((s) => ({ value: s, label: tp(`schemes.${s}`) }))}
                value={id.scheme}
                onChange={(v) =>
                  setIdentifiers((xs) => xs.map((x, j) => (j === i ? { ...x, scheme: v ?? x.scheme } : x)))
                }
              />
              <TextInput
                aria-label={t("identifierValue")}
                value={id.value}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  setIdentifiers((xs) => xs.map((x, j) => (j === i ? { ...x, value: v } : x)));
                }}
                error={errors[`identifiers.${i}.value`]}
                style={{ flex: 1 }}
              />
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={t("removeIdentifier")}
                onClick={() => setIdentifiers((xs) => xs.filter((_, j) => j !== i))}
                mt={4}
              >
                ×
              </ActionIcon>
            </Group>
          ))}
          <Button
            variant="subtle"
            w="fit-content"
            size="compact-sm"
            onClick={() =>
              setIdentifiers((xs) => [
                ...xs,
                { scheme: kind === "person" ? "passport" : "corporate_number", value: "" },
              ])
            }
          >
            {t("addIdentifier")}
          </Button>
        </Stack>
        <DuplicateWarning
          candidate={{
            kind,
            names: allNames.map((n) => ({ name: n })),
            country,
            birthDate: kind === "person" ? birthDate || null : null,
            identifiers,
          }}
          onUse={(p) => pick({ id: p.id, name: p.primaryName, kind: p.kind })}
          onCount={setDuplicateCount}
        />
        <Group>
          <Button
            loading={busy}
            onClick={submit}
            data-testid="new-party-submit"
            variant={duplicateCount > 0 ? "light" : "filled"}
          >
            {duplicateCount > 0 ? t("createAnyway") : t("create")}
          </Button>
          <Button variant="default" onClick={close}>
            {t("cancel")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
