// Every page of the web client: its path and whether it needs a login. Plain data without
// imports, so the browser tests can check that they visit every route (test/browser/every-route).

export type Access = "public" | "login";

export const routePaths = {
  search: { path: "/", access: "public" },
  offering: { path: "/aanbod/:id", access: "public" },
  organization: { path: "/organisaties/:id", access: "public" },
  referralWizard: { path: "/aanbod/:id/verwijzen", access: "login" },
  myOrganization: { path: "/ons-aanbod", access: "login" },
  offeringEditor: { path: "/ons-aanbod/:id", access: "login" },
  organizationEditor: { path: "/onze-organisatie", access: "login" },
  accounts: { path: "/onze-organisatie/medewerkers", access: "login" },
  onboardPartner: { path: "/ketenpartners/nieuw", access: "login" },
  invitation: { path: "/uitnodiging", access: "public" },
  forgotPassword: { path: "/wachtwoord-vergeten", access: "public" },
  passwordReset: { path: "/nieuw-wachtwoord", access: "public" },
  login: { path: "/inloggen", access: "public" },
  openReferral: { path: "/open-referral", access: "public" },
  privacy: { path: "/privacy", access: "public" },
  accessibility: { path: "/toegankelijkheid", access: "public" },
  dashboard: { path: "/dashboard", access: "login" },
  cases: { path: "/casussen", access: "login" },
  case: { path: "/casussen/:id", access: "login" },
  referrals: { path: "/overdrachten", access: "login" },
  myAgreements: { path: "/afspraken", access: "login" },
  nazorgMap: { path: "/nazorgkaart", access: "login" },
  notifications: { path: "/meldingen", access: "login" },
  myAccount: { path: "/mijn-account", access: "login" },
  notFound: { path: "*", access: "public" },
} as const satisfies Record<string, { path: string; access: Access }>;

export type RouteName = keyof typeof routePaths;
