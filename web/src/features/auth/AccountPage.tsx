import { Button, Paper, PasswordInput, Stack, Text, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../app/api";
import { useAuth } from "../../app/auth";
import { ErrorAlert } from "../../app/components/ErrorAlert";
import { PageHeader } from "../../app/components/PageHeader";
import { fieldErrors } from "../../app/forms";
import { SecondFactorPanel } from "../access/SecondFactor";

/** The logged-in user's own account: roles, language, password. */
export function AccountPage() {
  const { t, i18n } = useTranslation();
  const { user, roleInfo } = useAuth();
  const [error, setError] = useState<unknown>(null);
  const form = useForm({
    initialValues: { currentPassword: "", newPassword: "", confirm: "" },
    validate: { confirm: (v, values) => (v === values.newPassword ? null : t("account.mismatch")) },
  });
  if (!user) return null;
  const roleName = (id: string) => {
    const info = roleInfo.find((r) => r.id === id);
    return info ? (i18n.language === "en" ? info.en : info.ja) : id;
  };
  return (
    <Stack maw={560}>
      <PageHeader title={t("account.title")} subtitle={`${user.displayName} (${user.username})`} />
      <Paper withBorder p="md">
        <Text fw={600}>{t("account.roles")}</Text>
        <Text>{user.roles.map(roleName).join("、") || t("account.noRoles")}</Text>
        {user.department ? <Text c="dimmed">{user.department}</Text> : null}
      </Paper>
      <SecondFactorPanel />
      <Paper withBorder p="md">
        <Title order={4} mb="sm">
          {t("account.changePassword")}
        </Title>
        <form
          onSubmit={form.onSubmit(async (values) => {
            setError(null);
            try {
              await api.post("/api/auth/password", {
                currentPassword: values.currentPassword,
                newPassword: values.newPassword,
              });
              form.reset();
              notifications.show({ color: "green", message: t("account.passwordChanged") });
            } catch (e) {
              const errors = fieldErrors(e);
              if (errors.password) errors.newPassword = errors.password;
              form.setErrors(errors);
              setError(e);
            }
          })}
        >
          <Stack>
            <ErrorAlert error={error} />
            <PasswordInput
              label={t("account.currentPassword")}
              autoComplete="current-password"
              {...form.getInputProps("currentPassword")}
            />
            <PasswordInput
              label={t("account.newPassword")}
              autoComplete="new-password"
              description={t("account.passwordRule")}
              {...form.getInputProps("newPassword")}
            />
            <PasswordInput
              label={t("account.confirmPassword")}
              autoComplete="new-password"
              {...form.getInputProps("confirm")}
            />
            <Button type="submit">{t("account.changePassword")}</Button>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
