import { Field, Float, Int, ObjectType } from "type-graphql";
import { Offering } from "./offering.entity.js";

@ObjectType({ simpleResolvers: true })
export class OfferingEdge {
  @Field()
  cursor: string;

  @Field(() => Float, {
    nullable: true,
    description:
      "Afstand in km (grootcirkel) van de gezochte postcode tot de dichtstbijzijnde locatie; leeg zonder `near` of bij aanbod zonder locatie dat de gemeente van de postcode bedient",
  })
  distanceKm: number | null;

  @Field(() => Offering)
  node: Offering;
}

@ObjectType({ simpleResolvers: true })
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

@ObjectType({ simpleResolvers: true })
export class FacetValue {
  @Field()
  value: string;

  @Field()
  label: string;

  @Field(() => Int, {
    description: "Aantal resultaten met deze waarde, met alle andere filters toegepast",
  })
  count: number;
}

@ObjectType({
  description: "Tellingen per waarde van één filter (disjunctief)",
  simpleResolvers: true,
})
export class Facet {
  @Field({
    description:
      "module, phases, paletteLevel, lifeDomains, targetGroups, channels, deliveredBy of gemeenten",
  })
  field: string;

  @Field(() => [FacetValue])
  values: FacetValue[];
}

@ObjectType({ simpleResolvers: true })
export class OfferingConnection {
  @Field(() => [OfferingEdge])
  edges: OfferingEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int)
  totalCount: number;

  @Field(() => [Facet])
  facets: Facet[];
}
