import { Alert, List, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { bi } from "../../app/format";

/**
 * Why the current user may not approve a review (four-eyes principle): shown on the review page in
 * place of the approve buttons, with the server's reasons in the user's language.
 */
export function SeparationNotice({
  separation,
}: {
  separation: { approvalBlocked: boolean; reasons: { ja: string; en: string }[] } | undefined;
}) {
  const { t } = useTranslation("access");
  if (!separation?.approvalBlocked) return null;
  return (
    <Alert color="orange" title={t("sod.title")} data-testid="separation-of-duties">
      <List size="sm">
        {separation.reasons.map((r) => (
          <List.Item key={r.en}>{bi(r)}</List.Item>
        ))}
      </List>
      <Text size="sm" mt="xs">
        {t("sod.help")}
      </Text>
    </Alert>
  );
}
