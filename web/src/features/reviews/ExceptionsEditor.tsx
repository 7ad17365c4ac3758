import { ActionIcon, Button, Group, Paper, Select, Stack, Text, Textarea } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { bi } from "../../app/format";
import type { Bi, ExceptionRecord, Option } from "./api";

export type ExceptionOption = Option & { conditions: Bi; citations: Bi[]; uses: Option[] };

/**
 * Exceptions recorded IN ADDITION to a classification (公知, 公知化目的, 基礎科学 …): each with the case
 * it was applied to and the facts relied on. Teaching and thesis publication are cases of 公知 /
 * 公知化目的, not exceptions of their own.
 */
export function ExceptionsEditor({
  value,
  onChange,
  options,
  errors,
  prefix,
}: {
  value: ExceptionRecord[];
  onChange: (v: ExceptionRecord[]) => void;
  options: ExceptionOption[];
  errors: Record<string, string>;
  prefix: string;
}) {
  const { t } = useTranslation("export");
  const set = (i: number, patch: Partial<ExceptionRecord>) =>
    onChange(value.map((e, k) => (k === i ? { ...e, ...patch } : e)));
  return (
    <Stack gap="xs" data-testid="exceptions-editor">
      <Text size="sm" fw={500}>
        {t("exceptions.title")}
      </Text>
      <Text size="xs" c="dimmed">
        {t("exceptions.help")}
      </Text>
      {errors[prefix] ? (
        <Text size="xs" c="red">
          {errors[prefix]}
        </Text>
      ) : null}
      {value.map((e, i) => {
        const def = options.find((o) => o.value === e.code);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own
          <Paper withBorder p="xs" key={i}>
            <Group align="flex-start" grow>
              <Select
                label={t("exceptions.code")}
                data={options.map((o) => ({ value: o.value, label: bi(o.label) }))}
                value={e.code}
                allowDeselect={false}
                onChange={(v) => set(i, { code: (v as ExceptionRecord["code"] | null) ?? e.code, use: null })}
                error={errors[`${prefix}.${i}.code`]}
              />
              <Select
                label={t("exceptions.use")}
                data={(def?.uses ?? []).map((o) => ({ value: o.value, label: bi(o.label) }))}
                value={e.use}
                clearable
                onChange={(v) => set(i, { use: v as ExceptionRecord["use"] })}
                error={errors[`${prefix}.${i}.use`]}
              />
            </Group>
            {def ? (
              <Text size="xs" c="dimmed" mt={4}>
                {bi(def.conditions)} ［{def.citations.map((c) => bi(c)).join("; ")}］
              </Text>
            ) : null}
            <Group align="flex-end" mt={4}>
              <Textarea
                label={t("exceptions.basis")}
                autosize
                minRows={2}
                style={{ flex: 1 }}
                value={e.basis}
                onChange={(ev) => set(i, { basis: ev.currentTarget.value })}
                error={errors[`${prefix}.${i}.basis`]}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={t("exceptions.remove")}
                onClick={() => onChange(value.filter((_, k) => k !== i))}
              >
                ✕
              </ActionIcon>
            </Group>
          </Paper>
        );
      })}
      <Group>
        <Button
          size="xs"
          variant="light"
          onClick={() =>
            onChange([
              ...value,
              {
                code: (options[0]?.value ?? "public_domain") as ExceptionRecord["code"],
                use: null,
                basis: "",
              },
            ])
          }
        >
          {t("exceptions.add")}
        </Button>
      </Group>
    </Stack>
  );
}
