import { Center, Loader } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Fragment, type ReactNode } from "react";
import type { ApiResponse } from "../api/types";
import { api } from "./api";
import { setOrganisationTimeZone } from "./format";

export type OrganisationSettings = ApiResponse<"/api/organisation/settings">;

/** The organisation's settings (time zone), shared by every page. */
export function useOrganisationSettings() {
  return useQuery({
    queryKey: ["organisation", "settings"],
    queryFn: () => api.get<OrganisationSettings>("/api/organisation/settings"),
    staleTime: 5 * 60_000,
  });
}

/**
 * Loads the organisation's settings before the pages render, so every time is formatted in the
 * organisation's zone from the first paint; a changed zone re-renders the pages.
 */
export function OrganisationProvider({ children }: { children: ReactNode }) {
  const settings = useOrganisationSettings();
  if (settings.isLoading) {
    return (
      <Center h="100vh">
        <Loader />
      </Center>
    );
  }
  const zone = settings.data?.timeZone ?? "Asia/Tokyo";
  setOrganisationTimeZone(zone);
  return <Fragment key={zone}>{children}</Fragment>;
}
