import {
  Alert,
  Badge,
  Button,
  Code,
  Group,
  Menu,
  Modal,
  MultiSelect,
  Select,
  Stack,
  Switch,
  Table,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { modals } from "@mantine/modals";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type Role, type User, useAuth } from "../../app/auth";
import { ErrorAlert } from "../../app/components/ErrorAlert";
import { formatDateTime } from "../../app/format";
import { fieldErrors } from "../../app/forms";
import { useAccessActions } from "../access/api";
import { type NewUser, useUserActions, useUsers } from "./api";

/** Admin › Users: create accounts, set roles, reset passwords, unlock, disable. */
export function UsersTab() {
  const { t, i18n } = useTranslation("admin");
  const { t: ta } = useTranslation("access");
  const { roleInfo, user: me } = useAuth();
  const users = useUsers();
  const actions = useUserActions();
  const access = useAccessActions();
  const [editing, setEditing] = useState<User | "new" | null>(null);
  const [secret, setSecret] = useState<{ username: string; password: string } | null>(null);
  const roleLabel = (id: string) => {
    const r = roleInfo.find((x) => x.id === id);
    return r ? (i18n.language === "en" ? r.en : r.ja) : id;
  };
  const roleOptions = roleInfo.map((r) => ({ value: r.id, label: i18n.language === "en" ? r.en : r.ja }));
  const busy =
    actions.resetPassword.isPending || actions.unlock.isPending || actions.logoutEverywhere.isPending;

  return (
    <Stack>
      <Group justify="space-between">
        <Text c="dimmed">{t("users.subtitle")}</Text>
        <Button onClick={() => setEditing("new")}>{t("users.new")}</Button>
      </Group>
      {secret ? (
        <Alert
          color="yellow"
          title={t("users.passwordOnce", { username: secret.username })}
          withCloseButton
          onClose={() => setSecret(null)}
        >
          <Code data-testid="generated-password">{secret.password}</Code>
        </Alert>
      ) : null}
      <ErrorAlert
        error={
          users.error ??
          actions.resetPassword.error ??
          actions.unlock.error ??
          actions.update.error ??
          access.resetTotp.error
        }
      />
      <Table striped data-testid="users-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("users.username")}</Table.Th>
            <Table.Th>{t("users.displayName")}</Table.Th>
            <Table.Th>{t("users.roles")}</Table.Th>
            <Table.Th>{t("users.state")}</Table.Th>
            <Table.Th>{ta("admin.totp")}</Table.Th>
            <Table.Th>{t("users.updated")}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(users.data?.items ?? []).map((u) => {
            const locked = u.lockedUntil !== null && Date.parse(u.lockedUntil) > Date.now();
            return (
              <Table.Tr key={u.id}>
                <Table.Td>{u.username}</Table.Td>
                <Table.Td>
                  {u.displayName}
                  {u.department ? (
                    <Text size="xs" c="dimmed">
                      {u.department}
                    </Text>
                  ) : null}
                  {u.roles.includes("unit_officer") ? (
                    <Text size="xs" c="dimmed">
                      {ta("admin.scopeDepartments")}:{" "}
                      {u.scopeDepartments.length
                        ? u.scopeDepartments.join("、")
                        : (u.department ?? ta("admin.allDepartments"))}
                    </Text>
                  ) : null}
                  {u.revealGrantedAt ? (
                    <Text size="xs" c="orange">
                      {ta("admin.revealRecent", { at: formatDateTime(u.revealGrantedAt) })}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {u.roles.map((r) => (
                      <Badge key={r} variant="light" size="sm">
                        {roleLabel(r)}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>
                  {u.disabled ? (
                    <Badge color="gray">{t("users.disabled")}</Badge>
                  ) : locked ? (
                    <Badge color="red">{t("users.locked")}</Badge>
                  ) : (
                    <Badge color="green">{t("users.active")}</Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <Badge color={u.totpEnabled ? "green" : "gray"} variant="light">
                    {u.totpEnabled ? ta("admin.totpOn") : ta("admin.totpOff")}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{formatDateTime(u.updatedAt)}</Text>
                </Table.Td>
                <Table.Td>
                  <Menu withinPortal position="bottom-end">
                    <Menu.Target>
                      <Button size="xs" variant="default" loading={busy}>
                        {t("users.actions")}
                      </Button>
                    </Menu.Target>
                    <Menu.Dropdown>
                      <Menu.Item onClick={() => setEditing(u)}>{t("users.edit")}</Menu.Item>
                      <Menu.Item
                        onClick={async () => {
                          const r = await actions.resetPassword.mutateAsync(u.id);
                          if (r.password) setSecret({ username: u.username, password: r.password });
                        }}
                      >
                        {t("users.resetPassword")}
                      </Menu.Item>
                      {locked ? (
                        <Menu.Item onClick={() => actions.unlock.mutate(u.id)}>{t("users.unlock")}</Menu.Item>
                      ) : null}
                      {u.totpEnabled && u.id !== me?.id ? (
                        <Menu.Item
                          onClick={() =>
                            modals.openConfirmModal({
                              title: ta("admin.resetTotp"),
                              children: (
                                <Text size="sm">
                                  {ta("admin.resetTotpConfirm", { username: u.username })}
                                </Text>
                              ),
                              labels: { confirm: ta("admin.resetTotp"), cancel: "×" },
                              confirmProps: { color: "red" },
                              onConfirm: () => access.resetTotp.mutate(u.id),
                            })
                          }
                        >
                          {ta("admin.resetTotp")}
                        </Menu.Item>
                      ) : null}
                      <Menu.Item onClick={() => actions.logoutEverywhere.mutate(u.id)}>
                        {t("users.logoutEverywhere")}
                      </Menu.Item>
                    </Menu.Dropdown>
                  </Menu>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === "new" ? t("users.new") : t("users.edit")}
        size="lg"
      >
        {editing !== null ? (
          <UserForm
            user={editing === "new" ? undefined : editing}
            roleOptions={roleOptions}
            onDone={(password, username) => {
              setEditing(null);
              if (password) setSecret({ username, password });
            }}
          />
        ) : null}
      </Modal>
    </Stack>
  );
}

function UserForm({
  user,
  roleOptions,
  onDone,
}: {
  user?: User;
  roleOptions: { value: string; label: string }[];
  onDone: (password: string | undefined, username: string) => void;
}) {
  const { t } = useTranslation("admin");
  const { t: ta } = useTranslation("access");
  const { user: me } = useAuth();
  const actions = useUserActions();
  const access = useAccessActions();
  const isSelf = !!user && user.id === me?.id;
  const [reason, setReason] = useState("");
  const [error, setError] = useState<unknown>(null);
  const form = useForm({
    initialValues: {
      username: user?.username ?? "",
      displayName: user?.displayName ?? "",
      email: user?.email ?? "",
      department: user?.department ?? "",
      roles: (user?.roles ?? ["applicant"]) as string[],
      locale: user?.locale ?? "ja",
      disabled: user?.disabled ?? false,
      scopeDepartments: user?.scopeDepartments ?? ([] as string[]),
    },
  });
  const rolesChanged = !!user && [...form.values.roles].sort().join(",") !== [...user.roles].sort().join(",");
  return (
    <form
      onSubmit={form.onSubmit(async (v) => {
        setError(null);
        const base: NewUser = {
          username: v.username.trim(),
          displayName: v.displayName.trim(),
          email: v.email.trim() || null,
          department: v.department.trim() || null,
          roles: v.roles as Role[],
          locale: v.locale as "ja" | "en",
        };
        try {
          if (user) {
            const { username: _u, roles, ...rest } = base;
            // One's own roles change only through a request another administrator approves.
            const ownRoleChange = isSelf && rolesChanged;
            await actions.update.mutateAsync({
              id: user.id,
              patch: {
                ...rest,
                ...(ownRoleChange ? {} : { roles }),
                disabled: v.disabled,
                scopeDepartments: v.scopeDepartments,
              },
            });
            if (ownRoleChange) {
              await access.request.mutateAsync({ roles, reason });
              notifications.show({ color: "blue", message: ta("admin.requested") });
            }
            onDone(undefined, user.username);
          } else {
            const r = await actions.create.mutateAsync(base);
            onDone(r.password, r.user.username);
          }
        } catch (e) {
          form.setErrors(fieldErrors(e));
          setError(e);
        }
      })}
    >
      <Stack>
        <ErrorAlert error={error} />
        <TextInput
          label={t("users.username")}
          disabled={!!user}
          required
          {...form.getInputProps("username")}
        />
        <TextInput label={t("users.displayName")} required {...form.getInputProps("displayName")} />
        <TextInput label={t("users.email")} type="email" {...form.getInputProps("email")} />
        <TextInput label={t("users.department")} {...form.getInputProps("department")} />
        <MultiSelect label={t("users.roles")} data={roleOptions} {...form.getInputProps("roles")} />
        {isSelf && rolesChanged ? (
          <Stack gap="xs">
            <Alert color="blue">{ta("admin.ownRoles")}</Alert>
            <Textarea
              label={ta("admin.reason")}
              required
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
            />
          </Stack>
        ) : null}
        {form.values.roles.includes("unit_officer") ? (
          <TagsInput
            label={ta("admin.scopeDepartments")}
            description={ta("admin.scopeDepartmentsHelp")}
            {...form.getInputProps("scopeDepartments")}
          />
        ) : null}
        <Select
          label={t("users.locale")}
          data={[
            { value: "ja", label: "日本語" },
            { value: "en", label: "English" },
          ]}
          allowDeselect={false}
          {...form.getInputProps("locale")}
        />
        {user ? (
          <Switch label={t("users.disable")} {...form.getInputProps("disabled", { type: "checkbox" })} />
        ) : null}
        {!user ? (
          <Text size="sm" c="dimmed">
            {t("users.passwordGenerated")}
          </Text>
        ) : null}
        <Group>
          <Button
            type="submit"
            loading={actions.create.isPending || actions.update.isPending || access.request.isPending}
          >
            {isSelf && rolesChanged ? ta("admin.requestRoles") : user ? t("users.save") : t("users.create")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
