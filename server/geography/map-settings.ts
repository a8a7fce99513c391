import { Field, ObjectType } from "type-graphql";

@ObjectType({ description: "Waar de achtergrond van de kaarten vandaan komt" })
export class MapSettings {
  @Field({ description: "URL-sjabloon van de kaarttegels met {z}, {x} en {y}" })
  tileUrl: string;

  @Field({ description: "Bronvermelding van de kaarttegels" })
  attribution: string;
}
