import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from "type-graphql";
import { User } from "../auth/user.entity.js";
import { CareCase } from "../case/case.entity.js";
import { caseNotFound } from "../case/case.policy.js";
import type { Context } from "../request/context.js";
import { UserInputError } from "../common/errors.js";
import { Organization } from "../organization/organization.entity.js";
import { NazorgContact, RelapseRisk } from "./nazorg-contact.entity.js";
import { NazorgPlan, NazorgPlanAdjustment } from "./nazorg-plan.entity.js";
import {
  AdjustNazorgPlanInput,
  CreateNazorgPlanInput,
  RegisterNazorgContactInput,
  UpdateNazorgPlanInput,
} from "./nazorg.inputs.js";
import {
  adjustNazorgPlan,
  createNazorgPlan,
  recordNazorgNotFeasible,
  updateNazorgPlan,
} from "./nazorg.service.js";
import { planOfContact } from "./nazorg.policy.js";
import {
  moveNazorgContact,
  planNazorgContact,
  registerNazorgContact,
  removeNazorgContact,
} from "./nazorg-contact.service.js";

const isoDate = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function plannedDate(value: string): string {
  if (!isoDate.test(value)) {
    throw new UserInputError("Vul de geplande datum in als JJJJ-MM-DD.", "plannedOn");
  }
  return value;
}

/** The plan after a change, read as its team reads it (and logged as such). */
async function planById(context: Context, planId: string): Promise<NazorgPlan> {
  const plan = await context.loaders.nazorgPlanRead.load(planId);
  if (!plan) throw caseNotFound();
  return plan;
}

@Resolver(() => NazorgPlan)
export class NazorgPlanResolver {
  @Authorized()
  @Mutation(() => NazorgPlan, {
    description:
      "Stel het nazorgplan op met de standaard contactmomenten; de casus gaat naar de fase nazorg",
  })
  async createNazorgPlan(@Arg("input") input: CreateNazorgPlanInput, @Ctx() context: Context) {
    return planById(context, await createNazorgPlan(context.db, context.viewer!, input));
  }

  @Authorized()
  @Mutation(() => NazorgPlan, {
    description: "Wijzig wie de nazorg doet, de plek op het palet of de wensen van de inwoner",
  })
  async updateNazorgPlan(@Arg("input") input: UpdateNazorgPlanInput, @Ctx() context: Context) {
    await updateNazorgPlan(context.db, context.viewer!, input);
    return planById(context, input.planId);
  }

  @Authorized()
  @Mutation(() => NazorgPlan, { description: "Verleng, intensiveer of verkort het plan" })
  async adjustNazorgPlan(@Arg("input") input: AdjustNazorgPlanInput, @Ctx() context: Context) {
    await adjustNazorgPlan(context.db, context.viewer!, input);
    return planById(context, input.planId);
  }

  @Authorized()
  @Mutation(() => NazorgPlan, {
    description: "Leg vast dat nazorg niet haalbaar is, met de reden (verplicht)",
  })
  async recordNazorgNotFeasible(
    @Arg("caseId", () => ID) caseId: string,
    @Arg("reason") reason: string,
    @Ctx() context: Context,
  ) {
    return planById(
      context,
      await recordNazorgNotFeasible(context.db, context.viewer!, caseId, reason),
    );
  }

  @Authorized()
  @Mutation(() => NazorgPlan, { description: "Plan een extra contactmoment" })
  async planNazorgContact(
    @Arg("planId", () => ID) planId: string,
    @Arg("plannedOn", { description: "JJJJ-MM-DD" }) plannedOn: string,
    @Ctx() context: Context,
  ) {
    await planNazorgContact(context.db, context.viewer!, planId, plannedDate(plannedOn));
    return planById(context, planId);
  }

  @Authorized()
  @Mutation(() => NazorgPlan, { description: "Verzet een gepland contactmoment" })
  async moveNazorgContact(
    @Arg("contactId", () => ID) contactId: string,
    @Arg("plannedOn", { description: "JJJJ-MM-DD" }) plannedOn: string,
    @Ctx() context: Context,
  ) {
    await moveNazorgContact(context.db, context.viewer!, contactId, plannedDate(plannedOn));
    return planById(context, (await planOfContact(context.db, context.viewer!, contactId)).planId);
  }

  @Authorized()
  @Mutation(() => NazorgPlan, {
    description: "Schrap een gepland contactmoment dat niet gehouden is",
  })
  async removeNazorgContact(
    @Arg("contactId", () => ID) contactId: string,
    @Ctx() context: Context,
  ) {
    const { planId } = await planOfContact(context.db, context.viewer!, contactId);
    await removeNazorgContact(context.db, context.viewer!, contactId);
    return planById(context, planId);
  }

  @Authorized()
  @Mutation(() => NazorgPlan, {
    description: "Leg een gehouden contact vast; niet in balans zet de casus op terugvalrisico",
  })
  async registerNazorgContact(
    @Arg("input") input: RegisterNazorgContactInput,
    @Ctx() context: Context,
  ) {
    await registerNazorgContact(context.db, context.viewer!, input);
    return planById(context, input.planId);
  }

  @FieldResolver(() => Organization, { nullable: true })
  async responsibleOrganization(@Root() plan: NazorgPlan, @Ctx() { loaders }: Context) {
    if (!(await loaders.isCaseMember.load(plan.caseId))) throw caseNotFound();
    return plan.responsibleOrganizationId
      ? loaders.organizationById.load(plan.responsibleOrganizationId)
      : null;
  }

  @FieldResolver(() => User, { nullable: true, description: "De vaste contactpersoon" })
  async responsibleUser(@Root() plan: NazorgPlan, @Ctx() { loaders }: Context) {
    if (!(await loaders.isCaseMember.load(plan.caseId))) throw caseNotFound();
    return plan.responsibleUserId ? loaders.userById.load(plan.responsibleUserId) : null;
  }

  @FieldResolver(() => [NazorgContact], {
    description: "Geplande en gehouden contactmomenten, op datum",
  })
  async contacts(
    @Root() plan: NazorgPlan,
    @Ctx() { viewer, loaders }: Context,
  ): Promise<NazorgContact[]> {
    if (!viewer || !(await loaders.isCaseMember.load(plan.caseId))) throw caseNotFound();
    return loaders.nazorgContactsReadByPlanId.load(plan.id);
  }

  @FieldResolver(() => [NazorgPlanAdjustment], {
    description: "Verlengingen, intensiveringen en verkortingen, oudste eerst",
  })
  async adjustments(@Root() plan: NazorgPlan, @Ctx() { db, loaders }: Context) {
    if (!(await loaders.isCaseMember.load(plan.caseId))) throw caseNotFound();
    return db
      .getRepository(NazorgPlanAdjustment)
      .find({ where: { planId: plan.id }, order: { decidedAt: "ASC", id: "ASC" } });
  }
}

@Resolver(() => NazorgPlanAdjustment)
export class NazorgPlanAdjustmentResolver {
  @FieldResolver(() => User)
  decidedBy(@Root() adjustment: NazorgPlanAdjustment, @Ctx() { loaders }: Context) {
    return loaders.userById.load(adjustment.decidedByUserId);
  }
}

@Resolver(() => NazorgContact)
export class NazorgContactResolver {
  @FieldResolver(() => User, { nullable: true, description: "Wie het contact had" })
  heldBy(@Root() contact: NazorgContact, @Ctx() { loaders }: Context) {
    return contact.heldByUserId ? loaders.userById.load(contact.heldByUserId) : null;
  }

  @FieldResolver(() => CareCase, { description: "De casus van dit contactmoment" })
  async case(@Root() contact: NazorgContact, @Ctx() { loaders }: Context) {
    // Read through the team (else null), and logged as such.
    const careCase = await loaders.caseRead.load(contact.caseId);
    if (!careCase) throw caseNotFound();
    loaders.isCaseMember.prime(careCase.id, true);
    return careCase;
  }
}

@Resolver(() => RelapseRisk)
export class RelapseRiskResolver {
  @FieldResolver(() => NazorgContact, { description: "Het contact dat het risico signaleerde" })
  async raisedBy(@Root() risk: RelapseRisk, @Ctx() { loaders }: Context) {
    if (!(await loaders.isCaseMember.load(risk.caseId))) throw caseNotFound();
    return loaders.nazorgContactRead.load(risk.raisedByContactId);
  }

  @FieldResolver(() => NazorgContact, {
    nullable: true,
    description: "Het latere contact dat weer in balans was",
  })
  async clearedBy(@Root() risk: RelapseRisk, @Ctx() { loaders }: Context) {
    if (!(await loaders.isCaseMember.load(risk.caseId))) throw caseNotFound();
    return risk.clearedByContactId ? loaders.nazorgContactRead.load(risk.clearedByContactId) : null;
  }
}

/** Nazorg on the case: its plan and its relapse risk, for the case team only. */
@Resolver(() => CareCase)
export class CaseNazorgResolver {
  @FieldResolver(() => NazorgPlan, { nullable: true, description: "Het nazorgplan, als dat er is" })
  async nazorgPlan(
    @Root() careCase: CareCase,
    @Ctx() { viewer, loaders }: Context,
  ): Promise<NazorgPlan | null> {
    if (!viewer || !(await loaders.isCaseMember.load(careCase.id))) throw caseNotFound();
    return loaders.nazorgPlanReadByCaseId.load(careCase.id);
  }

  @FieldResolver(() => RelapseRisk, {
    nullable: true,
    description:
      "Terugvalrisico: open sinds een contact dat niet in balans was (leeg: geen risico)",
  })
  async relapseRisk(
    @Root() careCase: CareCase,
    @Ctx() { loaders }: Context,
  ): Promise<RelapseRisk | null> {
    if (!(await loaders.isCaseMember.load(careCase.id))) throw caseNotFound();
    const risks = await loaders.relapseRisksByCaseId.load(careCase.id);
    return risks.find((risk) => risk.clearedOn === null) ?? null;
  }

  @FieldResolver(() => [RelapseRisk], { description: "Alle terugvalrisico's, nieuwste eerst" })
  async relapseRiskHistory(
    @Root() careCase: CareCase,
    @Ctx() { loaders }: Context,
  ): Promise<RelapseRisk[]> {
    if (!(await loaders.isCaseMember.load(careCase.id))) throw caseNotFound();
    return loaders.relapseRisksByCaseId.load(careCase.id);
  }
}
