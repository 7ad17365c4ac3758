import { Alert } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { type Role, useAuth } from "../auth";

/** Shows children only to holders of one of the roles (the server enforces the same rule). */
export function RequireRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const { hasRole } = useAuth();
  const { t } = useTranslation();
  if (!hasRole(...roles)) {
    return (
      <Alert color="yellow" title={t("errors.forbiddenTitle")}>
        {t("errors.forbidden")}
      </Alert>
    );
  }
  return <>{children}</>;
}
