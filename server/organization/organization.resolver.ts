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
import { LocationInput } from "./location.inputs.js";
import { createLocation, deleteLocation, editLocation } from "./location.service.js";
import { Role } from "../auth/role.js";
import { NewOrganizationInput, OrganizationInput } from "./organization.inputs.js";
import { createOrganization, updateOrganization } from "./organization.service.js";
import type { Context } from "../common/context.js";
import { Gemeente } from "../geography/gemeente.entity.js";
import { Offering } from "../offering/offering.entity.js";
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

  @FieldResolver(() => [Offering], { description: "Al het aanbod van de organisatie, op titel" })
  offerings(@Root() organization: Organization, @Ctx() { loaders }: Context): Promise<Offering[]> {
    return loaders.offeringsByOrganizationId.load(organization.id);
  }
}

@Resolver(() => Location)
export class LocationResolver {
  @Authorized()
  @Mutation(() => Location, { description: "Nieuwe locatie van de eigen organisatie" })
  async createLocation(
    @Arg("input") input: LocationInput,
    @Arg("organizationId", () => ID, { nullable: true }) organizationId: string | undefined,
    @Ctx() { db, viewer }: Context,
  ): Promise<Location | null> {
    const id = await createLocation(db, viewer!, input, organizationId ?? undefined);
    return db.getRepository(Location).findOneBy({ id });
  }

  @Authorized()
  @Mutation(() => Location)
  async updateLocation(
    @Arg("id", () => ID) id: string,
    @Arg("input") input: LocationInput,
    @Ctx() { db, viewer }: Context,
  ): Promise<Location | null> {
    await editLocation(db, viewer!, id, input);
    return db.getRepository(Location).findOneBy({ id });
  }

  @Authorized()
  @Mutation(() => Boolean, {
    description: "Verwijder een locatie; het aanbod blijft, zonder deze plek",
  })
  async deleteLocation(
    @Arg("id", () => ID) id: string,
    @Ctx() { db, viewer }: Context,
  ): Promise<boolean> {
    await deleteLocation(db, viewer!, id);
    return true;
  }

  @FieldResolver(() => Gemeente, { nullable: true })
  gemeente(
    @Root() location: Location,
    @Ctx() { loaders }: Context,
  ): Promise<Gemeente | null> | null {
    return location.gemeenteCode ? loaders.gemeenteByCode.load(location.gemeenteCode) : null;
  }
}

/** Gemeenten in name order, leaving out codes that are not (or no longer) known. */
export function presentGemeenten(loaded: Array<Gemeente | null | Error>): Gemeente[] {
  return loaded
    .filter((g): g is Gemeente => g instanceof Object && !(g instanceof Error))
    .sort((a, b) => a.name.localeCompare(b.name, "nl"));
}
