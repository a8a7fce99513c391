import { Authorized, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { logReads } from "../access-log/access-log.service.js";
import { Role } from "../auth/role.js";
import { User } from "../auth/user.entity.js";
import type { Context } from "../common/context.js";
import { Organization } from "../organization/organization.entity.js";
import { referralsById } from "../referral/referral.resolver.js";
import {
  awaitingResponseReferralIds,
  unansweredOutgoingReferralIds,
} from "../referral/referral.service.js";
import {
  dueContacts,
  listLimit,
  regieCases,
  regieGaps,
  relapseRiskCases,
} from "./dashboard.service.js";
import { Dashboard, RegieGap } from "./dashboard.types.js";

const teamBasis = "CASE_TEAM";
import { findMyAgreements, isOverdue } from "../zorgoverleg/zorgoverleg.service.js";

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
    const gaps = viewer.roles.includes(Role.REGIO_BEHEERDER) ? await regieGaps(db) : null;
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

  // The lists are read above for their counts as well; each is logged as read only when the
  // query asks for it, before it is returned.

  @FieldResolver()
  async regieCases(@Root() dashboard: Dashboard, @Ctx() { db, viewer }: Context) {
    await logReads(db, viewer!, "CASE", dashboard.regieCases, teamBasis);
    return dashboard.regieCases;
  }

  @FieldResolver()
  async relapseRiskCases(@Root() dashboard: Dashboard, @Ctx() { db, viewer }: Context) {
    await logReads(db, viewer!, "CASE", dashboard.relapseRiskCases, teamBasis);
    return dashboard.relapseRiskCases;
  }

  @FieldResolver()
  async contactsDueThisWeek(@Root() dashboard: Dashboard, @Ctx() { db, viewer }: Context) {
    await logReads(db, viewer!, "NAZORG_CONTACT", dashboard.contactsDueThisWeek, teamBasis);
    return dashboard.contactsDueThisWeek;
  }

  @FieldResolver()
  async contactsOverdue(@Root() dashboard: Dashboard, @Ctx() { db, viewer }: Context) {
    await logReads(db, viewer!, "NAZORG_CONTACT", dashboard.contactsOverdue, teamBasis);
    return dashboard.contactsOverdue;
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
  async openAgreements(@Root() dashboard: Dashboard, @Ctx() { db, viewer }: Context) {
    await logReads(db, viewer!, "AGREEMENT", dashboard.openAgreements, teamBasis);
    return dashboard.openAgreements;
  }

  @FieldResolver()
  async regieGaps(@Root() dashboard: Dashboard, @Ctx() { db, viewer }: Context) {
    if (!dashboard.regieGaps) return null;
    const cases = dashboard.regieGaps.map((gap) => ({ id: gap.caseId, clientId: gap.clientId }));
    await logReads(db, viewer!, "CASE", cases, "REGIO_BEHEER");
    return dashboard.regieGaps;
  }
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
