import { Anchor, Loader, Select, type SelectProps, Text } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ApiResponse } from "../../api/types";
import { api, qs } from "../api";

/**
 * Picks a review by what people know of it — its reference (RV-2026-0003), title or applicant —
 * instead of asking for its UUID. Searches the server as you type.
 */
export function ReviewPicker({
  value,
  onChange,
  exclude = [],
  ...rest
}: Omit<SelectProps, "data" | "value" | "onChange" | "searchable" | "onSearchChange"> & {
  value: string | null;
  onChange: (id: string | null) => void;
  /** Reviews already chosen (not offered again). */
  exclude?: string[];
}) {
  const { t } = useTranslation("office");
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search, 250);
  const found = useQuery({
    queryKey: ["reviews", "pick", debounced],
    queryFn: () =>
      api.get<ApiResponse<"/api/reviews">>(`/api/reviews${qs({ scope: "all", q: debounced, pageSize: 10 })}`),
    enabled: debounced.trim().length >= 1,
  });
  const items = (found.data?.items ?? []).filter((r) => !exclude.includes(r.id) || r.id === value);
  return (
    <Select
      searchable
      clearable
      placeholder={t("pickers.review.placeholder")}
      nothingFoundMessage={debounced.trim() ? t("pickers.review.none") : t("pickers.review.type")}
      rightSection={found.isFetching ? <Loader size="xs" /> : undefined}
      filter={({ options }) => options}
      {...rest}
      data={items.map((r) => ({ value: r.id, label: `${r.refNo} ${r.title}（${r.applicantName}）` }))}
      value={value}
      onChange={onChange}
      searchValue={search}
      onSearchChange={setSearch}
    />
  );
}

/** A linked review shown by its reference and title (the id stays in the link). */
export function ReviewRef({ id }: { id: string }) {
  const review = useQuery({
    queryKey: ["review", id],
    queryFn: () => api.get<ApiResponse<"/api/reviews/{id}">>(`/api/reviews/${id}`),
    staleTime: 60_000,
  });
  return (
    <Anchor component={Link} to={`/reviews/${id}`} size="sm" title={id} data-testid="review-ref">
      {review.data ? (
        `${review.data.refNo} ${review.data.title}`
      ) : (
        <Text span size="sm" c="dimmed">
          …
        </Text>
      )}
    </Anchor>
  );
}
