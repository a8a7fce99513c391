import {
  ArrayMaxSize,
  ArrayMinSize,
  IsOptional,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from "class-validator";
import { Field, ID, InputType, Int } from "type-graphql";
import { ContactPersonInput } from "../organization/contact.inputs.js";
import {
  Channel,
  DeliveredBy,
  LifeDomain,
  PaletteLevel,
  Phase,
  ServiceModule,
  TargetGroup,
} from "../taxonomy/taxonomy.js";

@InputType()
export class CapacityInput {
  @Field(() => Int)
  @Min(0, { message: "Het aantal vrije plekken kan niet negatief zijn." })
  @Max(100_000, { message: "Het aantal vrije plekken is te groot." })
  available: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(0, { message: "Het totaal aantal plekken kan niet negatief zijn." })
  @Max(100_000, { message: "Het totaal aantal plekken is te groot." })
  total?: number | null;
}

const optionalText = (label: string, max = 300) =>
  MaxLength(max, { message: `${label} mag hoogstens ${max} tekens lang zijn.` });

@InputType({ description: "De beschrijving van een aanbod, zoals de aanbieder die bijhoudt" })
export class OfferingInput {
  @Field()
  @MinLength(3, { message: "Geef het aanbod een titel van minstens 3 tekens." })
  @MaxLength(200, { message: "De titel mag hoogstens 200 tekens lang zijn." })
  title: string;

  @Field()
  @MinLength(20, { message: "Beschrijf het aanbod in minstens 20 tekens." })
  @MaxLength(5000, {
    message: "De beschrijving mag hoogstens 5000 tekens lang zijn.",
  })
  description: string;

  @Field(() => ServiceModule)
  module: ServiceModule;

  @Field(() => [Phase])
  @ArrayMinSize(1, { message: "Kies minstens één fase." })
  @ArrayMaxSize(20, { message: "Kies hoogstens 20 fasen." })
  phases: Phase[];

  @Field(() => PaletteLevel, { nullable: true, description: "Verplicht bij nazorgaanbod" })
  @IsOptional()
  paletteLevel?: PaletteLevel | null;

  @Field(() => [LifeDomain])
  @ArrayMaxSize(20, { message: "Kies hoogstens 20 levensgebieden." })
  lifeDomains: LifeDomain[];

  @Field(() => [TargetGroup], { description: "Leeg: voor iedereen" })
  @ArrayMaxSize(30, { message: "Kies hoogstens 30 doelgroepen." })
  targetGroups: TargetGroup[];

  @Field(() => [Channel])
  @ArrayMinSize(1, { message: "Kies minstens één kanaal." })
  @ArrayMaxSize(20, { message: "Kies hoogstens 20 kanalen." })
  channels: Channel[];

  @Field(() => [DeliveredBy])
  @ArrayMinSize(1, { message: "Kies wie het aanbod uitvoert." })
  @ArrayMaxSize(20, { message: "Kies hoogstens 20 soorten uitvoerders." })
  deliveredBy: DeliveredBy[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @optionalText("De frequentie")
  frequency?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @optionalText("De duur")
  duration?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @optionalText("De kosten")
  costs?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @optionalText("De wachttijd")
  waitingTime?: string | null;

  @Field(() => CapacityInput, { nullable: true, description: "Leeg als u geen plekken bijhoudt" })
  @IsOptional()
  @ValidateNested()
  capacity?: CapacityInput | null;

  @Field()
  documentsNeeded: boolean;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @optionalText("De toelichting op documenten", 1000)
  documentsNote?: string | null;

  @Field(() => [String], { description: "ISO 639-1-codes, bijvoorbeeld nl, en, ar" })
  @ArrayMinSize(1, { message: "Kies minstens één taal." })
  @ArrayMaxSize(30, { message: "Kies hoogstens 30 talen." })
  @Matches(/^[a-z]{2,3}$/, {
    each: true,
    message: "Gebruik taalcodes zoals nl of ar.",
  })
  languages: string[];

  @Field(() => [ID], { description: "Locaties van de eigen organisatie" })
  @ArrayMaxSize(50, { message: "Kies hoogstens 50 locaties." })
  locationIds: string[];

  @Field(() => [String], {
    description: "CBS-codes van de gemeenten waar het aanbod te gebruiken is",
  })
  @ArrayMaxSize(400, { message: "Kies hoogstens 400 gemeenten." })
  @Matches(/^GM[0-9]{4}$/, {
    each: true,
    message: "Gebruik CBS-codes zoals GM0202.",
  })
  gemeenten: string[];

  @Field(() => ContactPersonInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  contactPerson?: ContactPersonInput | null;
}
