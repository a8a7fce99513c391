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
import { Client } from "../inwoner/client.entity.js";
import type { Context } from "../request/context.js";
import type { Loaders } from "../request/loaders.js";
import { Organization } from "../organization/organization.entity.js";
import { CareCase, CaseMember, RegieAssignment } from "./case.entity.js";
import { OpenCaseInput, TransferRegieInput } from "./case.inputs.js";
import { caseNotFound } from "./case.policy.js";
import {
  addCaseMember,
  openCase,
  readCase,
  readOwnCases,
  setCasePhase,
  transferRegie,
} from "./case.service.js";
import { basesWithAccess, CasePhase, TeamMemberBasis } from "./case.entity.js";

@Resolver(() => CareCase)
export class CaseResolver {
  @Authorized()
  @Query(() => CareCase, { nullable: true, description: "Een casus van het eigen casusteam" })
  async case(@Arg("id", () => ID) id: string, @Ctx() { db, viewer, loaders }: Context) {
    return knownMember(loaders, await readCase(db, viewer!, id));
  }

  @Authorized()
  @Query(() => [CareCase], { description: "Mijn casussen: de casussen van de eigen organisatie" })
  async myCases(@Ctx() { db, viewer, loaders }: Context) {
    const cases = await readOwnCases(db, viewer!);
    for (const careCase of cases) knownMember(loaders, careCase);
    return cases;
  }

  @Authorized()
  @Mutation(() => CareCase, {
    description: "Open een casus voor een inwoner; de eigen organisatie krijgt de regie",
  })
  async openCase(@Arg("input") input: OpenCaseInput, @Ctx() { db, viewer }: Context) {
    return readCase(db, viewer!, await openCase(db, viewer!, input));
  }

  @Authorized()
  @Mutation(() => CareCase, {
    description: "Draag de regie over aan een organisatie uit het casusteam",
  })
  async transferRegie(@Arg("input") input: TransferRegieInput, @Ctx() { db, viewer }: Context) {
    await transferRegie(db, viewer!, input);
    return readCase(db, viewer!, input.caseId);
  }

  @Authorized()
  @Mutation(() => CareCase, { description: "Voeg een organisatie toe aan het casusteam" })
  async addCaseMember(
    @Arg("caseId", () => ID) caseId: string,
    @Arg("organizationId", () => ID) organizationId: string,
    @Arg("role") role: string,
    @Ctx() { db, viewer }: Context,
  ) {
    await addCaseMember(db, viewer!, caseId, organizationId, role);
    return readCase(db, viewer!, caseId);
  }

  @Authorized()
  @Mutation(() => CareCase, { description: "Zet de casus in een andere fase" })
  async setCasePhase(
    @Arg("caseId", () => ID) caseId: string,
    @Arg("phase", () => CasePhase) phase: CasePhase,
    @Ctx() { db, viewer }: Context,
  ) {
    await setCasePhase(db, viewer!, caseId, phase);
    return readCase(db, viewer!, caseId);
  }

  // Nested fields check team membership again: a case reached through any other path must not
  // open its client data.
  @FieldResolver(() => Client)
  async client(
    @Root() careCase: CareCase,
    @Ctx() { viewer, loaders }: Context,
  ): Promise<Client | null> {
    if (!viewer || !(await loaders.isCaseMember.load(careCase.id))) throw caseNotFound();
    return loaders.clientRead.load(careCase.clientId);
  }

  @FieldResolver(() => [CaseMember], { description: "Het casusteam" })
  async team(@Root() careCase: CareCase, @Ctx() { loaders }: Context): Promise<CaseMember[]> {
    if (!(await loaders.isCaseMember.load(careCase.id))) throw caseNotFound();
    return loaders.caseMembersByCaseId.load(careCase.id);
  }

  @FieldResolver(() => RegieAssignment, { description: "Wie nu de regie heeft" })
  async regieHolder(
    @Root() careCase: CareCase,
    @Ctx() { loaders }: Context,
  ): Promise<RegieAssignment> {
    // The database guarantees exactly one current assignment.
    return (await regieHistoryOf(careCase, loaders)).find(
      (assignment) => assignment.endedAt === null,
    )!;
  }

  @FieldResolver(() => [RegieAssignment], { description: "De regiegeschiedenis, oudste eerst" })
  regieHistory(
    @Root() careCase: CareCase,
    @Ctx() { loaders }: Context,
  ): Promise<RegieAssignment[]> {
    return regieHistoryOf(careCase, loaders);
  }
}

/**
 * A case read through its team (readCase, readOwnCases) needs no second membership check in its
 * nested fields: telling the request's loader saves a statement per page.
 */
function knownMember<C extends { id: string } | null>(loaders: Loaders, careCase: C): C {
  if (careCase) loaders.isCaseMember.prime(careCase.id, true);
  return careCase;
}

async function regieHistoryOf(careCase: CareCase, loaders: Loaders): Promise<RegieAssignment[]> {
  if (!(await loaders.isCaseMember.load(careCase.id))) throw caseNotFound();
  return loaders.regieHistoryByCaseId.load(careCase.id);
}

@Resolver(() => CaseMember)
export class CaseMemberResolver {
  @FieldResolver(() => Organization)
  organization(@Root() member: CaseMember, @Ctx() { loaders }: Context) {
    return loaders.organizationById.load(member.organizationId);
  }

  @FieldResolver(() => TeamMemberBasis, {
    description:
      "Waarop de organisatie in het casusteam zit: de eigen inwoner, of toestemming (en of die nog geldt)",
  })
  async basis(@Root() member: CaseMember, @Ctx() { loaders }: Context): Promise<TeamMemberBasis> {
    return basisOf(member, loaders);
  }

  @FieldResolver(() => Boolean, {
    description:
      "Of de organisatie de casus nu ziet; na intrekken of verlopen van de toestemming niet meer",
  })
  async hasAccess(@Root() member: CaseMember, @Ctx() { loaders }: Context): Promise<boolean> {
    return basesWithAccess.has(await basisOf(member, loaders));
  }
}

async function basisOf(member: CaseMember, loaders: Loaders): Promise<TeamMemberBasis> {
  if (!(await loaders.isCaseMember.load(member.caseId))) throw caseNotFound();
  const bases = await loaders.teamBasesByCaseId.load(member.caseId);
  return (
    bases.find((b) => b.organizationId === member.organizationId)?.basis ??
    TeamMemberBasis.NO_CONSENT
  );
}

@Resolver(() => RegieAssignment)
export class RegieAssignmentResolver {
  @FieldResolver(() => Organization)
  organization(@Root() assignment: RegieAssignment, @Ctx() { loaders }: Context) {
    return loaders.organizationById.load(assignment.organizationId);
  }

  @FieldResolver(() => User, { nullable: true, description: "De casemanager of procesregisseur" })
  user(@Root() assignment: RegieAssignment, @Ctx() { loaders }: Context) {
    return assignment.userId ? loaders.userById.load(assignment.userId) : null;
  }

  @FieldResolver(() => User, { description: "Wie het besluit vastlegde" })
  decidedBy(@Root() assignment: RegieAssignment, @Ctx() { loaders }: Context) {
    return loaders.userById.load(assignment.decidedByUserId);
  }
}
