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
import { Role } from "../security/viewer.js";
import { NewOrganizationInput, OrganizationInput } from "./organization.inputs.js";
import { createOrganization, updateOrganization } from "./organization.service.js";
import type { Context } from "../request/context.js";
import { Gemeente } from "../geography/gemeente.entity.js";
import { isUuid } from "../common/ids.js";
import { Location } from "./location.entity.js";
import { Organization } from "./organization.entity.js";

/**
 * The columns each field resolver below reads: a search page reads only the columns its query
 * selects (common/selected-columns.ts). A field resolver left out makes it read whole records.
 */
export const organizationResolverColumns = {
  gemeenten: ["gemeenteCodes"],
  locations: ["id"],
  offerings: ["id"],
} as const satisfies Record<string, ReadonlyArray<keyof Organization>>;

@Resolver(() => Organization)
export class OrganizationResolver {
  @Query(() => [Organization], { description: "Alle ketenpartners, op naam" })
  organizations(@Ctx() { db }: Context): Promise<Organization[]> {
    return db.getRepository(Organization).find({ order: { name: "ASC" } });
  }

  @Query(() => Organization, { nullable: true })
  organization(
    @Arg("id", () => ID) id: string,
    @Ctx() { loaders }: Context,
  ): Promise<Organization | null> | null {
    return isUuid(id) ? loaders.organizationById.load(id) : null;
  }

  @Authorized(Role.REGIO_BEHEERDER)
  @Mutation(() => Organization, {
    description: "Voeg een ketenpartner toe aan de regio (regiobeheerder)",
  })
  async createOrganization(
    @Arg("input") input: NewOrganizationInput,
    @Ctx() { db, loaders }: Context,
  ): Promise<Organization | null> {
    return loaders.organizationById.load(await createOrganization(db, input));
  }

  @Authorized()
  @Mutation(() => Organization, {
    description: "Wijzig de eigen organisatie (beheerder) of elke organisatie (regiobeheerder)",
  })
  async updateOrganization(
    @Arg("id", () => ID) id: string,
    @Arg("input") input: OrganizationInput,
    @Ctx() { db, viewer, loaders }: Context,
  ): Promise<Organization | null> {
    await updateOrganization(db, viewer!, id, input);
    return loaders.organizationById.load(id);
  }

  @FieldResolver(() => [Gemeente], { description: "Gemeenten waarvoor de organisatie werkt" })
  async gemeenten(
    @Root() organization: Organization,
    @Ctx() { loaders }: Context,
  ): Promise<Gemeente[]> {
    return presentGemeenten(await loaders.gemeenteByCode.loadMany(organization.gemeenteCodes));
  }

  @FieldResolver(() => [Location])
  locations(@Root() organization: Organization, @Ctx() { loaders }: Context): Promise<Location[]> {
    return loaders.locationsByOrganizationId.load(organization.id);
  }
}

/** Gemeenten in name order, leaving out codes that are not (or no longer) known. */
export function presentGemeenten(loaded: Array<Gemeente | null | Error>): Gemeente[] {
  return loaded
    .filter((g): g is Gemeente => g instanceof Object && !(g instanceof Error))
    .sort((a, b) => a.name.localeCompare(b.name, "nl"));
}
