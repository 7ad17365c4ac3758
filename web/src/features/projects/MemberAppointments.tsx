import { Button, CloseButton, Group, Modal, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../app/components/ErrorAlert";
import { PartyPicker } from "../reviews/PartyPicker";
import { type Project, useProjectAction } from "./api";

/**
 * The appointments (兼務先) a researcher states for the project: listed under their name; managers
 * add an organisation from the directory (or a new one, with the duplicate check) and remove one.
 * The consistency check then asks whether the disclosure names each of them.
 */
export function MemberAppointments({
  projectId,
  member: m,
  editable,
}: {
  projectId: string;
  member: Project["members"][number];
  editable: boolean;
}) {
  const { t } = useTranslation("researchsec");
  const action = useProjectAction(projectId);
  const [open, setOpen] = useState(false);
  const names = m.appointments.map((a) => a.name).join(", ");
  return (
    <>
      <Group gap={4} wrap="nowrap" data-testid="member-appointments">
        <Text size="xs" c="dimmed">
          {t("appointments")}: {names || "—"}
        </Text>
        {editable ? (
          <Button size="compact-xs" variant="subtle" onClick={() => setOpen(true)}>
            {t("addAppointment")}
          </Button>
        ) : null}
      </Group>
      <Modal opened={open} onClose={() => setOpen(false)} title={t("appointmentsTitle", { name: m.name })}>
        <Stack>
          <Text size="xs" c="dimmed">
            {t("appointmentsHint")}
          </Text>
          {m.appointments.length === 0 ? (
            <Text size="sm">{t("noAppointments")}</Text>
          ) : (
            <Stack gap={4} data-testid="appointment-list">
              {m.appointments.map((a) => (
                <Group key={a.partyId} justify="space-between">
                  <Text size="sm">{a.name}</Text>
                  <CloseButton
                    aria-label={`${t("removeAppointment")}: ${a.name}`}
                    onClick={() =>
                      action.mutate({ method: "delete", path: `/members/${m.id}/appointments/${a.partyId}` })
                    }
                  />
                </Group>
              ))}
            </Stack>
          )}
          <PartyPicker
            kind="organization"
            label={t("addAppointment")}
            onPick={(party) =>
              action.mutate({
                method: "post",
                path: `/members/${m.id}/appointments`,
                body: { partyId: party.id },
              })
            }
          />
          <ErrorAlert error={action.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              {t("close")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
