import { ArrayMaxSize, IsOptional } from "class-validator";
import { Field, InputType } from "type-graphql";
import { DeliveredBy, Phase, TargetGroup } from "../taxonomy/taxonomy.js";

/** Filters of the nazorg map, with the search's semantics: OR within a filter, AND across. */
@InputType({
  description:
    "Filters van de nazorgkaart. Waarden binnen één filter combineren met OF, verschillende filters met EN.",
})
export class NazorgMapFilter {
  @Field(() => [TargetGroup], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20, { message: "Kies hoogstens 20 doelgroepen." })
  targetGroups?: TargetGroup[];

  @Field(() => [DeliveredBy], { nullable: true, description: "Uitgevoerd door" })
  @IsOptional()
  @ArrayMaxSize(10, { message: "Kies hoogstens 10 soorten uitvoerders." })
  deliveredBy?: DeliveredBy[];

  @Field(() => [Phase], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(10, { message: "Kies hoogstens 10 fasen." })
  phases?: Phase[];
}
