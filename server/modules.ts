// The composition of the domain modules: what the shared layers are handed rather than import.
import { authLoaders } from "./auth/auth.loaders.js";
import { caseLoaders } from "./case/case.loaders.js";
import type { LoaderScope, Loaders } from "./request/loaders.js";
import { geographyLoaders } from "./geography/geography.loaders.js";
import { inwonerLoaders } from "./inwoner/inwoner.loaders.js";
import { nazorgLoaders } from "./nazorg/nazorg.loaders.js";
import { networkAgreementLoaders } from "./network-agreement/network-agreement.service.js";
import { offeringLoaders } from "./offering/offering.loaders.js";
import { organizationLoaders } from "./organization/organization.loaders.js";
import { referralLoaders } from "./referral/referral.loaders.js";
import { zorgoverlegLoaders } from "./zorgoverleg/zorgoverleg.loaders.js";
import { User } from "./auth/user.entity.js";
import { CareCase, CaseMember, RegieAssignment } from "./case/case.entity.js";
import { Client } from "./inwoner/client.entity.js";
import { Consent } from "./inwoner/consent.entity.js";
import { Referral, ReferralEvent } from "./referral/referral.entity.js";
import { Gemeente } from "./geography/gemeente.entity.js";
import { NetworkAgreement } from "./network-agreement/network-agreement.entity.js";
import { PostcodeArea } from "./geography/postcode-area.entity.js";
import { Region } from "./geography/region.entity.js";
import { Offering } from "./offering/offering.entity.js";
import { Location } from "./organization/location.entity.js";
import { Organization } from "./organization/organization.entity.js";
import { Agreement, Zorgoverleg, ZorgoverlegInvitee } from "./zorgoverleg/zorgoverleg.entity.js";
import { NazorgContact, RelapseRisk } from "./nazorg/nazorg-contact.entity.js";
import { NazorgPlan, NazorgPlanAdjustment } from "./nazorg/nazorg-plan.entity.js";

/** Every entity of the domain modules, for the DataSource (server/db/data-source.ts). */
export const entities = [
  Region,
  Gemeente,
  PostcodeArea,
  Organization,
  Location,
  Offering,
  User,
  Client,
  CareCase,
  CaseMember,
  RegieAssignment,
  Consent,
  Referral,
  ReferralEvent,
  Zorgoverleg,
  ZorgoverlegInvitee,
  Agreement,
  NazorgPlan,
  NazorgPlanAdjustment,
  NazorgContact,
  RelapseRisk,
  NetworkAgreement,
];

/** Every module's loaders for one request (server/request/loaders.ts). */
export function createLoaders(scope: LoaderScope): Loaders {
  return {
    ...authLoaders(scope),
    ...caseLoaders(scope),
    ...geographyLoaders(scope),
    ...inwonerLoaders(scope),
    ...nazorgLoaders(scope),
    ...networkAgreementLoaders(scope),
    ...offeringLoaders(scope),
    ...organizationLoaders(scope),
    ...referralLoaders(scope),
    ...zorgoverlegLoaders(scope),
  };
}
