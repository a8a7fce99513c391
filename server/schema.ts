import "reflect-metadata";
import type { GraphQLSchema } from "graphql";
import { buildSchema, type PubSub } from "type-graphql";
import { AccessLogResolver } from "./inwoner/client-access-log.resolver.js";
import { authChecker } from "./auth/auth-checker.js";
import { validateInput } from "./common/input-validation.js";
import { AccountResolver } from "./auth/account.resolver.js";
import { SecondFactorResolver } from "./auth/second-factor.resolver.js";
import { AuthResolver } from "./auth/auth.resolver.js";
import { CaseMemberResolver, CaseResolver, RegieAssignmentResolver } from "./case/case.resolver.js";
import { ClientResolver, ConsentResolver } from "./inwoner/client.resolver.js";
import {
  CaseReferralsResolver,
  ReferralEventResolver,
  ReferralResolver,
} from "./referral/referral.resolver.js";
import {
  GemeenteResolver,
  PostcodeAreaResolver,
  RegionResolver,
} from "./geography/geography.resolver.js";
import { NazorgMapResolver } from "./nazorg-map/nazorg-map.resolver.js";
import { NetworkAgreementResolver } from "./network-agreement/network-agreement.resolver.js";
import { OfferingResolver, OrganizationOfferingsResolver } from "./offering/offering.resolver.js";
import { OrganizationResolver } from "./organization/organization.resolver.js";
import { LocationResolver } from "./offering/location.resolver.js";
import { TaxonomyResolver } from "./labels.resolver.js";
import {
  AgreementResolver,
  CaseMemberWorkersResolver,
  CaseZorgoverlegResolver,
  RegieZorgoverlegResolver,
  ZorgoverlegInviteeResolver,
  ZorgoverlegResolver,
} from "./zorgoverleg/zorgoverleg.resolver.js";
import {
  CaseNazorgResolver,
  NazorgContactResolver,
  NazorgPlanAdjustmentResolver,
  NazorgPlanResolver,
  RelapseRiskResolver,
} from "./nazorg/nazorg.resolver.js";
import { DashboardResolver, RegieGapResolver } from "./dashboard/dashboard.resolver.js";
import { PrivacyResolver } from "./privacy/privacy.resolver.js";
import { createChangeFeed } from "./live/change-feed.js";
import { LiveResolver } from "./live/live.resolver.js";
import { NotificationSettingsResolver } from "./mail/notification-settings.resolver.js";
import { SingleSignOnResolver } from "./single-sign-on/single-sign-on.resolver.js";

/** `pubSub` feeds the subscriptions; the default one, connected to nothing, serves the SDL. */
export function buildKetenkaartSchema(
  pubSub: PubSub = createChangeFeed().pubSub,
): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [
      TaxonomyResolver,
      RegionResolver,
      GemeenteResolver,
      PostcodeAreaResolver,
      OrganizationResolver,
      LocationResolver,
      OfferingResolver,
      OrganizationOfferingsResolver,
      AuthResolver,
      AccountResolver,
      SecondFactorResolver,
      CaseResolver,
      CaseMemberResolver,
      RegieAssignmentResolver,
      ClientResolver,
      ConsentResolver,
      ReferralResolver,
      ReferralEventResolver,
      CaseReferralsResolver,
      AccessLogResolver,
      ZorgoverlegResolver,
      ZorgoverlegInviteeResolver,
      AgreementResolver,
      CaseZorgoverlegResolver,
      RegieZorgoverlegResolver,
      CaseMemberWorkersResolver,
      NazorgPlanResolver,
      NazorgPlanAdjustmentResolver,
      NazorgContactResolver,
      RelapseRiskResolver,
      CaseNazorgResolver,
      DashboardResolver,
      RegieGapResolver,
      NetworkAgreementResolver,
      NazorgMapResolver,
      PrivacyResolver,
      LiveResolver,
      NotificationSettingsResolver,
      SingleSignOnResolver,
    ],
    authChecker,
    pubSub,
    // class-validator on every input (common/input-validation.ts).
    validateFn: validateInput,
  });
}
