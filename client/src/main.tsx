import "@utrecht/component-library-css/dist/index.css";
import "@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css";
import "./styles.css";
import { ApolloClient, HttpLink, InMemoryCache } from "@apollo/client";
import { ApolloProvider } from "@apollo/client/react";
import { relayStylePagination } from "@apollo/client/utilities";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { createBrowserRouter, RouterProvider } from "react-router";
import { LoginPage } from "./auth/LoginPage";
import { RequireLogin } from "./auth/RequireLogin";
import { CasePage } from "./cases/CasePage";
import { CasesPage } from "./cases/CasesPage";
import { DashboardPage } from "./dashboard/DashboardPage";
import { ReferralsPage } from "./referrals/ReferralsPage";
import { ReferralWizard } from "./referrals/ReferralWizard";
import { MyOrganizationPage } from "./partner/MyOrganizationPage";
import { OfferingEditorPage } from "./partner/OfferingEditorPage";
import { OrganizationEditorPage } from "./partner/OrganizationEditorPage";
import { Layout, NotFoundPage } from "./shared/Layout";
import { NazorgMapPage } from "./nazorg-map/NazorgMapPage";
import { OfferingPage } from "./offering/OfferingPage";
import { OpenReferralPage } from "./open-referral/OpenReferralPage";
import { PrivacyPage } from "./privacy/PrivacyPage";
import { OrganizationPage } from "./organization/OrganizationPage";
import { SearchPage } from "./search/SearchPage";
import { MyAgreementsPage } from "./zorgoverleg/MyAgreementsPage";

const client = new ApolloClient({
  link: new HttpLink({ uri: "/graphql" }),
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
