import "@utrecht/component-library-css/dist/index.css";
import "@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css";
import "./styles.css";
import { ApolloClient, ApolloLink, InMemoryCache } from "@apollo/client";
import { ApolloProvider } from "@apollo/client/react";
import { relayStylePagination } from "@apollo/client/utilities";
import { lazy, StrictMode, Suspense, type ComponentType } from "react";
import { createRoot } from "react-dom/client";
import { createBrowserRouter, RouterProvider } from "react-router";
import { LoginPage } from "./auth/LoginPage";
import { RequireLogin } from "./auth/RequireLogin";
import { sessionExpiredLink } from "./auth/SessionExpiry";
import { Layout, NotFoundPage } from "./shared/Layout";
import { OfferingPage } from "./offering/OfferingPage";
import { OrganizationPage } from "./organization/OrganizationPage";
import { SearchPage } from "./search/SearchPage";
import { PageLoading } from "./shared/PageStates";
import { createApolloLink } from "./live/link";

// Only the public search loads up front; every other page is its own chunk, loaded on first use.
function lazyPage<M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M) {
  const Page = lazy(async () => ({ default: (await load())[name] as ComponentType }));
  return function LazyPage() {
    return (
      <Suspense fallback={<PageLoading />}>
        <Page />
      </Suspense>
    );
  };
}
const CasePage = lazyPage(() => import("./cases/CasePage"), "CasePage");
const CasesPage = lazyPage(() => import("./cases/CasesPage"), "CasesPage");
const DashboardPage = lazyPage(() => import("./dashboard/DashboardPage"), "DashboardPage");
const ReferralsPage = lazyPage(() => import("./referrals/ReferralsPage"), "ReferralsPage");
const ReferralWizard = lazyPage(() => import("./referrals/ReferralWizard"), "ReferralWizard");
const MyOrganizationPage = lazyPage(
  () => import("./partner/MyOrganizationPage"),
  "MyOrganizationPage",
);
const OfferingEditorPage = lazyPage(
  () => import("./partner/OfferingEditorPage"),
  "OfferingEditorPage",
);
const OrganizationEditorPage = lazyPage(
  () => import("./partner/OrganizationEditorPage"),
  "OrganizationEditorPage",
);
const NazorgMapPage = lazyPage(() => import("./nazorg-map/NazorgMapPage"), "NazorgMapPage");
const OpenReferralPage = lazyPage(
  () => import("./open-referral/OpenReferralPage"),
  "OpenReferralPage",
);
const PrivacyPage = lazyPage(() => import("./privacy/PrivacyPage"), "PrivacyPage");
const NotificationsPage = lazyPage(
  () => import("./notifications/NotificationsPage"),
  "NotificationsPage",
);
const MyAgreementsPage = lazyPage(
  () => import("./zorgoverleg/MyAgreementsPage"),
  "MyAgreementsPage",
);

const client: ApolloClient = new ApolloClient({
  link: ApolloLink.from([
    sessionExpiredLink(
      () => client,
      (to) => router.navigate(to),
    ),
    createApolloLink(),
  ]),
  cache: new InMemoryCache({
    typePolicies: {
      // "Meer laden" appends the next page of the same search.
      Query: { fields: { offerings: relayStylePagination(["search"]) } },
      Taxonomy: { merge: true },
    },
  }),
});

const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { path: "/", element: <SearchPage /> },
      { path: "/aanbod/:id", element: <OfferingPage /> },
      { path: "/organisaties/:id", element: <OrganizationPage /> },
      {
        path: "/aanbod/:id/verwijzen",
        element: (
          <RequireLogin>
            <ReferralWizard />
          </RequireLogin>
        ),
      },
      {
        path: "/ons-aanbod",
        element: (
          <RequireLogin>
            <MyOrganizationPage />
          </RequireLogin>
        ),
      },
      {
        path: "/ons-aanbod/:id",
        element: (
          <RequireLogin>
            <OfferingEditorPage />
          </RequireLogin>
        ),
      },
      {
        path: "/onze-organisatie",
        element: (
          <RequireLogin>
            <OrganizationEditorPage />
          </RequireLogin>
        ),
      },
      { path: "/inloggen", element: <LoginPage /> },
      { path: "/open-referral", element: <OpenReferralPage /> },
      { path: "/privacy", element: <PrivacyPage /> },
      {
        path: "/dashboard",
        element: (
          <RequireLogin>
            <DashboardPage />
          </RequireLogin>
        ),
      },
      {
        path: "/casussen",
        element: (
          <RequireLogin>
            <CasesPage />
          </RequireLogin>
        ),
      },
      {
        path: "/casussen/:id",
        element: (
          <RequireLogin>
            <CasePage />
          </RequireLogin>
        ),
      },
      {
        path: "/overdrachten",
        element: (
          <RequireLogin>
            <ReferralsPage />
          </RequireLogin>
        ),
      },
      {
        path: "/afspraken",
        element: (
          <RequireLogin>
            <MyAgreementsPage />
          </RequireLogin>
        ),
      },
      {
        path: "/nazorgkaart",
        element: (
          <RequireLogin>
            <NazorgMapPage />
          </RequireLogin>
        ),
      },
      {
        path: "/meldingen",
        element: (
          <RequireLogin>
            <NotificationsPage />
          </RequireLogin>
        ),
      },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
]);

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <ApolloProvider client={client}>
      <RouterProvider router={router} />
    </ApolloProvider>
  </StrictMode>,
);
