import { Authorized, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { Role } from "../security/viewer.js";
import { User } from "../auth/user.entity.js";
import type { Context } from "../request/context.js";
import { Organization } from "../organization/organization.entity.js";
import { referralsById } from "../referral/referral.resolver.js";
import {
  dueContacts,
  listLimit,
  regieCases,
  regieGaps,
  relapseRiskCases,
} from "./dashboard.service.js";
import { Dashboard, RegieGap } from "./dashboard.types.js";

import { findMyAgreements, isOverdue } from "../zorgoverleg/zorgoverleg.service.js";
import { agreementsRead } from "../zorgoverleg/zorgoverleg.resolver.js";
import {
  awaitingResponseReferralIds,
  unansweredOutgoingReferralIds,
} from "../referral/referral.queries.js";

@Resolver(() => Dashboard)
export class DashboardResolver {
  @Authorized()
  @Query(() => Dashboard, {
    description: "Het dagelijkse werk: aantallen en lijsten voor de medewerker en de organisatie",
  })
  async dashboard(@Ctx() context: Context): Promise<Dashboard> {
    const { db, config } = context;
    const viewer = context.viewer!;
    const regie = await regieCases(db, viewer);
    const risk = await relapseRiskCases(db, viewer);
    const dueThisWeek = await dueContacts(db, viewer, config.nazorgContactGraceDays, "dueThisWeek");
    const overdue = await dueContacts(db, viewer, config.nazorgContactGraceDays, "overdue");
    const awaiting = await awaitingResponseReferralIds(db, viewer, listLimit);
    const outgoing = await unansweredOutgoingReferralIds(db, viewer, listLimit);
    const agreements = await findMyAgreements(db, viewer);
    const gaps = viewer.roles.includes(Role.REGIO_BEHEERDER) ? await regieGaps(db, null) : null;
    return {
      regieCaseCount: regie.total,
      regieCases: regie.rows,
      relapseRiskCaseCount: risk.total,
      relapseRiskCases: risk.rows,
      contactsDueThisWeekCount: dueThisWeek.total,
      contactsDueThisWeek: dueThisWeek.rows,
      contactsOverdueCount: overdue.total,
      contactsOverdue: overdue.rows,
      referralsAwaitingResponseCount: awaiting.total,
      referralIdsAwaitingResponse: awaiting.ids,
      outgoingReferralsOverdueCount: outgoing.total,
      outgoingReferralIdsOverdue: outgoing.ids,
      openAgreementCount: agreements.length,
      overdueAgreementCount: agreements.filter((agreement) => isOverdue(agreement)).length,
      openAgreements: agreements.slice(0, listLimit),
      regieGapCount: gaps?.total ?? null,
      regieGaps: gaps?.rows ?? null,
    };
  }

  // The lists are read above for their counts. A list the query asks for is read again, by
  // the ids found, with each item logged by the statement that reads it: what is logged is
  // exactly what is shown, and an item on two lists (or elsewhere in the request) is read and
  // logged once.

  @FieldResolver()
  regieCases(@Root() dashboard: Dashboard, @Ctx() { loaders }: Context) {
    return present(loaders.caseRead.loadMany(dashboard.regieCases.map((c) => c.id)));
  }

  @FieldResolver()
  relapseRiskCases(@Root() dashboard: Dashboard, @Ctx() { loaders }: Context) {
    return present(loaders.caseRead.loadMany(dashboard.relapseRiskCases.map((c) => c.id)));
  }

  @FieldResolver()
  contactsDueThisWeek(@Root() dashboard: Dashboard, @Ctx() { loaders }: Context) {
    return present(
      loaders.nazorgContactRead.loadMany(dashboard.contactsDueThisWeek.map((c) => c.id)),
    );
  }

  @FieldResolver()
  contactsOverdue(@Root() dashboard: Dashboard, @Ctx() { loaders }: Context) {
    return present(loaders.nazorgContactRead.loadMany(dashboard.contactsOverdue.map((c) => c.id)));
  }

  @FieldResolver()
  referralsAwaitingResponse(@Root() dashboard: Dashboard, @Ctx() context: Context) {
    return referralsById(context, dashboard.referralIdsAwaitingResponse, "CONSENT");
  }

  @FieldResolver()
  outgoingReferralsOverdue(@Root() dashboard: Dashboard, @Ctx() context: Context) {
    return referralsById(context, dashboard.outgoingReferralIdsOverdue, "CASE_TEAM");
  }

  @FieldResolver()
  openAgreements(@Root() dashboard: Dashboard, @Ctx() context: Context) {
    return agreementsRead(context, dashboard.openAgreements);
  }

  @FieldResolver()
  async regieGaps(@Root() dashboard: Dashboard, @Ctx() { db, viewer }: Context) {
    if (!dashboard.regieGaps) return null;
    return (await regieGaps(db, viewer!)).rows;
  }
}

/** What a loader found, in the order asked, leaving out what the viewer may not see. */
async function present<T>(loaded: Promise<Array<T | null | Error>>): Promise<T[]> {
  return (await loaded).filter((item): item is T => item !== null && !(item instanceof Error));
}

@Resolver(() => RegieGap)
export class RegieGapResolver {
  @FieldResolver(() => Organization, { description: "De organisatie die nu de regie heeft" })
  holderOrganization(@Root() gap: RegieGap, @Ctx() { loaders }: Context) {
    return loaders.organizationById.load(gap.holderOrganizationId);
  }

  @FieldResolver(() => User, { nullable: true, description: "De casemanager met de regie" })
  holderUser(@Root() gap: RegieGap, @Ctx() { loaders }: Context) {
    return gap.holderUserId ? loaders.userById.load(gap.holderUserId) : null;
  }
}
