import {
  Alert,
  Badge,
  Button,
  Center,
  Code,
  Group,
  Image,
  Paper,
  PasswordInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApiResponse } from "../../api/types";
import { api } from "../../app/api";
import { useAuth } from "../../app/auth";
import { ErrorAlert } from "../../app/components/ErrorAlert";
import { LanguageSwitch } from "../../app/Layout";

type Setup = ApiResponse<"/api/auth/totp/setup", "post">;

/** Recovery codes, shown once after they are made. */
function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation("access");
  return (
    <Alert color="yellow" title={t("setup.recoveryTitle")}>
      <Stack gap="xs">
        <Text size="sm">{t("setup.recoveryHelp")}</Text>
        <SimpleGrid cols={2} spacing={4} data-testid="recovery-codes">
          {codes.map((c) => (
            <Code key={c}>{c}</Code>
          ))}
        </SimpleGrid>
        <Group>
          <Button onClick={onDone}>{t("setup.recoveryDone")}</Button>
        </Group>
      </Stack>
    </Alert>
  );
}

/**
 * Setting up the authenticator app: a QR code drawn by the server (and the key to type), then one
 * code from the app to confirm, then the recovery codes once.
 */
export function SecondFactorSetup({
  onDone,
  needsCurrentCode = false,
}: {
  onDone: () => void;
  needsCurrentCode?: boolean;
}) {
  const { t } = useTranslation("access");
  const [setup, setSetup] = useState<Setup | null>(null);
  const [code, setCode] = useState("");
  const [currentCode, setCurrentCode] = useState("");
  const [codes, setCodes] = useState<string[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  if (codes) return <RecoveryCodes codes={codes} onDone={onDone} />;
  if (!setup)
    return (
      <Stack>
        <ErrorAlert error={error} />
        {needsCurrentCode ? (
          <TextInput
            label={t("setup.currentCode")}
            value={currentCode}
            onChange={(e) => setCurrentCode(e.currentTarget.value)}
            autoComplete="one-time-code"
          />
        ) : null}
        <Group>
          <Button
            loading={busy}
            onClick={async () => {
              setBusy(true);
              setError(null);
              try {
                setSetup(
                  await api.post<Setup>(
                    "/api/auth/totp/setup",
                    needsCurrentCode ? { currentCode: currentCode.trim() } : {},
                  ),
                );
              } catch (e) {
                setError(e);
              } finally {
                setBusy(false);
              }
            }}
          >
            {t("setup.start")}
          </Button>
        </Group>
      </Stack>
    );
  return (
    <form
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        setError(null);
        try {
          const res = await api.post<{ recoveryCodes: string[] }>("/api/auth/totp/confirm", {
            code: code.trim(),
          });
          setCodes(res.recoveryCodes);
          notifications.show({ color: "green", message: t("setup.done") });
        } catch (err) {
          setError(err);
        } finally {
          setBusy(false);
        }
      }}
    >
      <Stack>
        <Text fw={600}>{t("setup.step1")}</Text>
        <Image
          src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(setup.qrSvg)}`}
          alt="QR"
          w={200}
          h={200}
          data-testid="totp-qr"
        />
        <Text size="sm" c="dimmed">
          {t("setup.manual")}
        </Text>
        <Code data-testid="totp-secret">{setup.secret}</Code>
        <Text fw={600}>{t("setup.step2")}</Text>
        <ErrorAlert error={error} />
        <TextInput
          label={t("login.code")}
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={8}
          w={200}
        />
        <Group>
          <Button type="submit" loading={busy}>
            {t("setup.confirm")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The whole screen a user sees when their roles require two-step login and it is not set up yet. */
export function EnrolmentPage() {
  const { t } = useTranslation("access");
  const { t: tc } = useTranslation();
  const { refresh, logout, user } = useAuth();
  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" radius="md" w={520}>
        <Stack>
          <Group justify="space-between">
            <Title order={2}>{t("setup.title")}</Title>
            <LanguageSwitch />
          </Group>
          <Text size="sm" c="dimmed">
            {user?.displayName} ({user?.username})
          </Text>
          <Alert color="blue">{t("setup.requiredIntro")}</Alert>
          <Text size="sm">{t("setup.intro")}</Text>
          <SecondFactorSetup onDone={() => void refresh()} />
          <Group justify="flex-end">
            <Button variant="subtle" onClick={() => void logout()}>
              {tc("auth.logout")}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Center>
  );
}

/** Account page panel: the state of one's second factor and what can be done with it. */
export function SecondFactorPanel() {
  const { t } = useTranslation("access");
  const { secondFactor, refresh } = useAuth();
  const [mode, setMode] = useState<"idle" | "setup" | "replace" | "recovery" | "disable">("idle");
  const [code, setCode] = useState("");
  const [password, setPassword] = useState("");
  const [codes, setCodes] = useState<string[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  if (!secondFactor) return null;
  const finish = () => {
    setMode("idle");
    setCode("");
    setPassword("");
    setCodes(null);
    setError(null);
    void refresh();
  };
  return (
    <Paper withBorder p="md" data-testid="second-factor-panel">
      <Group justify="space-between" mb="sm">
        <Title order={4}>{t("setup.title")}</Title>
        <Group gap="xs">
          {secondFactor.required ? <Badge color="gray">{t("setup.required")}</Badge> : null}
          <Badge color={secondFactor.enabled ? "green" : "red"}>
            {secondFactor.enabled ? t("setup.enabled") : t("setup.disabledState")}
          </Badge>
        </Group>
      </Group>
      {codes ? <RecoveryCodes codes={codes} onDone={finish} /> : null}
      {!codes && !secondFactor.enabled ? (
        <Stack>
          <Text size="sm">{t("setup.intro")}</Text>
          <SecondFactorSetup onDone={finish} />
        </Stack>
      ) : null}
      {!codes && secondFactor.enabled ? (
        <Stack>
          <Text size="sm">{t("setup.recoveryLeft", { count: secondFactor.recoveryCodesLeft })}</Text>
          {mode === "replace" ? <SecondFactorSetup onDone={finish} needsCurrentCode /> : null}
          {mode === "recovery" || mode === "disable" ? (
            <form
              onSubmit={async (e) => {
                e.preventDefault();
                setError(null);
                try {
                  if (mode === "recovery") {
                    const res = await api.post<{ recoveryCodes: string[] }>("/api/auth/totp/recovery-codes", {
                      code: code.trim(),
                    });
                    setCodes(res.recoveryCodes);
                  } else {
                    await api.post("/api/auth/totp/disable", { password, code: code.trim() });
                    finish();
                  }
                } catch (err) {
                  setError(err);
                }
              }}
            >
              <Stack>
                <ErrorAlert error={error} />
                {mode === "disable" ? (
                  <PasswordInput
                    label={t("setup.password")}
                    value={password}
                    onChange={(e) => setPassword(e.currentTarget.value)}
                    autoComplete="current-password"
                  />
                ) : null}
                <TextInput
                  label={t("setup.currentCode")}
                  value={code}
                  onChange={(e) => setCode(e.currentTarget.value)}
                  autoComplete="one-time-code"
                  w={240}
                />
                <Group>
                  <Button type="submit" color={mode === "disable" ? "red" : undefined}>
                    {mode === "disable" ? t("setup.disable") : t("setup.newRecovery")}
                  </Button>
                  <Button variant="default" onClick={finish}>
                    ×
                  </Button>
                </Group>
              </Stack>
            </form>
          ) : null}
          {mode === "idle" ? (
            <Group>
              <Button variant="default" onClick={() => setMode("recovery")}>
                {t("setup.newRecovery")}
              </Button>
              <Button variant="default" onClick={() => setMode("replace")}>
                {t("setup.replace")}
              </Button>
              {secondFactor.required ? null : (
                <Button variant="subtle" color="red" onClick={() => setMode("disable")}>
                  {t("setup.disable")}
                </Button>
              )}
            </Group>
          ) : null}
          {secondFactor.required ? (
            <Text size="xs" c="dimmed">
              {t("setup.cannotDisable")}
            </Text>
          ) : null}
        </Stack>
      ) : null}
    </Paper>
  );
}

/** The second step of the login page: the code from the app (or a recovery code). */
export function LoginCodeForm({
  onSubmit,
  onBack,
  busy,
}: {
  onSubmit: (code: string) => void;
  onBack: () => void;
  busy: boolean;
}) {
  const { t } = useTranslation("access");
  const [code, setCode] = useState("");
  const [missing, setMissing] = useState(false);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (!code.trim()) {
          setMissing(true);
          return;
        }
        onSubmit(code.trim());
      }}
    >
      <Stack>
        <Title order={4}>{t("login.codeTitle")}</Title>
        <Text size="sm">{t("login.codeHelp")}</Text>
        <TextInput
          label={t("login.code")}
          value={code}
          onChange={(e) => {
            setCode(e.currentTarget.value);
            setMissing(false);
          }}
          error={missing ? t("login.codeRequired") : undefined}
          inputMode="text"
          autoComplete="one-time-code"
          autoFocus
          maxLength={24}
        />
        <Button type="submit" loading={busy}>
          {t("login.verify")}
        </Button>
        <Button variant="subtle" onClick={onBack}>
          {t("login.back")}
        </Button>
      </Stack>
    </form>
  );
}
