import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Radio,
  Stack,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorAlert } from "../../app/components/ErrorAlert";
import { bi, formatDateTime } from "../../app/format";
import { type IdentityCheck, type Review, useIdentityCheck } from "./api";

/**
 * Hiring and contracting: the identity checklist. Each sign is a red flag with its source, linked to
 * the case library; the unit officer or secretariat records the outcome and the evidence, and the
 * server stores who checked and when.
 */
export function IdentityChecksPanel({ review: r }: { review: Review }) {
  const { t } = useTranslation("hiring");
  const checks = r.identityChecks ?? [];
  const missing = checks.filter((c) => c.outcome === null).length;
  return (
    <Paper withBorder p="md" data-testid="identity-checks">
      <Stack>
        <Title order={3}>{t("title")}</Title>
        <Text size="sm" c="dimmed">
          {t("intro")}
        </Text>
        {missing > 0 ? (
          <Alert color="yellow">{t("missing", { n: missing })}</Alert>
        ) : (
          <Alert color="green">{t("complete")}</Alert>
        )}
        {checks.map((c) => (
          <CheckRow key={c.id} review={r} check={c} editable={r.permissions.identityCheck === true} />
        ))}
      </Stack>
    </Paper>
  );
}

function CheckRow({
  review: r,
  check: c,
  editable,
}: {
  review: Review;
  check: IdentityCheck;
  editable: boolean;
}) {
  const { t } = useTranslation("hiring");
  const save = useIdentityCheck();
  const [outcome, setOutcome] = useState<string>(c.outcome ?? "");
  const [evidence, setEvidence] = useState<string>(c.evidence ?? "");
  return (
    <Paper withBorder p="sm" data-testid={`identity-check-${c.id}`}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600}>{bi(c.task)}</Text>
          <Badge color={c.outcome === "sign" ? "red" : c.outcome === "clear" ? "green" : "gray"}>
            {t(`outcome.${c.outcome ?? "none"}`)}
          </Badge>
        </Group>
        <Text size="sm">
          {t("sign")}: {bi(c.question)}
        </Text>
        <Text size="xs" c="dimmed">
          {t("source")}: {bi(c.sourceLabel)} ·{" "}
          <Anchor component={Link} to={`/cases/flags/${c.flag}`}>
            {c.flag} {t("flagLink")}
          </Anchor>
        </Text>
        {c.checkedBy ? (
          <Text size="xs">
            {t("checkedBy", { who: c.checkedBy, at: formatDateTime(c.checkedAt) })} — {c.evidence}
          </Text>
        ) : null}
        {editable ? (
          <>
            <Radio.Group value={outcome} onChange={setOutcome}>
              <Group>
                <Radio value="clear" label={t("outcome.clear")} data-testid={`identity-${c.id}-clear`} />
                <Radio value="sign" label={t("outcome.sign")} data-testid={`identity-${c.id}-sign`} />
              </Group>
            </Radio.Group>
            <Textarea
              label={t("evidence")}
              value={evidence}
              onChange={(e) => setEvidence(e.currentTarget.value)}
              autosize
              minRows={1}
              data-testid={`identity-${c.id}-evidence`}
            />
            <ErrorAlert error={save.error} />
            <Group>
              <Button
                size="xs"
                disabled={outcome === ""}
                loading={save.isPending}
                data-testid={`identity-${c.id}-save`}
                onClick={() =>
                  save.mutate(
                    {
                      id: r.id,
                      checkId: c.id,
                      version: r.version,
                      outcome: outcome as "clear" | "sign",
                      evidence,
                    },
                    { onSuccess: () => notifications.show({ color: "green", message: t("saved") }) },
                  )
                }
              >
                {t("save")}
              </Button>
            </Group>
          </>
        ) : null}
      </Stack>
    </Paper>
  );
}
