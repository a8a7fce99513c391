import {
  Arg,
  Args,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Info,
  Mutation,
  Query,
  Resolver,
  Root,
} from "type-graphql";
import { OfferingStatus } from "../taxonomy/taxonomy.js";
import {
  createOffering,
  editOffering,
  markOfferingVerified,
  setOfferingStatus,
} from "./offering-editing.service.js";
import { OfferingInput } from "./offering.inputs.js";
import type { GraphQLResolveInfo } from "graphql";
import type { DataSource } from "typeorm";
import type { Context } from "../request/context.js";
import { columnsForFields, selectedFields } from "../common/selected-columns.js";
import { isUuid } from "../common/ids.js";
import { Gemeente } from "../geography/gemeente.entity.js";
import { Location } from "../organization/location.entity.js";
import { Organization } from "../organization/organization.entity.js";
import {
  organizationResolverColumns,
  presentGemeenten,
} from "../organization/organization.resolver.js";
import { defaultPageSize, OfferingsArgs } from "./offering-search.inputs.js";
import {
  organizationOnPage,
  type PageColumns,
  searchOfferings,
} from "./offering-search.service.js";
import { OfferingConnection } from "./offering-search.types.js";
import { Capacity, Offering } from "./offering.entity.js";
import { findStaleOfferings, isStale as verifiedTooLongAgo } from "./offering-staleness.js";

/**
 * The columns each field resolver below reads: a search page reads only the columns its query
 * selects (common/selected-columns.ts). A field resolver left out makes it read whole records.
 */
export const offeringResolverColumns = {
  capacity: ["capacityAvailable", "capacityTotal", "capacityUpdatedAt", "lastVerifiedAt"],
  isStale: ["lastVerifiedAt"],
  organization: ["organizationId"],
  locations: ["id"],
  gemeenten: ["gemeenteCodes"],
  coveredGemeenten: ["coveredGemeenteCodes"],
} as const satisfies Record<string, ReadonlyArray<keyof Offering>>;

/** The columns of offerings and their organisations that a search's page shows. */
function pageColumns(db: DataSource, info: GraphQLResolveInfo): PageColumns {
  return {
    offering: columnsForFields(
      db,
      Offering,
      selectedFields(info, "edges", "node"),
      offeringResolverColumns,
    ),
    organization: columnsForFields(
      db,
      Organization,
      selectedFields(info, "edges", "node", "organization"),
      organizationResolverColumns,
    ),
  };
}

@Resolver(() => Offering)
export class OfferingResolver {
  @Query(() => OfferingConnection, {
    description: "Zoek in het actieve aanbod van de sociale kaart (openbaar)",
  })
  offerings(
    @Args() { search, first, after }: OfferingsArgs,
    @Ctx() { db, loaders }: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return searchOfferings(
      db,
      loaders,
      search ?? {},
      first ?? defaultPageSize,
      after,
      pageColumns(db, info),
    );
  }

  @Query(() => Offering, { nullable: true })
  offering(
    @Arg("id", () => ID) id: string,
    @Ctx() { loaders }: Context,
  ): Promise<Offering | null> | null {
    return isUuid(id) ? loaders.offeringById.load(id) : null;
  }

  @Authorized()
  @Query(() => [Offering], {
    description:
      "Aanbod van de eigen organisatie dat langer dan zes maanden niet is gecontroleerd, " +
      "het langst niet gecontroleerde eerst: controleer het en bevestig met markOfferingVerified",
  })
  myStaleOfferings(@Ctx() { db, viewer }: Context): Promise<Offering[]> {
    return findStaleOfferings(db, viewer!.organizationId);
  }

  @Authorized()
  @Mutation(() => Offering, {
    description:
      "Nieuw aanbod van de eigen organisatie (een regiobeheerder mag een organisatie kiezen)",
  })
  async createOffering(
    @Arg("input") input: OfferingInput,
    @Arg("organizationId", () => ID, { nullable: true }) organizationId: string | undefined,
    @Ctx() { db, viewer, loaders }: Context,
  ): Promise<Offering | null> {
    const id = await createOffering(db, viewer!, input, organizationId ?? undefined);
    return loaders.offeringById.load(id);
  }

  @Authorized()
  @Mutation(() => Offering, {
    description: "Wijzig aanbod; opslaan geldt ook als 'gegevens gecontroleerd'",
  })
  async updateOffering(
    @Arg("id", () => ID) id: string,
    @Arg("input") input: OfferingInput,
    @Ctx() { db, viewer, loaders }: Context,
  ): Promise<Offering | null> {
    await editOffering(db, viewer!, id, input);
    return loaders.offeringById.load(id);
  }

  @Authorized()
  @Mutation(() => Offering, { description: "Pauzeer, beëindig of heropen aanbod" })
  async setOfferingStatus(
    @Arg("id", () => ID) id: string,
    @Arg("status", () => OfferingStatus) status: OfferingStatus,
    @Ctx() { db, viewer, loaders }: Context,
  ): Promise<Offering | null> {
    await setOfferingStatus(db, viewer!, id, status);
    return loaders.offeringById.load(id);
  }

  @Authorized()
  @Mutation(() => Offering, { description: "Gegevens gecontroleerd: het aanbod klopt nog" })
  async markOfferingVerified(
    @Arg("id", () => ID) id: string,
    @Ctx() { db, viewer, loaders }: Context,
  ): Promise<Offering | null> {
    await markOfferingVerified(db, viewer!, id);
    return loaders.offeringById.load(id);
  }

  @FieldResolver(() => Capacity, {
    nullable: true,
    description: "Leeg als de aanbieder geen plekken bijhoudt",
  })
  capacity(@Root() offering: Offering): Capacity | null {
    if (offering.capacityAvailable === null) return null;
    return {
      available: offering.capacityAvailable,
      total: offering.capacityTotal,
      updatedAt: offering.capacityUpdatedAt ?? offering.lastVerifiedAt,
    };
  }

  @FieldResolver(() => Boolean, { description: "Langer dan zes maanden niet gecontroleerd" })
  isStale(@Root() offering: Offering): boolean {
    return verifiedTooLongAgo(offering.lastVerifiedAt);
  }

  @FieldResolver(() => Organization)
  organization(
    @Root() offering: Offering,
    @Ctx() { loaders }: Context,
  ): Organization | Promise<Organization | null> {
    return (
      organizationOnPage.get(offering) ?? loaders.organizationById.load(offering.organizationId)
    );
  }

  @FieldResolver(() => [Location])
  locations(@Root() offering: Offering, @Ctx() { loaders }: Context): Promise<Location[]> {
    return loaders.locationsByOfferingId.load(offering.id);
  }

  @FieldResolver(() => [Gemeente], { description: "Gemeenten waar het aanbod te gebruiken is" })
  async gemeenten(@Root() offering: Offering, @Ctx() { loaders }: Context): Promise<Gemeente[]> {
    return presentGemeenten(await loaders.gemeenteByCode.loadMany(offering.gemeenteCodes));
  }

  @FieldResolver(() => [Gemeente], {
    description: "Gemeenten die de aanbieder zelf opgeeft (zonder die van de locaties)",
  })
  async coveredGemeenten(
    @Root() offering: Offering,
    @Ctx() { loaders }: Context,
  ): Promise<Gemeente[]> {
    return presentGemeenten(await loaders.gemeenteByCode.loadMany(offering.coveredGemeenteCodes));
  }
}

@Resolver(() => Organization)
export class OrganizationOfferingsResolver {
  @FieldResolver(() => [Offering], { description: "Al het aanbod van de organisatie, op titel" })
  offerings(@Root() organization: Organization, @Ctx() { loaders }: Context): Promise<Offering[]> {
    return loaders.offeringsByOrganizationId.load(organization.id);
  }
}
