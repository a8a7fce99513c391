import {
  ArrayMaxSize,
  IsOptional,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from "class-validator";
import { ArgsType, Field, Float, InputType, Int } from "type-graphql";
import {
  Channel,
  DeliveredBy,
  LifeDomain,
  PaletteLevel,
  Phase,
  ServiceModule,
  TargetGroup,
} from "../taxonomy/taxonomy.js";

export const maxSearchTextLength = 200;
export const maxPageSize = 100;
export const defaultPageSize = 20;

/** At most 50 values in one filter; `values` names them as the filter does ("leefgebieden"). */
const listLimit = (values: string) => ArrayMaxSize(50, { message: `Kies hoogstens 50 ${values}.` });

@InputType({
  description:
    "Zoekvraag op de sociale kaart. Waarden binnen één filter combineren met OF, verschillende filters met EN.",
})
export class OfferingSearchInput {
  @Field({
    nullable: true,
    description: "Vrije tekst; Nederlandse woordvormen, zonder accenten, met tikfouten",
  })
  @IsOptional()
  @MaxLength(maxSearchTextLength, {
    message: `De zoektekst mag hoogstens ${maxSearchTextLength} tekens lang zijn.`,
  })
  text?: string;

  @Field({ nullable: true, description: 'Postcode, "6811" of "6811 AB": sorteert op afstand' })
  @IsOptional()
  @MaxLength(12, {
    message: "Ongeldige postcode: gebruik bijvoorbeeld 6811 of 6811 AB.",
  })
  near?: string;

  @Field(() => Float, { nullable: true, description: "Alleen aanbod binnen zoveel km van `near`" })
  @IsOptional()
  @Min(0.1, { message: "De maximale afstand moet minstens 0,1 km zijn." })
  @Max(500, { message: "De maximale afstand mag hoogstens 500 km zijn." })
  maxDistanceKm?: number;

  @Field(() => [String], { nullable: true, description: "CBS-codes, bijvoorbeeld GM0202" })
  @IsOptional()
  @listLimit("gemeenten")
  @Matches(/^GM[0-9]{4}$/, {
    each: true,
    message: "Ongeldige gemeentecode: gebruik de CBS-code, bijvoorbeeld GM0202.",
  })
  gemeenten?: string[];

  @Field(() => [ServiceModule], { nullable: true })
  @IsOptional()
  @listLimit("modules")
  modules?: ServiceModule[];

  @Field(() => [Phase], { nullable: true })
  @IsOptional()
  @listLimit("fasen")
  phases?: Phase[];

  @Field(() => [PaletteLevel], { nullable: true })
  @IsOptional()
  @listLimit("plekken op het palet")
  paletteLevels?: PaletteLevel[];

  @Field(() => [LifeDomain], { nullable: true })
  @IsOptional()
  @listLimit("leefgebieden")
  lifeDomains?: LifeDomain[];

  @Field(() => [TargetGroup], { nullable: true })
  @IsOptional()
  @listLimit("doelgroepen")
  targetGroups?: TargetGroup[];

  @Field(() => [Channel], { nullable: true })
  @IsOptional()
  @listLimit("kanalen")
  channels?: Channel[];

  @Field(() => [DeliveredBy], { nullable: true })
  @IsOptional()
  @listLimit("soorten uitvoerders")
  deliveredBy?: DeliveredBy[];

  @Field({ nullable: true, description: "Alleen aanbod met vrije plekken" })
  @IsOptional()
  withCapacityOnly?: boolean;
}

@ArgsType()
export class OfferingsArgs {
  @Field(() => OfferingSearchInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  search?: OfferingSearchInput;

  @Field(() => Int, { defaultValue: defaultPageSize, nullable: true })
  @IsOptional()
  @Min(1, { message: "Het aantal resultaten moet minstens 1 zijn." })
  @Max(maxPageSize, {
    message: `Het aantal resultaten mag hoogstens ${maxPageSize} zijn.`,
  })
  first?: number | null;

  @Field({ nullable: true, description: "endCursor van de vorige pagina" })
  @IsOptional()
  @MaxLength(1000, {
    message: "Deze pagina van de zoekresultaten bestaat niet meer. Zoek opnieuw.",
  })
  after?: string;
}
