import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  Modal,
  Paper,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { Fragment, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorAlert } from "../../app/components/ErrorAlert";
import { bi, formatDateTime } from "../../app/format";
import { fieldErrors } from "../../app/forms";
import {
  type DuplicateSuggestion,
  type Party,
  type PartySnapshot,
  type PartyUsage,
  useMergeParty,
  useParty,
  usePartyDuplicates,
  usePartyVersions,
} from "./api";
import { DuplicateRow } from "./DuplicateWarning";
import { showValue } from "./history";

/** Says that this party was merged into another and links to the survivor. */
export function MergedBanner({ party }: { party: Party }) {
  const { t } = useTranslation("partyrecords");
  if (!party.mergedInto) return null;
  return (
    <Alert color="gray" title={t("mergedBanner")} data-testid="party-merged">
      <Anchor component={Link} to={`/parties/${party.mergedInto}`}>
        {t("openSurvivor")}
      </Anchor>
    </Alert>
  );
}

/** Where the party is used (submitted reviews first) and, when the user may not edit it, why. */
export function PartyUsagePanel({ usage }: { usage: PartyUsage }) {
  const { t } = useTranslation("partyrecords");
  const unused =
    usage.submittedReviews.length === 0 &&
    usage.ownDraftReviews + usage.othersDraftReviews + usage.people + usage.approachReports === 0;
  return (
    <Paper withBorder p="md" data-testid="party-usage">
      <Title order={4} mb="xs">
        {t("usageTitle")}
      </Title>
      {usage.editBlockedBecause ? (
        <Alert color="orange" mb="sm" title={t("lockedTitle")}>
          {bi(usage.editBlockedBecause)}
        </Alert>
      ) : null}
      {unused ? (
        <Text size="sm" c="dimmed">
          {t("noUsage")}
        </Text>
      ) : (
        <Stack gap={4}>
          {usage.submittedReviews.length ? (
            <>
              <Text size="sm" fw={500}>
                {t("submittedReviews")}
              </Text>
              {usage.submittedReviews.map((r) => (
                <Anchor key={r.id} component={Link} to={`/reviews/${r.id}`} size="sm">
                  {r.refNo} {r.title}
                </Anchor>
              ))}
            </>
          ) : null}
          {usage.ownDraftReviews + usage.othersDraftReviews > 0 ? (
            <Text size="sm">
              {t("draftReviews", { own: usage.ownDraftReviews, others: usage.othersDraftReviews })}
            </Text>
          ) : null}
          {usage.people > 0 ? <Text size="sm">{t("peopleCount", { count: usage.people })}</Text> : null}
          {usage.approachReports > 0 ? (
            <Text size="sm">{t("approachCount", { count: usage.approachReports })}</Text>
          ) : null}
        </Stack>
      )}
    </Paper>
  );
}

function SnapshotView({ s }: { s: PartySnapshot }) {
  const { t } = useTranslation("partyrecords");
  const fields: [string, unknown][] = [
    ["kind", s.kind],
    ["primaryName", s.primaryName],
    ["names", s.names],
    ["country", s.country],
    ["birthDate", s.birthDate],
    ["website", s.website],
    ["identifiers", s.identifiers.map((i) => `${i.scheme}: ${i.value}`)],
    ["tags", s.tags],
    ["notes", s.notes],
    ["archived", s.archived ? t("yes") : t("no")],
  ];
  return (
    <Stack gap={2}>
      {fields.map(([f, v]) => (
        <Text size="xs" key={f}>
          <Text span c="dimmed" size="xs">
            {t(`fields.${f}`)}:
          </Text>{" "}
          {showValue(v)}
        </Text>
      ))}
    </Stack>
  );
}

/** Every version of the party: who changed what, when and why, and the record as it was. */
export function PartyVersionsPanel({ partyId }: { partyId: string }) {
  const { t } = useTranslation("partyrecords");
  const versions = usePartyVersions(partyId);
  const [open, setOpen] = useState<number | null>(null);
  return (
    <Paper withBorder p="md">
      <Title order={4}>{t("versionsTitle")}</Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t("versionsHelp")}
      </Text>
      {versions.isLoading ? <Loader size="sm" /> : null}
      <ErrorAlert error={versions.error} />
      <Table data-testid="party-versions" verticalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={56}>{t("version")}</Table.Th>
            <Table.Th w={170}>{t("when")}</Table.Th>
            <Table.Th w={150}>{t("who")}</Table.Th>
            <Table.Th>{t("what")}</Table.Th>
            <Table.Th>{t("why")}</Table.Th>
            <Table.Th w={120} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(versions.data?.items ?? []).map((v) => (
            <Fragment key={v.version}>
              <Table.Tr data-testid={`party-version-${v.version}`}>
                <Table.Td>{v.version}</Table.Td>
                <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDateTime(v.at)}</Table.Td>
                <Table.Td>{v.actorLabel}</Table.Td>
                <Table.Td>
                  <Badge variant="light" mb={4}>
                    {t(`versionActions.${v.action}`)}
                  </Badge>
                  {v.relatedPartyId ? (
                    <Anchor component={Link} to={`/parties/${v.relatedPartyId}`} size="xs" ml="xs">
                      {t("open")}
                    </Anchor>
                  ) : null}
                  {v.changes.map((c) => (
                    <Text size="sm" key={c.field}>
                      {t(`fields.${c.field}`, { defaultValue: c.field })}: {showValue(c.before)} →{" "}
                      {showValue(c.after)}
                    </Text>
                  ))}
                  {v.changes.length === 0 && v.action === "updated" ? (
                    <Text size="sm" c="dimmed">
                      {t("noChanges")}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                    {v.reason ?? "—"}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    onClick={() => setOpen(open === v.version ? null : v.version)}
                  >
                    {t("showSnapshot")}
                  </Button>
                </Table.Td>
              </Table.Tr>
              {open === v.version ? (
                <Table.Tr>
                  <Table.Td colSpan={6}>
                    <SnapshotView s={v.snapshot} />
                  </Table.Td>
                </Table.Tr>
              ) : null}
            </Fragment>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

/** Likely duplicates of this party, and (for the secretariat) merging one into it. */
export function PartyDuplicatesPanel({ party }: { party: Party }) {
  const { t } = useTranslation("partyrecords");
  const duplicates = usePartyDuplicates(party.id, !party.archived);
  const [merging, setMerging] = useState<DuplicateSuggestion | null>(null);
  if (party.archived) return null;
  const items = duplicates.data?.items ?? [];
  return (
    <Paper withBorder p="md" data-testid="party-duplicates">
      <Title order={4} mb="xs">
        {t("possibleDuplicates")}
      </Title>
      {duplicates.isLoading ? <Loader size="sm" /> : null}
      {!duplicates.isLoading && items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("noDuplicates")}
        </Text>
      ) : null}
      <Stack gap="sm">
        {items.map((d) => (
          <DuplicateRow
            key={d.partyId}
            d={d}
            action={
              <Button size="compact-sm" color="indigo" variant="light" onClick={() => setMerging(d)}>
                {t("merge")}
              </Button>
            }
          />
        ))}
      </Stack>
      {merging ? <MergeModal survivor={party} duplicate={merging} onClose={() => setMerging(null)} /> : null}
    </Paper>
  );
}

function MergeModal({
  survivor,
  duplicate,
  onClose,
}: {
  survivor: Party;
  duplicate: DuplicateSuggestion;
  onClose: () => void;
}) {
  const { t } = useTranslation("partyrecords");
  const dup = useParty(duplicate.partyId);
  const merge = useMergeParty();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={t("mergeTitle", { duplicate: duplicate.party.primaryName, survivor: survivor.primaryName })}
    >
      <Stack>
        <Text size="sm">{t("mergeExplain")}</Text>
        <ErrorAlert error={merge.error} />
        <Textarea
          label={t("mergeReason")}
          withAsterisk
          autosize
          minRows={2}
          value={reason}
          onChange={(e) => {
            setReason(e.currentTarget.value);
            setError(null);
          }}
          error={error}
        />
        <Group>
          <Button
            color="indigo"
            loading={merge.isPending}
            disabled={!dup.data}
            onClick={async () => {
              if (!reason.trim()) {
                setError(t("mergeReason"));
                return;
              }
              try {
                await merge.mutateAsync({
                  survivorId: survivor.id,
                  duplicateId: duplicate.partyId,
                  survivorVersion: survivor.version,
                  duplicateVersion: dup.data!.version,
                  reason,
                });
                notifications.show({ color: "green", message: t("merged") });
                onClose();
              } catch (e) {
                const fields = fieldErrors(e);
                if (fields.reason) setError(fields.reason);
              }
            }}
          >
            {t("mergeConfirm")}
          </Button>
          <Button variant="default" onClick={onClose}>
            {t("cancel")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
