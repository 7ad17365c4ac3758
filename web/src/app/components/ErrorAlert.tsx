import { Alert } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api";

/** Shows an error from the server (already in the user's language) or a generic one. */
export function ErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const message = error instanceof ApiError || error instanceof Error ? error.message : t("errors.unknown");
  return (
    <Alert color="red" title={t("errors.title")} role="alert">
      {message}
    </Alert>
  );
}
