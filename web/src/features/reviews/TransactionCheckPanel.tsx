import {
  Button,
  Checkbox,
  Group,
  Paper,
  Radio,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../app/components/ErrorAlert";
import { bi } from "../../app/format";
import { fieldErrors } from "../../app/forms";
import { type Reference, type Review, type TransactionCheck, useTransactionCheck } from "./api";

type Attrs = Record<string, { stateOwned: boolean; military: boolean; note: string | null }>;
type Values = TransactionCheck & { counterpartyAttributes: Attrs };
const KEYS = ["endUse", "akiraka", "endUser"] as const;

/** 取引審査: the three checklists, partner attributes and the conclusion (the secretariat at its stage). */
export function TransactionCheckPanel({ review: r, reference }: { review: Review; reference: Reference }) {
  const { t } = useTranslation("reviews");
  const save = useTransactionCheck();
  const check = r.transactionCheck;
  const form = useForm<Values>({
    initialValues: {
      endUse: check?.endUse ?? {},
      akiraka: check?.akiraka ?? {},
      endUser: check?.endUser ?? {},
      notes: check?.notes ?? {},
      conclusion: check?.conclusion ?? "",
      counterpartyAttributes: Object.fromEntries(
        r.counterparties.map((c) => [
          c.id,
          {
            stateOwned: !!c.attributes.stateOwned,
            military: !!c.attributes.military,
            note: c.attributes.note ?? null,
          },
        ]),
      ),
    },
  });
  const editable = r.permissions.check;
  // Counted from what is on screen, so it drops as each answer is given (not only after saving).
  const missing =
    KEYS.reduce(
      (n, key) =>
        n + reference.checklists[key].filter((item) => typeof form.values[key][item.id] !== "boolean").length,
      0,
    ) + (form.values.conclusion.trim() ? 0 : 1);
  const submit = form.onSubmit(async (v) => {
    form.clearErrors();
    try {
      await save.mutateAsync({ id: r.id, version: r.version, ...v });
      notifications.show({ color: "green", message: t("checkSaved") });
    } catch (e) {
      form.setErrors(fieldErrors(e));
    }
  });
  return (
    <Paper withBorder p="md" data-testid="transaction-check">
      <Group justify="space-between">
        <Title order={4}>{t("transaction")}</Title>
        {missing > 0 ? (
          <Text size="sm" c="orange" data-testid="check-missing" aria-live="polite">
            {t("missing", { count: missing })}
          </Text>
        ) : null}
      </Group>
      <form onSubmit={submit}>
        <Stack mt="sm">
          <ErrorAlert error={save.error} />
          {KEYS.map((key) => (
            <div key={key}>
              <Title order={5} mb={4}>
                {t(`checklists.${key}`)}
              </Title>
              <Table>
                <Table.Tbody>
                  {reference.checklists[key].map((item) => {
                    const v = form.values[key][item.id];
                    return (
                      <Table.Tr key={item.id}>
                        <Table.Td>
                          <Text size="sm">{bi(item.label)}</Text>
                        </Table.Td>
                        <Table.Td w={220}>
                          <Radio.Group
                            // The group's accessible name: the question (the visible text is in the
                            // first column; Mantine names the radiogroup only from its own label).
                            label={<VisuallyHidden>{bi(item.label)}</VisuallyHidden>}
                            value={v === true ? "yes" : v === false ? "no" : ""}
                            onChange={(x) => form.setFieldValue(`${key}.${item.id}`, x === "yes")}
                            error={form.errors[`${key}.${item.id}`]}
                            data-testid={`check-${key}-${item.id}`}
                          >
                            <Group gap="xs">
                              <Radio value="no" label={t("noConcern")} disabled={!editable} />
                              <Radio value="yes" label={t("concern")} disabled={!editable} color="red" />
                            </Group>
                          </Radio.Group>
                          {v === true ? (
                            <TextInput
                              size="xs"
                              mt={4}
                              aria-label={t("note")}
                              placeholder={t("note")}
                              disabled={!editable}
                              value={form.values.notes[`${key}.${item.id}`] ?? ""}
                              onChange={(e) =>
                                form.setFieldValue("notes", {
                                  ...form.values.notes,
                                  [`${key}.${item.id}`]: e.currentTarget.value,
                                })
                              }
                            />
                          ) : null}
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </div>
          ))}
          <Title order={5}>{t("partnerAttributes")}</Title>
          {r.counterparties.map((c) => (
            <Group key={c.id} align="flex-start">
              <Text size="sm" w={200}>
                {c.name}
              </Text>
              <Checkbox
                label={t("stateOwned")}
                disabled={!editable}
                {...form.getInputProps(`counterpartyAttributes.${c.id}.stateOwned`, { type: "checkbox" })}
              />
              <Checkbox
                label={t("military")}
                disabled={!editable}
                {...form.getInputProps(`counterpartyAttributes.${c.id}.military`, { type: "checkbox" })}
              />
              <TextInput
                size="xs"
                placeholder={t("note")}
                aria-label={t("note")}
                disabled={!editable}
                style={{ flex: 1 }}
                {...form.getInputProps(`counterpartyAttributes.${c.id}.note`)}
              />
            </Group>
          ))}
          <Textarea
            label={t("conclusion")}
            withAsterisk
            autosize
            minRows={2}
            disabled={!editable}
            {...form.getInputProps("conclusion")}
          />
          {editable ? (
            <Group>
              <Button type="submit" loading={save.isPending}>
                {t("saveCheck")}
              </Button>
            </Group>
          ) : null}
        </Stack>
      </form>
    </Paper>
  );
}
