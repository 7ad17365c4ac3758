import type { Role } from "./auth";

/**
 * The navigation: every module of the product. A module whose issue has not landed yet shows an
 * honest "not yet available" page (`available: false`); its feature folder flips the flag.
 */
export type NavItem = {
  key: string;
  path: string;
  /** i18n key in the `common` namespace, under `nav.` */
  label: string;
  /** Who sees the entry; undefined = every logged-in user. */
  roles?: Role[];
  available: boolean;
};

export const NAV_ITEMS: NavItem[] = [
  { key: "home", path: "/", label: "home", available: true },
  { key: "tasks", path: "/tasks", label: "tasks", available: true },
  {
    key: "screening",
    path: "/screening",
    label: "screening",
    roles: ["unit_officer", "secretariat", "approver", "auditor", "admin"],
    available: true,
  },
  { key: "reviews", path: "/reviews", label: "reviews", available: true },
  {
    key: "export",
    path: "/export",
    label: "export",
    roles: ["unit_officer", "secretariat", "approver", "auditor", "admin"],
    available: true,
  },
  { key: "people", path: "/people", label: "people", available: true },
  { key: "approaches", path: "/approaches", label: "approaches", available: true },
  {
    key: "insider",
    path: "/insider",
    label: "insider",
    roles: ["secretariat", "auditor", "admin"],
    available: true,
  },
  {
    key: "projects",
    path: "/projects",
    label: "projects",
    roles: ["unit_officer", "secretariat", "approver", "auditor", "admin"],
    available: true,
  },
  { key: "cases", path: "/cases", label: "cases", available: true },
  { key: "parties", path: "/parties", label: "parties", available: true },
  { key: "audit", path: "/audit", label: "audit", roles: ["auditor", "admin"], available: true },
  { key: "admin", path: "/admin", label: "admin", roles: ["admin"], available: true },
];
