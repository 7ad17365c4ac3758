import {
  Button,
  Group,
  MultiSelect,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../app/components/ErrorAlert";
import { bi, formatDate } from "../../app/format";
import { fieldErrors } from "../../app/forms";
import { type Classification, type Reference, type Review, type TopicTags, useClassify } from "./api";

type Values = Classification & { topicTags: TopicTags };

const blank: Classification = {
  outcome: "not_listed",
  regime: null,
  item: null,
  subItem: null,
  exception: null,
  catchAllBasis: null,
  rationale: "",
  reference: null,
};

/** 該非判定: shows the record, and lets the stage's officer (or the applicant in a draft) record it. */
export function ClassificationPanel({ review: r, reference }: { review: Review; reference: Reference }) {
  const { t } = useTranslation("reviews");
  const classify = useClassify();
  const form = useForm<Values>({ initialValues: { ...(r.classification ?? blank), topicTags: r.topicTags } });
  const opts = (list: { value: string; label: { ja: string; en: string } }[]) =>
    list.map((o) => ({ value: o.value, label: bi(o.label) }));
  const outcome = form.values.outcome;
  const submit = form.onSubmit(async (v) => {
    form.clearErrors();
    try {
      const { topicTags, ...classification } = v;
      await classify.mutateAsync({ id: r.id, version: r.version, classification, topicTags });
      notifications.show({ color: "green", message: t("classified") });
    } catch (e) {
      const errors = fieldErrors(e);
      form.setErrors(
        Object.fromEntries(
          Object.entries(errors).map(([k, msg]) => [k.replace(/^classification\./, ""), msg]),
        ),
      );
    }
  });
  return (
    <Paper withBorder p="md" data-testid="classification">
      <Title order={4} mb="xs">
        {t("classification")}
      </Title>
      {r.classificationSummary ? (
        <Stack gap={2} mb="sm">
          <Text fw={600} data-testid="classification-summary">
            {bi(r.classificationSummary)}
          </Text>
          <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
            {r.classification?.rationale}
          </Text>
          {r.classifiedAt ? (
            <Text size="xs" c="dimmed">
              {formatDate(r.classifiedAt)}
            </Text>
          ) : null}
        </Stack>
      ) : (
        <Text size="sm" c="dimmed" mb="sm">
          {t("classificationMissing")}
        </Text>
      )}
      {r.permissions.classify ? (
        <form onSubmit={submit}>
          <Stack>
            <ErrorAlert error={classify.error} />
            <Select
              label={t("outcome")}
              data={opts(reference.outcomes)}
              allowDeselect={false}
              {...form.getInputProps("outcome")}
            />
            {outcome === "listed" || outcome === "catch_all" ? (
              <Select label={t("regime")} data={opts(reference.regimes)} {...form.getInputProps("regime")} />
            ) : null}
            {outcome === "listed" ? (
              <Group grow align="flex-start">
                <Select
                  label={t("item")}
                  data={reference.controlItems
                    .filter((i) => i.item !== "16")
                    .map((i) => ({ value: i.item, label: bi(i.label) }))}
                  {...form.getInputProps("item")}
                />
                <TextInput
                  label={t("subItem")}
                  placeholder={t("subItemPlaceholder")}
                  {...form.getInputProps("subItem")}
                />
              </Group>
            ) : null}
            {outcome === "exception" ? (
              <Select
                label={t("exception")}
                data={opts(reference.exceptions)}
                {...form.getInputProps("exception")}
              />
            ) : null}
            {outcome === "catch_all" ? (
              <Select
                label={t("catchAllBasis")}
                data={opts(reference.catchAllBases)}
                {...form.getInputProps("catchAllBasis")}
              />
            ) : null}
            <Textarea
              label={t("rationale")}
              placeholder={t("rationalePlaceholder")}
              withAsterisk
              autosize
              minRows={3}
              {...form.getInputProps("rationale")}
            />
            <TextInput label={t("reference")} {...form.getInputProps("reference")} />
            <MultiSelect
              label={t("jpTags")}
              searchable
              data={reference.jpCriticalAreas.map((a) => ({ value: a.id, label: bi(a.label) }))}
              {...form.getInputProps("topicTags.jp")}
            />
            <MultiSelect
              label={t("usTags")}
              searchable
              data={reference.usCetAreas.map((a) => ({ value: a.id, label: bi(a.label) }))}
              {...form.getInputProps("topicTags.us")}
            />
            <Group>
              <Button type="submit" loading={classify.isPending}>
                {t("saveClassification")}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Paper>
  );
}
