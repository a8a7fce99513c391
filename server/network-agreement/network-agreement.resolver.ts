import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../request/context.js";
import { UserInputError } from "../common/errors.js";
import { Gemeente } from "../geography/gemeente.entity.js";
import { Organization } from "../organization/organization.entity.js";
import { presentGemeenten } from "../organization/organization.resolver.js";
import { NetworkAgreement } from "./network-agreement.entity.js";
import { EndNetworkAgreementInput, NetworkAgreementInput } from "./network-agreement.inputs.js";
import { networkAgreementMaintainers } from "./network-agreement.policy.js";
import {
  createNetworkAgreement,
  endNetworkAgreement,
  findNetworkAgreement,
  findNetworkAgreements,
} from "./network-agreement.service.js";

// Agreements are between partners and not for the public sociale kaart: every logged-in
// partner may read them, region administrators and coordinators maintain them.
@Resolver(() => NetworkAgreement)
export class NetworkAgreementResolver {
  @Authorized()
  @Query(() => [NetworkAgreement], {
    description: "Samenwerkingsafspraken die gelden of nog ingaan, eventueel van één gemeente",
  })
  networkAgreements(
    @Arg("gemeenteCode", () => String, { nullable: true }) gemeenteCode: string | null,
    @Arg("includeEnded", { defaultValue: false, description: "Ook beëindigde afspraken" })
    includeEnded: boolean,
    @Ctx() { db }: Context,
  ): Promise<NetworkAgreement[]> {
    if (gemeenteCode && !/^GM[0-9]{4}$/.test(gemeenteCode)) {
      throw new UserInputError(
        "Gebruik voor de gemeente een CBS-code zoals GM0202.",
        "gemeenteCode",
      );
    }
    return findNetworkAgreements(db, { gemeenteCode, includeEnded });
  }

  @Authorized(...networkAgreementMaintainers)
  @Mutation(() => NetworkAgreement, {
    description: "Leg een samenwerkingsafspraak vast (regiobeheerder of coördinator)",
  })
  async createNetworkAgreement(
    @Arg("input") input: NetworkAgreementInput,
    @Ctx() { db, viewer }: Context,
  ): Promise<NetworkAgreement | null> {
    return findNetworkAgreement(db, await createNetworkAgreement(db, viewer!, input));
  }

  @Authorized(...networkAgreementMaintainers)
  @Mutation(() => NetworkAgreement, {
    description: "Beëindig een samenwerkingsafspraak per een datum (regiobeheerder of coördinator)",
  })
  async endNetworkAgreement(
    @Arg("input") input: EndNetworkAgreementInput,
    @Ctx() { db, viewer }: Context,
  ): Promise<NetworkAgreement | null> {
    await endNetworkAgreement(db, viewer!, input);
    return findNetworkAgreement(db, input.id);
  }

  @FieldResolver(() => [Organization], { description: "De ketenpartners die de afspraak maken" })
  async parties(
    @Root() agreement: NetworkAgreement,
    @Ctx() { loaders }: Context,
  ): Promise<Organization[]> {
    const parties = await loaders.organizationById.loadMany(agreement.partyIds);
    return parties
      .filter((party): party is Organization => party !== null && !(party instanceof Error))
      .sort((a, b) => a.name.localeCompare(b.name, "nl"));
  }

  @FieldResolver(() => Organization, {
    nullable: true,
    description: "Bij regie op nazorg: wie de regie heeft",
  })
  regieHolder(
    @Root() agreement: NetworkAgreement,
    @Ctx() { loaders }: Context,
  ): Promise<Organization | null> | null {
    return agreement.regieOrganizationId
      ? loaders.organizationById.load(agreement.regieOrganizationId)
      : null;
  }

  @FieldResolver(() => [Gemeente], { description: "De gemeenten waarvoor de afspraak geldt" })
  async gemeenten(
    @Root() agreement: NetworkAgreement,
    @Ctx() { loaders }: Context,
  ): Promise<Gemeente[]> {
    return presentGemeenten(await loaders.gemeenteByCode.loadMany(agreement.gemeenteCodes));
  }
}
