import { Alert, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** The honest placeholder for a module whose work has not landed yet. */
export function NotYetAvailable({ module }: { module: string }) {
  const { t } = useTranslation();
  return (
    <Stack maw={720}>
      <Title order={2}>{t(`nav.${module}`)}</Title>
      <Alert color="gray" title={t("notYetAvailable.title")}>
        <Text>{t("notYetAvailable.body")}</Text>
        <Text mt="sm" c="dimmed">
          {t(`notYetAvailable.plans.${module}`)}
        </Text>
      </Alert>
    </Stack>
  );
}
