import { Alert, Button, Divider, Stack } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useLocation } from "react-router";
import type { ApiResponse } from "../../api/types";
import { api } from "../../app/api";

export type SsoProviders = ApiResponse<"/api/sso/providers">;

/** The identity providers configured on the server (the login page asks before showing the form). */
export function useSsoProviders() {
  return useQuery({
    queryKey: ["sso", "providers"],
    queryFn: () => api.get<SsoProviders>("/api/sso/providers"),
  });
}

/**
 * "<provider> でサインイン" buttons (full-page navigations to the server, which redirects to the
 * identity provider), and the reason when a sign-in came back refused (?ssoError=code).
 */
export function SsoSignIn({ from, data }: { from: string; data: SsoProviders | undefined }) {
  const { t, i18n } = useTranslation("sso");
  const location = useLocation();
  const code = new URLSearchParams(location.search).get("ssoError");
  const known = code && i18n.exists(`error.${code}`, { ns: "sso" });
  const lang = i18n.language.startsWith("en") ? "en" : "ja";
  return (
    <Stack gap="xs">
      {code ? (
        <Alert color="red" role="alert" title={t("failed")}>
          {known ? t(`error.${code}`) : code}
        </Alert>
      ) : null}
      {data?.providers.map((p) => (
        <Button
          key={p.id}
          component="a"
          variant="default"
          href={`${p.startUrl}?returnTo=${encodeURIComponent(from)}`}
          data-testid={`sso-${p.id}`}
        >
          {t("signInWith", { name: p.displayName[lang] })}
        </Button>
      ))}
      {data && data.providers.length > 0 && data.passwordLogin ? (
        <Divider label={t("or")} labelPosition="center" />
      ) : null}
    </Stack>
  );
}
