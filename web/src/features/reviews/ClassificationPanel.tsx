import {
  Alert,
  Button,
  Group,
  MultiSelect,
  NumberInput,
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
import { ExceptionsEditor } from "./ExceptionsEditor";

type Values = Classification & { topicTags: TopicTags };

/** The regime a new classification starts from: what the activity exports. */
const DEFAULT_REGIME: Record<string, string> = { goods_export: "export_order", overseas_trip: "both" };

/**
 * 該非判定: shows the record, and lets the stage's officer (or the applicant in a draft) record it —
 * list status (1–15), the 貨物等省令 provision, the 16の項 category of a non-listed item, and the
 * exceptions IN ADDITION to the item. The catch-all result of the transaction is not chosen here: the
 * licence determination computes it from the destination, end user and use.
 */
export function ClassificationPanel({ review: r, reference }: { review: Review; reference: Reference }) {
  const { t } = useTranslation("reviews");
  const te = useTranslation("export").t;
  const classify = useClassify();
  const blank: Classification = {
    listStatus: null,
    regime: DEFAULT_REGIME[r.activityType] ?? "fx_order",
    item: null,
    subItem: null,
    provision: null,
    catchAllCategory: null,
    exceptions: [],
    rationale: "",
    reference: null,
  };
  const form = useForm<Values>({
    initialValues: { ...blank, ...(r.classification ?? {}), topicTags: r.topicTags },
  });
  const opts = (list: { value: string; label: { ja: string; en: string } }[]) =>
    list.map((o) => ({ value: o.value, label: bi(o.label) }));
  const v = form.values;
  const submit = form.onSubmit(async (values) => {
    form.clearErrors();
    try {
      const { topicTags, needsReclassification: _n, ...classification } = values;
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
  const provision = v.provision;
  const setProvision = (patch: Partial<NonNullable<Values["provision"]>> | null) =>
    form.setFieldValue(
      "provision",
      patch === null
        ? null
        : {
            ordinance: "goods_ordinance",
            article: 1,
            paragraph: null,
            item: null,
            sub: null,
            ...(provision ?? {}),
            ...patch,
          },
    );
  const errors = form.errors as Record<string, string>;
  return (
    <Paper withBorder p="md" data-testid="classification">
      <Title order={4} mb="xs">
        {t("classification")}
      </Title>
      {r.classification?.needsReclassification ? (
        <Alert color="orange" mb="sm">
          {te("classification.legacy")}
        </Alert>
      ) : null}
      {r.classificationSummary ? (
        <Stack gap={2} mb="sm">
          <Text fw={600} data-testid="classification-summary">
            {bi(r.classificationSummary)}
          </Text>
          <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
            {r.classification?.rationale}
          </Text>
          {(r.classification?.exceptions ?? []).map((e) => (
            <Text size="xs" key={`${e.code}-${e.use}`}>
              {te("exceptions.recorded")}: {bi(reference.exceptions.find((x) => x.value === e.code)?.label)} —{" "}
              {e.basis}
            </Text>
          ))}
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
            <Group grow align="flex-start">
              <Select
                label={t("outcome")}
                data={opts(reference.listStatuses)}
                allowDeselect={false}
                {...form.getInputProps("listStatus")}
              />
              <Select
                label={t("regime")}
                data={opts(reference.regimes)}
                allowDeselect={false}
                {...form.getInputProps("regime")}
              />
            </Group>
            {v.listStatus === "listed" ? (
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
            {v.listStatus === "not_listed" ? (
              <Select
                label={te("classification.catchAllCategory")}
                description={te("classification.catchAllHelp")}
                data={opts(reference.catchAllCategories)}
                {...form.getInputProps("catchAllCategory")}
              />
            ) : null}
            {v.listStatus ? (
              <Group grow align="flex-end">
                <Select
                  label={te("classification.provision")}
                  data={[
                    { value: "goods_ordinance", label: te("classification.goodsOrdinance") },
                    { value: "trade_ordinance", label: te("classification.tradeOrdinance") },
                  ]}
                  clearable
                  value={provision?.ordinance ?? null}
                  onChange={(o) => setProvision(o ? { ordinance: o as "goods_ordinance" } : null)}
                />
                <NumberInput
                  label={te("classification.article")}
                  min={1}
                  disabled={!provision}
                  value={provision?.article ?? ""}
                  onChange={(n) => setProvision({ article: Number(n) || 1 })}
                  error={errors["provision.article"]}
                />
                <NumberInput
                  label={te("classification.paragraph")}
                  min={1}
                  disabled={!provision}
                  value={provision?.paragraph ?? ""}
                  onChange={(n) => setProvision({ paragraph: n === "" ? null : Number(n) })}
                />
                <NumberInput
                  label={te("classification.itemNo")}
                  min={1}
                  disabled={!provision}
                  value={provision?.item ?? ""}
                  onChange={(n) => setProvision({ item: n === "" ? null : Number(n) })}
                />
                <TextInput
                  label={te("classification.sub")}
                  disabled={!provision}
                  value={provision?.sub ?? ""}
                  onChange={(e) => setProvision({ sub: e.currentTarget.value || null })}
                />
              </Group>
            ) : null}
            <ExceptionsEditor
              value={v.exceptions}
              onChange={(x) => form.setFieldValue("exceptions", x)}
              options={reference.exceptions}
              errors={errors}
              prefix="exceptions"
            />
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
