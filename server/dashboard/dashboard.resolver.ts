import { Authorized, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
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
import { isOverdue, myAgreements } from "../zorgoverleg/zorgoverleg.service.js";

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
    const agreements = await myAgreements(db, viewer);
    const gaps = viewer.roles.includes(Role.REGIO_BEHEERDER) ? await regieGaps(db, viewer) : null;
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
      referralsAwaitingResponse: await referralsById(context, awaiting.ids),
      outgoingReferralsOverdueCount: outgoing.total,
      outgoingReferralsOverdue: await referralsById(context, outgoing.ids),
      openAgreementCount: agreements.length,
      overdueAgreementCount: agreements.filter((agreement) => isOverdue(agreement)).length,
      openAgreements: agreements.slice(0, listLimit),
      regieGapCount: gaps?.total ?? null,
      regieGaps: gaps?.rows ?? null,
    };
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
