import {
  Alert,
  Button,
  Center,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useLocation, useNavigate } from "react-router";
import { ApiError } from "../../app/api";
import { useAuth } from "../../app/auth";
import { LanguageSwitch } from "../../app/Layout";
import { LoginCodeForm } from "../access/SecondFactor";
import { SsoSignIn, useSsoProviders } from "./SsoSignIn";

/** Username and password login; the language can be chosen before logging in. */
export function LoginPage() {
  const { t } = useTranslation();
  const { login, loginSecondFactor, status } = useAuth();
  const [challenge, setChallenge] = useState<string | null>(null);
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const sso = useSsoProviders();
  const { t: ts } = useTranslation("sso");
  const [breakGlass, setBreakGlass] = useState(false);
  const form = useForm({
    initialValues: { username: "", password: "" },
    validate: {
      username: (v) => (v.trim() ? null : t("auth.usernameRequired")),
      password: (v) => (v ? null : t("auth.passwordRequired")),
    },
  });
  const from = (location.state as { from?: string } | null)?.from ?? "/";
  if (status === "authenticated") return <Navigate to={from} replace />;

  if (challenge)
    return (
      <Center mih="100vh" p="md" bg="gray.0">
        <Paper withBorder shadow="sm" p="xl" radius="md" w={400}>
          <Stack>
            <Title order={2}>関守 Sekimori</Title>
            <LanguageSwitch />
            {error ? (
              <Alert color="red" role="alert">
                {error}
              </Alert>
            ) : null}
            <LoginCodeForm
              busy={busy}
              onBack={() => {
                setChallenge(null);
                setError(null);
              }}
              onSubmit={async (code) => {
                setBusy(true);
                setError(null);
                try {
                  await loginSecondFactor(challenge, code);
                  navigate(from, { replace: true });
                } catch (e) {
                  setError(e instanceof Error ? e.message : String(e));
                  if (e instanceof ApiError && e.code === "login_expired") setChallenge(null);
                } finally {
                  setBusy(false);
                }
              }}
            />
          </Stack>
        </Paper>
      </Center>
    );
  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" radius="md" w={400}>
        <form
          onSubmit={form.onSubmit(async (values) => {
            setBusy(true);
            setError(null);
            try {
              const next = await login(values.username.trim(), values.password);
              if (next) {
                setChallenge(next.challenge);
                form.setFieldValue("password", "");
                return;
              }
              navigate(from, { replace: true });
            } catch (e) {
              setError(e instanceof Error ? e.message : String(e));
            } finally {
              setBusy(false);
            }
          })}
        >
          <Stack>
            <Group justify="space-between" align="flex-start">
              <div>
                <Title order={2}>関守 Sekimori</Title>
                <Text c="dimmed" size="sm">
                  {t("auth.tagline")}
                </Text>
              </div>
            </Group>
            <LanguageSwitch />
            {error ? (
              <Alert color="red" role="alert">
                {error}
              </Alert>
            ) : null}
            <SsoSignIn from={from} data={sso.data} />
            {sso.data?.passwordLogin === false && !breakGlass ? (
              <>
                <Text size="sm" c="dimmed">
                  {ts("passwordOff")}
                </Text>
                <Button variant="subtle" size="xs" onClick={() => setBreakGlass(true)}>
                  {ts("breakGlass")}
                </Button>
              </>
            ) : (
              <>
                <TextInput
                  label={t("auth.username")}
                  autoComplete="username"
                  autoFocus
                  {...form.getInputProps("username")}
                />
                <PasswordInput
                  label={t("auth.password")}
                  autoComplete="current-password"
                  visibilityToggleButtonProps={{ "aria-label": t("auth.showPassword") }}
                  {...form.getInputProps("password")}
                />
                <Button type="submit" loading={busy}>
                  {t("auth.login")}
                </Button>
              </>
            )}
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
