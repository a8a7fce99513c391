import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../request/context.js";
import { Gemeente } from "./gemeente.entity.js";
import { MapSettings } from "./map-settings.js";
import { PostcodeArea } from "./postcode-area.entity.js";
import { Region } from "./region.entity.js";
import { parsePostcode } from "./postcode.js";
import { GeoPoint } from "./region-outline.js";

@Resolver(() => Region)
export class RegionResolver {
  @Query(() => [Region])
  regions(@Ctx() { db }: Context): Promise<Region[]> {
    return db.getRepository(Region).find({ order: { name: "ASC" } });
  }

  @FieldResolver(() => [Gemeente])
  gemeenten(@Root() region: Region, @Ctx() { loaders }: Context): Promise<Gemeente[]> {
    return loaders.gemeentenByRegionId.load(region.id);
  }

  @FieldResolver(() => [GeoPoint], {
    description:
      "Benadering van de regiogrens: de convexe omhullende van de PC4-middelpunten, 1,5 km verruimd (geen officiële grens)",
  })
  outline(@Root() region: Region, @Ctx() { loaders }: Context): Promise<GeoPoint[]> {
    return loaders.regionOutlineById.load(region.id);
  }

  @Query(() => MapSettings, { description: "De achtergrondkaart (publiek)" })
  mapSettings(@Ctx() { config }: Context): MapSettings {
    return { tileUrl: config.map.tileUrl, attribution: config.map.attribution };
  }
}

@Resolver(() => Gemeente)
export class GemeenteResolver {
  @Query(() => [Gemeente], { description: "Alle gemeenten, op naam" })
  gemeenten(@Ctx() { db }: Context): Promise<Gemeente[]> {
    return db.getRepository(Gemeente).find({ order: { name: "ASC" } });
  }

  @FieldResolver(() => Region, { nullable: true })
  region(@Root() gemeente: Gemeente, @Ctx() { loaders }: Context): Promise<Region | null> | null {
    return gemeente.regionId ? loaders.regionById.load(gemeente.regionId) : null;
  }

  @FieldResolver(() => [PostcodeArea])
  postcodeAreas(@Root() gemeente: Gemeente, @Ctx() { loaders }: Context): Promise<PostcodeArea[]> {
    return loaders.postcodeAreasByGemeenteCode.load(gemeente.code);
  }
}

@Resolver(() => PostcodeArea)
export class PostcodeAreaResolver {
  @Query(() => PostcodeArea, {
    nullable: true,
    description: 'Het PC4-gebied van een postcode ("6811" of "6811 AB")',
  })
  postcodeArea(@Arg("code") code: string, @Ctx() { db }: Context): Promise<PostcodeArea | null> {
    const { pc4 } = parsePostcode(code, "code");
    return db.getRepository(PostcodeArea).findOneBy({ code: pc4 });
  }

  @FieldResolver(() => Gemeente)
  async gemeente(
    @Root() area: PostcodeArea,
    @Ctx() { loaders }: Context,
  ): Promise<Gemeente | null> {
    return loaders.gemeenteByCode.load(area.gemeenteCode);
  }
}
