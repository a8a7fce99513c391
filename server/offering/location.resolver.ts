import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from "type-graphql";
import type { Context } from "../request/context.js";
import { Gemeente } from "../geography/gemeente.entity.js";
import { LocationInput } from "../organization/location.inputs.js";
import { Location } from "../organization/location.entity.js";
import { createLocation, deleteLocation, editLocation } from "./location.service.js";

// Locations are where an organisation's offerings are given: maintained with the offerings.
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
