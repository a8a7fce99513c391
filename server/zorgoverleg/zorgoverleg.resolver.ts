import {
  Arg,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Mutation,
  Query,
  Resolver,
  Root,
} from "type-graphql";
import { User } from "../auth/user.entity.js";
import { basesWithAccess, CareCase, CaseMember, RegieAssignment } from "../case/case.entity.js";
import { caseNotFound } from "../case/case.policy.js";
import type { Context } from "../request/context.js";
import { Organization } from "../organization/organization.entity.js";
import { Agreement, Zorgoverleg, ZorgoverlegInvitee } from "./zorgoverleg.entity.js";
import {
  RecordZorgoverlegInput,
  ScheduleZorgoverlegInput,
  SetAgreementStatusInput,
} from "./zorgoverleg.inputs.js";
import { findZorgoverlegOfTeam, zorgoverlegNotFound } from "./zorgoverleg.policy.js";
import {
  isOverdue,
  findMyAgreements,
  recordZorgoverleg,
  scheduleZorgoverleg,
  setAgreementStatus,
} from "./zorgoverleg.service.js";

/** A zorgoverleg of the viewer's case team, logged as read by the statement that reads it. */
async function readZorgoverleg(context: Context, id: string): Promise<Zorgoverleg | null> {
  const meeting = await findZorgoverlegOfTeam(context.db, context.viewer!, id);
  return meeting ? context.loaders.zorgoverlegRead.load(meeting.id) : null;
}

/** These agreements (of the viewer's teams), in this order, each logged as read. */
export async function agreementsRead(
  context: Context,
  agreements: ReadonlyArray<{ id: string }>,
): Promise<Agreement[]> {
  const read = await context.loaders.agreementRead.loadMany(agreements.map((a) => a.id));
  return read.filter((a): a is Agreement => a instanceof Agreement);
}

// Every nested field checks the case team again: a zorgoverleg or agreement reached through
// any path must not open case data to an organisation outside the team.
async function assertTeam(context: Context, caseId: string): Promise<void> {
  if (!(await context.loaders.isCaseMember.load(caseId))) throw zorgoverlegNotFound();
}

/**
 * A zorgoverleg reached through another object of its case (an agreement, a regie decision):
 * the team only, and logged as read by the statement that reads it.
 */
async function linkedZorgoverleg(
  context: Context,
  id: string,
  caseId: string,
): Promise<Zorgoverleg | null> {
  if (!context.viewer) return null;
  await assertTeam(context, caseId);
  return context.loaders.zorgoverlegRead.load(id);
}

@Resolver(() => Zorgoverleg)
export class ZorgoverlegResolver {
  @Authorized()
  @Query(() => Zorgoverleg, {
    nullable: true,
    description: "Een zorgoverleg van een casus van het eigen casusteam",
  })
  zorgoverleg(@Arg("id", () => ID) id: string, @Ctx() context: Context) {
    return readZorgoverleg(context, id);
  }

  @Authorized()
  @Query(() => [Agreement], {
    description:
      "Mijn afspraken: open afspraken van mij of (zonder medewerker) van mijn organisatie, over alle casussen; te laat eerst, dan op datum",
  })
  async myAgreements(@Ctx() context: Context): Promise<Agreement[]> {
    return agreementsRead(context, await findMyAgreements(context.db, context.viewer!));
  }

  @Authorized()
  @Mutation(() => Zorgoverleg, {
    description:
      "Plan een zorgoverleg; een organisatie buiten het casusteam doet mee op toestemming van de inwoner",
  })
  async scheduleZorgoverleg(
    @Arg("input") input: ScheduleZorgoverlegInput,
    @Ctx() context: Context,
  ) {
    return readZorgoverleg(context, await scheduleZorgoverleg(context.db, context.viewer!, input));
  }

  @Authorized()
  @Mutation(() => Zorgoverleg, {
    description:
      "Leg een gehouden zorgoverleg vast: samenvatting, communicatieafspraak, afspraken en het regiebesluit",
  })
  async recordZorgoverleg(@Arg("input") input: RecordZorgoverlegInput, @Ctx() context: Context) {
    await recordZorgoverleg(context.db, context.viewer!, input);
    return readZorgoverleg(context, input.zorgoverlegId);
  }

  @Authorized()
  @Mutation(() => Agreement, {
    description: "Vink een afspraak af (of laat haar vervallen); door de eigen organisatie",
  })
  async setAgreementStatus(
    @Arg("input") input: SetAgreementStatusInput,
    @Ctx() { db, viewer }: Context,
  ): Promise<Agreement | null> {
    await setAgreementStatus(db, viewer!, input);
    return db.getRepository(Agreement).findOneBy({ id: input.agreementId });
  }

  @FieldResolver(() => [ZorgoverlegInvitee], { description: "Wie is uitgenodigd" })
  async invitees(
    @Root() meeting: Zorgoverleg,
    @Ctx() context: Context,
  ): Promise<ZorgoverlegInvitee[]> {
    await assertTeam(context, meeting.caseId);
    return context.loaders.inviteesByZorgoverlegId.load(meeting.id);
  }

  @FieldResolver(() => [Agreement], { description: "De afspraken, in de volgorde van het verslag" })
  async agreements(@Root() meeting: Zorgoverleg, @Ctx() context: Context): Promise<Agreement[]> {
    await assertTeam(context, meeting.caseId);
    return context.loaders.agreementsByZorgoverlegId.load(meeting.id);
  }

  @FieldResolver(() => RegieAssignment, {
    nullable: true,
    description: "Het regiebesluit van dit overleg, als de regie overging",
  })
  async regieDecision(
    @Root() meeting: Zorgoverleg,
    @Ctx() context: Context,
  ): Promise<RegieAssignment | null> {
    await assertTeam(context, meeting.caseId);
    return context.loaders.regieDecisionByZorgoverlegId.load(meeting.id);
  }

  @FieldResolver(() => Organization, { description: "De organisatie die het overleg plande" })
  organizer(@Root() meeting: Zorgoverleg, @Ctx() { loaders }: Context) {
    return loaders.organizationById.load(meeting.scheduledByOrganizationId);
  }

  @FieldResolver(() => User, { description: "Wie het overleg plande" })
  scheduledBy(@Root() meeting: Zorgoverleg, @Ctx() { loaders }: Context) {
    return loaders.userById.load(meeting.scheduledByUserId);
  }

  @FieldResolver(() => User, { nullable: true, description: "Wie het verslag vastlegde" })
  recordedBy(@Root() meeting: Zorgoverleg, @Ctx() { loaders }: Context) {
    return meeting.recordedByUserId ? loaders.userById.load(meeting.recordedByUserId) : null;
  }

  @FieldResolver(() => String, {
    description: "De uitnodiging voor de agenda (.ics), met dezelfde sessie te downloaden",
  })
  invitationUrl(@Root() meeting: Zorgoverleg): string {
    return `/zorgoverleg/${meeting.id}/uitnodiging.ics`;
  }
}

@Resolver(() => ZorgoverlegInvitee)
export class ZorgoverlegInviteeResolver {
  @FieldResolver(() => Organization)
  organization(@Root() invitee: ZorgoverlegInvitee, @Ctx() { loaders }: Context) {
    return loaders.organizationById.load(invitee.organizationId);
  }

  @FieldResolver(() => User, { nullable: true })
  user(@Root() invitee: ZorgoverlegInvitee, @Ctx() { loaders }: Context) {
    return invitee.userId ? loaders.userById.load(invitee.userId) : null;
  }
}

@Resolver(() => Agreement)
export class AgreementResolver {
  @FieldResolver(() => Organization, { description: "De organisatie die de afspraak uitvoert" })
  ownerOrganization(@Root() agreement: Agreement, @Ctx() { loaders }: Context) {
    return loaders.organizationById.load(agreement.ownerOrganizationId);
  }

  @FieldResolver(() => User, { nullable: true, description: "De medewerker, als die genoemd is" })
  ownerUser(@Root() agreement: Agreement, @Ctx() { loaders }: Context) {
    return agreement.ownerUserId ? loaders.userById.load(agreement.ownerUserId) : null;
  }

  @FieldResolver(() => Boolean, { description: "Open en de datum is voorbij" })
  isOverdue(@Root() agreement: Agreement): boolean {
    return isOverdue(agreement);
  }

  @FieldResolver(() => Zorgoverleg, { description: "Het overleg waarin dit is afgesproken" })
  async zorgoverleg(@Root() agreement: Agreement, @Ctx() context: Context): Promise<Zorgoverleg> {
    const meeting = await linkedZorgoverleg(context, agreement.zorgoverlegId, agreement.caseId);
    if (!meeting) throw zorgoverlegNotFound();
    return meeting;
  }
}

@Resolver(() => CareCase)
export class CaseZorgoverlegResolver {
  @FieldResolver(() => [Zorgoverleg], { description: "De zorgoverleggen, nieuwste eerst" })
  async zorgoverleggen(
    @Root() careCase: CareCase,
    @Ctx() context: Context,
  ): Promise<Zorgoverleg[]> {
    if (!context.viewer || !(await context.loaders.isCaseMember.load(careCase.id))) {
      throw caseNotFound();
    }
    return context.loaders.zorgoverleggenReadByCaseId.load(careCase.id);
  }
}

@Resolver(() => RegieAssignment)
export class RegieZorgoverlegResolver {
  @FieldResolver(() => Zorgoverleg, {
    nullable: true,
    description: "Het zorgoverleg waarin tot deze regie besloten is",
  })
  zorgoverleg(
    @Root() assignment: RegieAssignment,
    @Ctx() context: Context,
  ): Promise<Zorgoverleg | null> | null {
    return assignment.zorgoverlegId
      ? linkedZorgoverleg(context, assignment.zorgoverlegId, assignment.caseId)
      : null;
  }
}

@Resolver(() => CaseMember)
export class CaseMemberWorkersResolver {
  @FieldResolver(() => [User], {
    description:
      "Wie van deze organisatie een afspraak of de regie kan krijgen: van de eigen organisatie alle medewerkers, van een andere haar contactpersonen in deze casus",
  })
  async workers(@Root() member: CaseMember, @Ctx() context: Context): Promise<User[]> {
    const { loaders, viewer } = context;
    if (!viewer || !(await loaders.isCaseMember.load(member.caseId))) throw caseNotFound();
    if (member.organizationId === viewer.organizationId) {
      return loaders.activeUsersByOrganizationId.load(member.organizationId);
    }
    // Another organisation's accounts are not the team's to browse: only the workers of it who
    // are named on this case or acted on it, and none once it may no longer see the case.
    const bases = await loaders.teamBasesByCaseId.load(member.caseId);
    const basis = bases.find((b) => b.organizationId === member.organizationId)?.basis;
    if (!basis || !basesWithAccess.has(basis)) return [];
    return loaders.contactPersonsByCaseMember.load(`${member.caseId}/${member.organizationId}`);
  }
}
