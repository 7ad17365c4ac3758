import { Badge, Group, type MantineSize, Tooltip } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import type { ApiResponse } from "../../api/types";
import { api } from "../api";
import { bi } from "../format";

/** The red-flag catalogue (R-, P-, A, I- ids with their titles), loaded once and shared. */
export function useRedFlagCatalogue() {
  return useQuery({
    // Same key as the case library's list, so the two share one request.
    queryKey: ["cases", "flags"],
    queryFn: () => api.get<ApiResponse<"/api/red-flags">>("/api/red-flags"),
    staleTime: 60_000,
  });
}

/** A flag id's title in the UI language ("制裁・規制リストとの一致" for R-LIST-HIT); the id when unknown. */
export function useRedFlagTitle(): (id: string) => string {
  const catalogue = useRedFlagCatalogue();
  return (id) => bi(catalogue.data?.items.find((f) => f.id === id)?.title) || id;
}

/**
 * Red flags as readable chips: the title a person reads, the id (R-LIST-HIT, I-PRO-NETWORK…) in the
 * tooltip and in `data-flag-id` for whoever needs it. Chips never truncate (see readable.css).
 */
export function RedFlagChips({
  ids,
  size = "sm",
  color = "gray",
  link = false,
}: {
  ids: readonly string[];
  size?: MantineSize;
  color?: string;
  /** Each chip opens the flag's page in the case library. */
  link?: boolean;
}) {
  const title = useRedFlagTitle();
  const unique = [...new Set(ids)];
  if (unique.length === 0) return null;
  return (
    <Group gap={4} data-testid="red-flag-chips">
      {unique.map((id) => {
        const common = {
          size,
          variant: "light",
          color,
          tt: "none",
          "data-flag-id": id,
          "data-testid": "red-flag-chip",
        } as const;
        return (
          <Tooltip key={id} label={id} withArrow>
            {link ? (
              <Badge {...common} component={Link} to={`/cases/flags/${encodeURIComponent(id)}`}>
                {title(id)}
              </Badge>
            ) : (
              <Badge {...common}>{title(id)}</Badge>
            )}
          </Tooltip>
        );
      })}
    </Group>
  );
}
