import {
  Arg,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from "type-graphql";
import { stepsFor } from "./referral.transitions.js";
import { entityRowsWhereIn } from "../db/entity-rows.js";
import { User } from "../auth/user.entity.js";
import type { Context } from "../request/context.js";
import { Offering } from "../offering/offering.entity.js";
import { Organization } from "../organization/organization.entity.js";
import { CareCase } from "../case/case.entity.js";
import { caseNotFound } from "../case/case.policy.js";
import { Referral, ReferralEvent, ReferralState } from "./referral.entity.js";
import { ReferralTransitionInput, StartReferralInput } from "./referral.inputs.js";
import { closingStates, startReferral, transitionReferral } from "./referral.service.js";
import {
  inboxReferralIds,
  openReferral,
  outboxReferralIds,
  readReferralsLogged,
  referralsAfterConsent,
  type ReferralBasis,
} from "./referral.queries.js";

/**
 * Referrals in the order of `ids`; with `logAs`, each one is logged as read on that basis in
 * the statement that reads it (`readReferralsLogged`). A referral whose row the viewer does not
 * see, but receives after its consent ended, comes as the receiver may still see it
 * (`referralsAfterConsent`), logged as its own.
 */
export async function referralsById(
  context: Context,
  ids: string[],
  logAs?: ReferralBasis,
): Promise<Referral[]> {
  const { db, viewer } = context;
  const found =
    logAs === "AFTER_CONSENT"
      ? []
      : await entityRowsWhereIn(
          db,
          Referral,
          "id",
          ids,
          undefined,
          logAs && readReferralsLogged(db, viewer!, logAs),
        );
  const byId = new Map(found.map((referral) => [referral.id, referral]));
  const missing = ids.filter((id) => !byId.has(id));
  if (missing.length > 0 && viewer && logAs !== "CASE_TEAM") {
    for (const referral of await referralsAfterConsent(db, viewer, missing, Boolean(logAs))) {
      byId.set(referral.id, referral);
    }
  }
  return ids.flatMap((id) => byId.get(id) ?? []);
}

@ObjectType({ description: "Een stap die de ingelogde gebruiker nu kan zetten" })
export class ReferralStep {
  @Field(() => ReferralState)
  to: ReferralState;

  @Field(() => String, {
    nullable: true,
    description: "reason, outcome of introductionAt: wat de stap vraagt",
  })
  requires: string | null;
}

@Resolver(() => Referral)
export class ReferralResolver {
  @Authorized()
  @Query(() => Referral, {
    nullable: true,
    description: "Een overdracht van of aan de eigen organisatie",
  })
  async referral(
    @Arg("id", () => ID) id: string,
    @Ctx() context: Context,
  ): Promise<Referral | null> {
    const basis = await openReferral(context.db, context.viewer!, id);
    return basis ? ((await referralsById(context, [id], basis))[0] ?? null) : null;
  }

  @Authorized()
  @Query(() => [Referral], { description: "Inkomende overdrachten, de eerste deadline bovenaan" })
  async referralInbox(@Ctx() context: Context): Promise<Referral[]> {
    return referralsById(context, await inboxReferralIds(context.db, context.viewer!), "CONSENT");
  }

  @Authorized()
  @Query(() => [Referral], { description: "Uitgaande overdrachten, nieuwste eerst" })
  async referralOutbox(@Ctx() context: Context): Promise<Referral[]> {
    return referralsById(
      context,
      await outboxReferralIds(context.db, context.viewer!),
      "CASE_TEAM",
    );
  }

  @Authorized()
  @Mutation(() => Referral, {
    description: "Start een warme overdracht (concept) vanaf een aanbod",
  })
  async startReferral(
    @Arg("input") input: StartReferralInput,
    @Ctx() context: Context,
  ): Promise<Referral | null> {
    const id = await startReferral(context.db, context.viewer!, input);
    return (await referralsById(context, [id]))[0] ?? null;
  }

  @Authorized()
  @Mutation(() => Referral, { description: "Zet een overdracht in de volgende status" })
  async transitionReferral(
    @Arg("input") input: ReferralTransitionInput,
    @Ctx() context: Context,
  ): Promise<Referral | null> {
    await transitionReferral(context.db, context.viewer!, input, context.calendar, context.config);
    return (await referralsById(context, [input.referralId]))[0] ?? null;
  }

  @FieldResolver(() => Offering)
  offering(@Root() referral: Referral, @Ctx() { loaders }: Context) {
    return loaders.offeringById.load(referral.offeringId);
  }

  @FieldResolver(() => Organization, { description: "De verwijzende organisatie" })
  sender(@Root() referral: Referral, @Ctx() { loaders }: Context) {
    return loaders.organizationById.load(referral.senderOrganizationId);
  }

  @FieldResolver(() => User, { description: "De verwijzende medewerker" })
  senderUser(@Root() referral: Referral, @Ctx() { loaders }: Context) {
    return loaders.userById.load(referral.senderUserId);
  }

  @FieldResolver(() => Organization, { description: "De ontvangende organisatie" })
  receiver(@Root() referral: Referral, @Ctx() { loaders }: Context) {
    return loaders.organizationById.load(referral.receiverOrganizationId);
  }

  @FieldResolver(() => ID, { description: "De casus waaruit verwezen is" })
  caseId(@Root() referral: Referral): string {
    return referral.caseId;
  }

  @FieldResolver(() => [ReferralEvent], {
    description: "De tijdlijn: elke stap met wie, wanneer en toelichting",
  })
  events(@Root() referral: Referral, @Ctx() { loaders }: Context): Promise<ReferralEvent[]> {
    return loaders.referralEventsByReferralId.load(referral.id);
  }

  @FieldResolver(() => [ReferralStep], {
    description: "Wat de eigen organisatie nu met deze overdracht kan doen (leeg: niets)",
  })
  nextSteps(@Root() referral: Referral, @Ctx() { viewer }: Context): ReferralStep[] {
    if (!viewer) return [];
    if (referral.consentEnded) {
      return stepsFor(referral.state, "RECEIVER").filter((step) => closingStates.has(step.to));
    }
    const side =
      viewer.organizationId === referral.senderOrganizationId
        ? "SENDER"
        : viewer.organizationId === referral.receiverOrganizationId
          ? "RECEIVER"
          : null;
    return side ? stepsFor(referral.state, side) : [];
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      "Waarom de ontvanger de hulpvraag en samenvatting niet meer ziet (de toestemming is ingetrokken of verlopen); leeg als ze gedeeld worden",
  })
  withheldNote(@Root() referral: Referral): string | null {
    if (!referral.consentEnded) return null;
    return `${
      referral.consentEnded === "WITHDRAWN"
        ? "De inwoner heeft de toestemming voor uw organisatie ingetrokken."
        : "De toestemming van de inwoner voor uw organisatie is verlopen."
    } Daarom ziet u de hulpvraag, de samenvatting en de contactvoorkeuren niet meer, en ook niet wat er verder in de casus gebeurt. U kunt de overdracht nog afsluiten met een uitkomst of een reden.`;
  }

  @FieldResolver(() => Boolean, { description: "Verstuurd en niet binnen de norm beantwoord" })
  isResponseOverdue(@Root() referral: Referral): boolean {
    return (
      referral.state === ReferralState.SENT &&
      referral.responseDueAt !== null &&
      referral.responseDueAt < new Date()
    );
  }

  @FieldResolver(() => Boolean, {
    description: "Geaccepteerd maar de kennismaking niet binnen de norm gepland",
  })
  isIntakeOverdue(@Root() referral: Referral): boolean {
    return (
      (referral.state === ReferralState.SENT || referral.state === ReferralState.ACCEPTED) &&
      referral.intakeDueAt !== null &&
      referral.intakeDueAt < new Date()
    );
  }
}

@Resolver(() => ReferralEvent)
export class ReferralEventResolver {
  @FieldResolver(() => User)
  user(@Root() event: ReferralEvent, @Ctx() { loaders }: Context) {
    return loaders.userById.load(event.userId);
  }

  @FieldResolver(() => Organization)
  organization(@Root() event: ReferralEvent, @Ctx() { loaders }: Context) {
    return loaders.organizationById.load(event.organizationId);
  }
}

@Resolver(() => CareCase)
export class CaseReferralsResolver {
  @FieldResolver(() => [Referral], {
    description: "De overdrachten vanuit deze casus, nieuwste eerst",
  })
  async referrals(@Root() careCase: CareCase, @Ctx() { loaders }: Context): Promise<Referral[]> {
    if (!(await loaders.isCaseMember.load(careCase.id))) throw caseNotFound();
    return loaders.referralsByCaseId.load(careCase.id);
  }
}
