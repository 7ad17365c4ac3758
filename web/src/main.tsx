import "@mantine/core/styles.css";
import "@mantine/notifications/styles.css";
import "@mantine/dates/styles.css";
import "./app/readable.css";
import "./app/i18n";
import { Center, createTheme, Loader, MantineProvider } from "@mantine/core";
import { ModalsProvider } from "@mantine/modals";
import { Notifications } from "@mantine/notifications";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { createBrowserRouter, Navigate, Outlet, RouterProvider, useLocation } from "react-router";
import { AuthProvider, useAuth } from "./app/auth";
import { Layout } from "./app/Layout";
import { OrganisationProvider } from "./app/organisation";
import { appRoutes } from "./app/routes";
import { EnrolmentPage } from "./features/access/SecondFactor";
import { LoginPage } from "./features/auth/LoginPage";

const theme = createTheme({
  primaryColor: "indigo",
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", "Hiragino Sans", "Hiragino Kaku Gothic ProN", "Noto Sans JP", "Noto Sans CJK JP", "Yu Gothic UI", Meiryo, sans-serif',
  headings: { fontWeight: "700" },
});

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: 1, staleTime: 10_000, refetchOnWindowFocus: false } },
});

/** Sends anonymous visitors to the login page, remembering where they were going. */
function RequireLogin() {
  const { status, secondFactor } = useAuth();
  const location = useLocation();
  if (status === "loading") {
    return (
      <Center h="100vh">
        <Loader />
      </Center>
    );
  }
  if (status === "anonymous")
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  // Roles that require two-step login see nothing else until it is set up.
  if (secondFactor?.enrolmentRequired) return <EnrolmentPage />;
  return (
    <OrganisationProvider>
      <Outlet />
    </OrganisationProvider>
  );
}

const router = createBrowserRouter([
  { path: "/login", element: <LoginPage /> },
  { element: <RequireLogin />, children: [{ element: <Layout />, children: appRoutes }] },
]);

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <MantineProvider theme={theme}>
      <Notifications position="top-right" />
      <ModalsProvider>
        <QueryClientProvider client={queryClient}>
          <AuthProvider>
            <RouterProvider router={router} />
          </AuthProvider>
        </QueryClientProvider>
      </ModalsProvider>
    </MantineProvider>
  </StrictMode>,
);
