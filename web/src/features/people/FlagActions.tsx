import { Anchor, Badge, Button, Group, Modal, Paper, Stack, Text, Textarea, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorAlert } from "../../app/components/ErrorAlert";
import { bi, formatDate, formatDateTime } from "../../app/format";
import { type Person, useDismissFlag } from "./api";

type Flag = Person["flags"][number];

/** An officer dismisses a wrong consistency flag, giving the reason (required), in a dialog. */
export function DismissFlagButton({ person, flag }: { person: Person; flag: Flag }) {
  const { t } = useTranslation("researchsec");
  const dismiss = useDismissFlag();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  if (!flag.key) return null;
  return (
    <>
      <Button size="compact-xs" variant="subtle" color="gray" onClick={() => setOpen(true)}>
        {t("dismiss")}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t("dismissTitle")}>
        <Stack>
          <Text size="sm">{bi(flag.evidence)}</Text>
          <Text size="xs" c="dimmed">
            {t("dismissHint")}
          </Text>
          <Textarea
            label={t("dismissReason")}
            required
            autosize
            minRows={2}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
          <ErrorAlert error={dismiss.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              {t("cancel")}
            </Button>
            <Button
              color="orange"
              disabled={!reason.trim()}
              loading={dismiss.isPending}
              onClick={() =>
                dismiss.mutate(
                  { id: person.id, key: flag.key!, reason },
                  {
                    onSuccess: () => {
                      setOpen(false);
                      setReason("");
                    },
                  },
                )
              }
            >
              {t("dismissConfirm")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** A flag raised again after a dismissal: who dismissed it, when, why, and the new evidence. */
export function EarlierDismissal({ flag }: { flag: Flag }) {
  const { t } = useTranslation("researchsec");
  if (!flag.earlier) return null;
  const e = flag.earlier;
  return (
    <Stack gap={2} pl="md" data-testid="flag-earlier-dismissal">
      <Text size="xs" c="orange.8">
        {t("earlier", { by: e.by, at: formatDateTime(e.at), reason: e.reason })}
      </Text>
      {e.newEvidence.map((n) => (
        <Text size="xs" key={`${n.where.en}-${n.link}`}>
          {"· "}
          {n.link ? (
            <Anchor component={Link} to={n.link} size="xs">
              {bi(n.where)}
            </Anchor>
          ) : (
            bi(n.where)
          )}
        </Text>
      ))}
    </Stack>
  );
}

/** The training the person's declarations require, each with its status and why. */
export function TrainingRequired({ person: p }: { person: Person }) {
  const { t } = useTranslation("researchsec");
  if (p.trainingRequired.length === 0) return null;
  return (
    <Stack gap={4} mt="sm" data-testid="person-training-required">
      <Text size="sm" fw={600}>
        {t("trainingRequired")}
      </Text>
      {p.trainingRequired.map((r) => (
        <Stack key={r.slug} gap={2}>
          <Group gap="xs">
            <Badge color={r.current ? "green" : "red"} tt="none">
              {r.current ? t("trainingCurrent") : t("trainingNotCurrent")}
            </Badge>
            <Anchor component={Link} to={`/cases/training/${r.slug}`} size="sm">
              {bi(r.title)}
            </Anchor>
            {r.expiresAt ? (
              <Text size="xs" c="dimmed">
                {t("trainingUntil", { date: formatDate(r.expiresAt.slice(0, 10)) })}
              </Text>
            ) : null}
          </Group>
          {r.reasons.map((x) => (
            <Text size="xs" pl="md" key={x.en}>
              {"· "}
              {bi(x)}
            </Text>
          ))}
        </Stack>
      ))}
    </Stack>
  );
}

/** Consistency flags dismissed as wrong, still visible with who, when, why and the evidence. */
export function DismissedFlags({ person: p }: { person: Person }) {
  const { t } = useTranslation("researchsec");
  if (p.dismissedFlags.length === 0) return null;
  return (
    <Paper withBorder p="md" data-testid="person-dismissed-flags">
      <Title order={5} mb="xs">
        {t("dismissedFlags")}
      </Title>
      <Stack gap="xs">
        {p.dismissedFlags.map((d) => (
          <Stack key={d.dismissalId} gap={2} data-testid={`dismissed-${d.id}`}>
            <Group gap="xs">
              <Badge color="gray" tt="none">
                {bi(d.title)}
              </Badge>
              <Text size="sm" td="line-through" c="dimmed">
                {bi(d.evidence)}
              </Text>
            </Group>
            <Text size="xs">
              {t("dismissedBy", { by: d.dismissedBy, at: formatDateTime(d.dismissedAt) })}
            </Text>
            <Text size="xs">
              {t("dismissedReason")}: {d.reason}
            </Text>
            {d.items.map((i) => (
              <Text size="xs" pl="md" c="dimmed" key={`${i.where.en}-${i.link}`}>
                {"· "}
                {i.link ? (
                  <Anchor component={Link} to={i.link} size="xs">
                    {bi(i.where)}
                  </Anchor>
                ) : (
                  bi(i.where)
                )}
              </Text>
            ))}
          </Stack>
        ))}
      </Stack>
    </Paper>
  );
}
