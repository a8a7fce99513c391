import { SocialeKaart1763800000000 } from "./1763800000000-SocialeKaart.js";
import { AccountsAndSessions1763900000000 } from "./1763900000000-AccountsAndSessions.js";
import { ClientsCasesAndRegie1764000000000 } from "./1764000000000-ClientsCasesAndRegie.js";
import { Referrals1764100000000 } from "./1764100000000-Referrals.js";
import { CancelDraftReferrals1764150000000 } from "./1764150000000-CancelDraftReferrals.js";
import { Zorgoverleg1764200000000 } from "./1764200000000-Zorgoverleg.js";
import { NazorgPlans1764300000000 } from "./1764300000000-NazorgPlans.js";
import { NetworkAgreements1764400000000 } from "./1764400000000-NetworkAgreements.js";
import { RowLevelSecurity1764600000000 } from "./1764600000000-RowLevelSecurity.js";
import { Retention1764600000001 } from "./1764600000001-Retention.js";
import { RateLimits1764700000000 } from "./1764700000000-RateLimits.js";
import { MailOutbox1764800000000 } from "./1764800000000-MailOutbox.js";
import { FastSearch1764900000000 } from "./1764900000000-FastSearch.js";
import { GemeenteNamesInCounts1765000000000 } from "./1765000000000-GemeenteNamesInCounts.js";
import { SearchVectorChangesCatalog1765100000000 } from "./1765100000000-SearchVectorChangesCatalog.js";
import { ConsentHoldsOnAmsterdamDate1765200000000 } from "./1765200000000-ConsentHoldsOnAmsterdamDate.js";
import { ConsentBoundCaseTeams1765300000000 } from "./1765300000000-ConsentBoundCaseTeams.js";
import { ReferralsAfterConsent1765300000001 } from "./1765300000001-ReferralsAfterConsent.js";
import { AccessLogOncePerRequest1765300000002 } from "./1765300000002-AccessLogOncePerRequest.js";
import { NormalizedEmailAddresses1765400000000 } from "./1765400000000-NormalizedEmailAddresses.js";
import { DirectoryVersion1765500000000 } from "./1765500000000-DirectoryVersion.js";
import { CatalogVersionWithoutWaiting1765600000000 } from "./1765600000000-CatalogVersionWithoutWaiting.js";
import { AccountLifecycle1765700000000 } from "./1765700000000-AccountLifecycle.js";
import { PasswordReset1765800000000 } from "./1765800000000-PasswordReset.js";
import { SecondFactor1765900000000 } from "./1765900000000-SecondFactor.js";
import { SessionEndNotices1766000000000 } from "./1766000000000-SessionEndNotices.js";
import { Passkeys1766050000000 } from "./1766050000000-Passkeys.js";
import { SingleSignOn1766100000000 } from "./1766100000000-SingleSignOn.js";

/** Every migration in order. Listed explicitly so bundling or minifying cannot lose one. */
export const migrations = [
  SocialeKaart1763800000000,
  AccountsAndSessions1763900000000,
  ClientsCasesAndRegie1764000000000,
  Referrals1764100000000,
  CancelDraftReferrals1764150000000,
  Zorgoverleg1764200000000,
  NazorgPlans1764300000000,
  NetworkAgreements1764400000000,
  RowLevelSecurity1764600000000,
  Retention1764600000001,
  RateLimits1764700000000,
  MailOutbox1764800000000,
  FastSearch1764900000000,
  GemeenteNamesInCounts1765000000000,
  SearchVectorChangesCatalog1765100000000,
  ConsentHoldsOnAmsterdamDate1765200000000,
  ConsentBoundCaseTeams1765300000000,
  ReferralsAfterConsent1765300000001,
  AccessLogOncePerRequest1765300000002,
  NormalizedEmailAddresses1765400000000,
  DirectoryVersion1765500000000,
  CatalogVersionWithoutWaiting1765600000000,
  AccountLifecycle1765700000000,
  PasswordReset1765800000000,
  SecondFactor1765900000000,
  SessionEndNotices1766000000000,
  Passkeys1766050000000,
  SingleSignOn1766100000000,
];
