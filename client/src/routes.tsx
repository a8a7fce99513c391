import { lazy, Suspense, type ComponentType, type ReactNode } from "react";
import type { RouteObject } from "react-router";
import { LoginPage } from "./auth/LoginPage";
import { RequireLogin } from "./auth/RequireLogin";
import { OfferingPage } from "./offering/OfferingPage";
import { OrganizationPage } from "./organization/OrganizationPage";
import { routePaths, type RouteName } from "./routePaths";
import { SearchPage } from "./search/SearchPage";
import { Layout, NotFoundPage } from "./shared/Layout";
import { PageLoading } from "./shared/PageStates";

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
const NotificationsPage = lazyPage(
  () => import("./notifications/NotificationsPage"),
  "NotificationsPage",
);
const OpenReferralPage = lazyPage(
  () => import("./open-referral/OpenReferralPage"),
  "OpenReferralPage",
);
const PrivacyPage = lazyPage(() => import("./privacy/PrivacyPage"), "PrivacyPage");
const AccessibilityPage = lazyPage(
  () => import("./accessibility/AccessibilityPage"),
  "AccessibilityPage",
);
const AccountsPage = lazyPage(() => import("./accounts/AccountsPage"), "AccountsPage");
const MyAccountPage = lazyPage(() => import("./accounts/MyAccountPage"), "MyAccountPage");
const InvitationPage = lazyPage(() => import("./accounts/InvitationPage"), "InvitationPage");
const OnboardPartnerPage = lazyPage(
  () => import("./accounts/OnboardPartnerPage"),
  "OnboardPartnerPage",
);
const ForgotPasswordPage = lazyPage(
  () => import("./accounts/ForgotPasswordPage"),
  "ForgotPasswordPage",
);
const PasswordResetPage = lazyPage(
  () => import("./accounts/PasswordResetPage"),
  "PasswordResetPage",
);
const MyAgreementsPage = lazyPage(
  () => import("./zorgoverleg/MyAgreementsPage"),
  "MyAgreementsPage",
);

/** The page of every route in `routePaths`; the type makes a route without a page an error. */
const pages: Record<RouteName, ReactNode> = {
  search: <SearchPage />,
  offering: <OfferingPage />,
  organization: <OrganizationPage />,
  referralWizard: <ReferralWizard />,
  myOrganization: <MyOrganizationPage />,
  offeringEditor: <OfferingEditorPage />,
  organizationEditor: <OrganizationEditorPage />,
  accounts: <AccountsPage />,
  onboardPartner: <OnboardPartnerPage />,
  invitation: <InvitationPage />,
  forgotPassword: <ForgotPasswordPage />,
  passwordReset: <PasswordResetPage />,
  login: <LoginPage />,
  openReferral: <OpenReferralPage />,
  privacy: <PrivacyPage />,
  accessibility: <AccessibilityPage />,
  dashboard: <DashboardPage />,
  cases: <CasesPage />,
  case: <CasePage />,
  referrals: <ReferralsPage />,
  myAgreements: <MyAgreementsPage />,
  nazorgMap: <NazorgMapPage />,
  notifications: <NotificationsPage />,
  myAccount: <MyAccountPage />,
  notFound: <NotFoundPage />,
};

export const routes: RouteObject[] = [
  {
    element: <Layout />,
    children: (Object.keys(routePaths) as RouteName[]).map((name) => {
      const { path, access } = routePaths[name];
      const page = pages[name];
      return { path, element: access === "login" ? <RequireLogin>{page}</RequireLogin> : page };
    }),
  },
];
