import {
  ActionIcon,
  Alert,
  Button,
  Group,
  Loader,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { DateField } from "../../app/components/DateField";
import { ErrorAlert } from "../../app/components/ErrorAlert";
import { PageHeader } from "../../app/components/PageHeader";
import { bi } from "../../app/format";
import { fieldErrors } from "../../app/forms";
import {
  IDENTIFIER_SCHEMES,
  type Party,
  type PartyInput,
  type PartyKind,
  type PartyNameKind,
  useParty,
  usePartyTags,
  usePartyUsage,
  useSaveParty,
} from "./api";
import { COUNTRY_CODES } from "./countries";
import { DuplicateWarning } from "./DuplicateWarning";

type FormValues = {
  kind: PartyKind;
  names: { name: string; kind: PartyNameKind; lang: string }[];
  country: string;
  birthDate: string;
  website: string;
  notes: string;
  tags: string[];
  identifiers: { scheme: string; value: string }[];
};

function toForm(p?: Party): FormValues {
  return {
    kind: p?.kind ?? "organization",
    names: p?.names.map((n) => ({ name: n.name, kind: n.kind, lang: n.lang ?? "" })) ?? [
      { name: "", kind: "primary", lang: "" },
    ],
    country: p?.country ?? "",
    birthDate: p?.birthDate ?? "",
    website: p?.website ?? "",
    notes: p?.notes ?? "",
    tags: p?.tags ?? [],
    identifiers: p?.identifiers ?? [],
  };
}

function toInput(v: FormValues): PartyInput {
  return {
    kind: v.kind,
    names: v.names.map((n, i) => ({
      name: n.name,
      kind: i === 0 ? "primary" : n.kind === "primary" ? "alias" : n.kind,
      lang: n.lang || null,
    })),
    country: v.country || null,
    birthDate: v.kind === "person" ? v.birthDate || null : null,
    website: v.website || null,
    notes: v.notes || null,
    tags: v.tags,
    // Schemes come from the IDENTIFIER_SCHEMES select; the server validates them again.
    identifiers: v.identifiers.filter((i) => i.value.trim() !== "") as NonNullable<PartyInput["identifiers"]>,
  };
}

/** Create a party, or edit one (the page loads it first and sends back the version it read). */
export function PartyEditPage() {
  const { id } = useParams();
  const party = useParty(id);
  const usage = usePartyUsage(id);
  const { t } = useTranslation("partyrecords");
  if (id && (party.isLoading || usage.isLoading)) return <Loader />;
  if (id && (party.error || !party.data)) return <ErrorAlert error={party.error} />;
  if (id && usage.data && !usage.data.canEdit)
    return (
      <Alert color="orange" title={t("lockedTitle")} data-testid="party-locked">
        {bi(usage.data.editBlockedBecause)}
      </Alert>
    );
  return <PartyForm party={party.data} reasonRequired={usage.data?.reasonRequired ?? false} />;
}

function PartyForm({ party, reasonRequired }: { party?: Party | undefined; reasonRequired: boolean }) {
  const { t, i18n } = useTranslation("parties");
  const { t: tr } = useTranslation("partyrecords");
  const navigate = useNavigate();
  const save = useSaveParty();
  const tags = usePartyTags();
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string | null>(null);
  const form = useForm<FormValues>({
    initialValues: toForm(party),
    validate: {
      names: {
        name: (value, _values, path) => (path === "names.0.name" && !value.trim() ? t("nameRequired") : null),
      },
    },
  });
  const countries = useMemo(() => {
    const names = new Intl.DisplayNames([i18n.language], { type: "region" });
    return COUNTRY_CODES.map((c) => ({ value: c, label: `${names.of(c) ?? c} (${c})` })).sort((a, b) =>
      a.label.localeCompare(b.label, i18n.language),
    );
  }, [i18n.language]);

  const submit = form.onSubmit(async (values) => {
    try {
      if (reasonRequired && !reason.trim()) {
        setReasonError(tr("reasonHelp"));
        return;
      }
      const saved = await save.mutateAsync({
        id: party?.id,
        version: party?.version,
        input: toInput(values),
        reason: reasonRequired ? reason : null,
      });
      notifications.show({ color: "green", message: t(party ? "saved" : "created") });
      navigate(`/parties/${saved.id}`);
    } catch (e) {
      const errors = fieldErrors(e);
      form.setErrors(errors);
      if (errors.reason) setReasonError(errors.reason);
    }
  });

  return (
    <form onSubmit={submit}>
      <Stack maw={860}>
        <PageHeader title={party ? t("editTitle", { name: party.primaryName }) : t("newTitle")} />
        <ErrorAlert error={save.error} />
        <SegmentedControl
          value={form.values.kind}
          onChange={(v) => form.setFieldValue("kind", v as PartyKind)}
          data={[
            { value: "organization", label: t("kinds.organization") },
            { value: "person", label: t("kinds.person") },
          ]}
          w={280}
        />
        <Paper withBorder p="md">
          <Title order={4}>{t("names")}</Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t("namesHelp")}
          </Text>
          <Stack gap="xs">
            {form.values.names.map((_, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: form rows have no identity besides their position.
              <Group key={index} align="flex-start" wrap="nowrap">
                <TextInput
                  label={index === 0 ? t("primaryName") : undefined}
                  aria-label={index === 0 ? t("primaryName") : t("otherName", { n: index })}
                  placeholder={index === 0 ? t("primaryNamePlaceholder") : t("otherNamePlaceholder")}
                  style={{ flex: 1 }}
                  {...form.getInputProps(`names.${index}.name`)}
                />
                {index > 0 ? (
                  <Select
                    aria-label={t("nameKind")}
                    w={160}
                    data={(["alias", "former", "transliteration"] as const).map((k) => ({
                      value: k,
                      label: t(`nameKinds.${k}`),
                    }))}
                    allowDeselect={false}
                    {...form.getInputProps(`names.${index}.kind`)}
                  />
                ) : null}
                <TextInput
                  aria-label={t("lang")}
                  placeholder={t("langPlaceholder")}
                  w={90}
                  mt={index === 0 ? 25 : 0}
                  {...form.getInputProps(`names.${index}.lang`)}
                />
                {index > 0 ? (
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-label={t("removeName")}
                    onClick={() => form.removeListItem("names", index)}
                    mt={4}
                  >
                    ×
                  </ActionIcon>
                ) : null}
              </Group>
            ))}
            <Button
              variant="subtle"
              w="fit-content"
              onClick={() => form.insertListItem("names", { name: "", kind: "alias", lang: "" })}
            >
              {t("addName")}
            </Button>
            {form.errors.names ? (
              <Text c="red" size="sm">
                {form.errors.names}
              </Text>
            ) : null}
          </Stack>
        </Paper>
        <Paper withBorder p="md">
          <Stack>
            <Group grow align="flex-start">
              <Select
                label={t("country")}
                data={countries}
                searchable
                clearable
                {...form.getInputProps("country")}
              />
              {form.values.kind === "person" ? (
                <DateField label={t("birthDate")} {...form.getInputProps("birthDate")} />
              ) : (
                <div />
              )}
            </Group>
            <TextInput label={t("website")} placeholder="https://" {...form.getInputProps("website")} />
            <TagsInput label={t("tags")} data={tags.data?.items ?? []} {...form.getInputProps("tags")} />
            <Stack gap="xs">
              <Text size="sm" fw={500}>
                {t("identifiers")}
              </Text>
              {form.values.identifiers.map((_, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: form rows have no identity besides their position.
                <Group key={index} align="flex-start" wrap="nowrap">
                  <Select
                    aria-label={t("scheme")}
                    w={220}
                    data={IDENTIFIER_SCHEMES.map((s) => ({ value: s, label: t(`schemes.${s}`) }))}
                    allowDeselect={false}
                    {...form.getInputProps(`identifiers.${index}.scheme`)}
                  />
                  <TextInput
                    aria-label={t("identifierValue")}
                    style={{ flex: 1 }}
                    {...form.getInputProps(`identifiers.${index}.value`)}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-label={t("removeIdentifier")}
                    onClick={() => form.removeListItem("identifiers", index)}
                    mt={4}
                  >
                    ×
                  </ActionIcon>
                </Group>
              ))}
              <Button
                variant="subtle"
                w="fit-content"
                onClick={() => form.insertListItem("identifiers", { scheme: "corporate_number", value: "" })}
              >
                {t("addIdentifier")}
              </Button>
            </Stack>
            <Textarea label={t("notes")} autosize minRows={3} {...form.getInputProps("notes")} />
          </Stack>
        </Paper>
        <DuplicateWarning
          candidate={{
            id: party?.id ?? null,
            kind: form.values.kind,
            names: form.values.names.map((n) => ({ name: n.name })),
            country: form.values.country || null,
            birthDate: form.values.kind === "person" ? form.values.birthDate || null : null,
            identifiers: form.values.identifiers,
          }}
          onUse={party ? undefined : (p) => navigate(`/parties/${p.id}`)}
        />
        {reasonRequired ? (
          <Textarea
            label={tr("reason")}
            description={tr("reasonHelp")}
            withAsterisk
            autosize
            minRows={2}
            value={reason}
            onChange={(e) => {
              setReason(e.currentTarget.value);
              setReasonError(null);
            }}
            error={reasonError}
            data-testid="party-change-reason"
          />
        ) : null}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {party ? t("save") : t("create")}
          </Button>
          <Button variant="default" onClick={() => navigate(party ? `/parties/${party.id}` : "/parties")}>
            {t("cancel")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
