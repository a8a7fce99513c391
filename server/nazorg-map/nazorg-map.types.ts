import { Field, Float, Int, ObjectType } from "type-graphql";
import { Gemeente } from "../geography/gemeente.entity.js";
import { Region } from "../geography/region.entity.js";
import { PaletteLevel } from "../taxonomy/taxonomy.js";

@ObjectType({ description: "Eén cel van de nazorgkaart: een gemeente en een niveau van het palet" })
export class NazorgMapCell {
  @Field(() => PaletteLevel)
  paletteLevel: PaletteLevel;

  @Field(() => Int, {
    description: "Actief aanbod op dit niveau dat in de gemeente te gebruiken is",
  })
  offeringCount: number;

  @Field(() => Int, { description: "Som van de vrije plekken van het aanbod dat plekken bijhoudt" })
  capacityAvailable: number;

  @Field(() => Int, { description: "Hoeveel van het aanbod vrije plekken bijhoudt" })
  offeringsWithCapacity: number;

  @Field(() => Int, {
    description: "Hoeveel van het aanbod langer dan zes maanden niet gecontroleerd is",
  })
  notVerifiedCount: number;

  @Field(() => Float, {
    nullable: true,
    description:
      "Aandeel (0 tot 1) dat langer dan zes maanden niet gecontroleerd is; leeg zonder aanbod",
  })
  notVerifiedShare: number | null;

  @Field({ description: "Witte vlek: geen enkel aanbod op dit niveau in deze gemeente" })
  isGap: boolean;
}

@ObjectType({ description: "Eén gemeente op de nazorgkaart, met een cel per niveau van het palet" })
export class NazorgMapRow {
  @Field(() => Gemeente)
  gemeente: Gemeente;

  @Field(() => [NazorgMapCell], { description: "In de volgorde van het palet, P1 tot en met A10" })
  cells: NazorgMapCell[];

  @Field(() => Int, { description: "Niveaus van het palet zonder aanbod" })
  gapCount: number;
}

@ObjectType({ description: "De regionale nazorgkaart: gemeenten × niveaus van het palet" })
export class NazorgMap {
  @Field(() => Region)
  region: Region;

  @Field(() => [NazorgMapRow], { description: "De gemeenten van de regio, op naam" })
  rows: NazorgMapRow[];
}
