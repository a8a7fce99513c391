import { ArrayMaxSize, IsOptional, Matches, Max, MaxLength, Min, MinLength } from "class-validator";
import { Field, ID, InputType, Int } from "type-graphql";
import { Channel, PaletteLevel } from "../taxonomy/taxonomy.js";
import { ContactSignal, InBalance } from "./nazorg-contact.entity.js";
import { NazorgAdjustmentKind } from "./nazorg-plan.entity.js";

const isoDate = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

@InputType({ description: "Een nazorgplan aan het einde van het traject" })
export class CreateNazorgPlanInput {
  @Field(() => ID)
  caseId: string;

  @Field(() => String, {
    nullable: true,
    description: "Einde van het traject (JJJJ-MM-DD); het begin van de nazorg zonder krediet",
  })
  @IsOptional()
  @Matches(isoDate, {
    message: "Vul de einddatum van het traject in als JJJJ-MM-DD.",
  })
  trajectoryEndedOn?: string | null;

  @Field({ defaultValue: false, description: "Nazorg na een saneringskrediet: 24 maanden" })
  saneringskrediet: boolean;

  @Field(() => String, {
    nullable: true,
    description: "Datum van verstrekking van het saneringskrediet (JJJJ-MM-DD)",
  })
  @IsOptional()
  @Matches(isoDate, {
    message: "Vul de datum van het saneringskrediet in als JJJJ-MM-DD.",
  })
  creditGrantedOn?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: "Duur in maanden; standaard 12, of 24 na een saneringskrediet",
  })
  @IsOptional()
  @Min(1, { message: "De duur is minstens 1 maand." })
  @Max(60, { message: "De duur is hoogstens 60 maanden." })
  durationMonths?: number | null;

  @Field(() => ID, { description: "Een organisatie uit het casusteam" })
  responsibleOrganizationId: string;

  @Field(() => ID, {
    nullable: true,
    description: "De vaste contactpersoon: continuïteit, zo veel mogelijk dezelfde persoon",
  })
  @IsOptional()
  responsibleUserId?: string | null;

  @Field(() => PaletteLevel, { nullable: true })
  @IsOptional()
  paletteLevel?: PaletteLevel | null;

  @Field(() => String, { nullable: true, description: "Eigen wensen van de inwoner" })
  @IsOptional()
  @MaxLength(2000, {
    message: "De wensen van de inwoner mogen hoogstens 2000 tekens lang zijn.",
  })
  clientWishes?: string | null;
}

@InputType({ description: "Wie de nazorg doet, het palet en de wensen van de inwoner" })
export class UpdateNazorgPlanInput {
  @Field(() => ID)
  planId: string;

  @Field(() => ID, { description: "Een organisatie uit het casusteam" })
  responsibleOrganizationId: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  responsibleUserId?: string | null;

  @Field(() => PaletteLevel, { nullable: true })
  @IsOptional()
  paletteLevel?: PaletteLevel | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000, {
    message: "De wensen van de inwoner mogen hoogstens 2000 tekens lang zijn.",
  })
  clientWishes?: string | null;
}

@InputType({ description: "Verlengen, intensiveren of verkorten, met de inwoner afgesproken" })
export class AdjustNazorgPlanInput {
  @Field(() => ID)
  planId: string;

  @Field(() => NazorgAdjustmentKind)
  kind: NazorgAdjustmentKind;

  @Field()
  @MinLength(3, { message: "Leg uit waarom het plan verandert." })
  @MaxLength(1000, { message: "De reden mag hoogstens 1000 tekens lang zijn." })
  reason: string;

  @Field(() => Int, {
    nullable: true,
    description: "Nieuwe duur; nodig bij verlengen en verkorten",
  })
  @IsOptional()
  @Min(1, { message: "De duur is minstens 1 maand." })
  @Max(60, { message: "De duur is hoogstens 60 maanden." })
  durationMonths?: number | null;

  @Field(() => PaletteLevel, {
    nullable: true,
    description: "Bij intensiveren: een intensievere plek op het palet",
  })
  @IsOptional()
  paletteLevel?: PaletteLevel | null;

  @Field(() => [String], {
    nullable: true,
    description: "Bij intensiveren: extra contactmomenten (JJJJ-MM-DD)",
  })
  @IsOptional()
  @ArrayMaxSize(24, { message: "Plan hoogstens 24 extra contactmomenten." })
  @Matches(isoDate, {
    each: true,
    message: "Vul elke datum in als JJJJ-MM-DD.",
  })
  addPlannedOn?: string[] | null;
}

@InputType({ description: "Een gehouden contact vastleggen" })
export class RegisterNazorgContactInput {
  @Field(() => ID)
  planId: string;

  @Field(() => ID, {
    nullable: true,
    description: "Het geplande moment dat nu gehouden is; leeg voor een ongepland contact",
  })
  @IsOptional()
  contactId?: string | null;

  @Field({ description: "Datum van het gesprek (JJJJ-MM-DD)" })
  @Matches(isoDate, { message: "Vul de datum van het contact in als JJJJ-MM-DD." })
  heldOn: string;

  @Field(() => Channel)
  channel: Channel;

  @Field(() => ID, {
    nullable: true,
    description: "Wie het contact had (een medewerker uit het casusteam); standaard uzelf",
  })
  @IsOptional()
  heldByUserId?: string | null;

  @Field(() => InBalance)
  inBalance: InBalance;

  @Field(() => [ContactSignal], { defaultValue: [] })
  @ArrayMaxSize(8, { message: "Kies hoogstens acht signalen." })
  signals: ContactSignal[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000, { message: "De notitie mag hoogstens 2000 tekens lang zijn." })
  note?: string | null;

  @Field(() => String, { nullable: true, description: "Het vervolg, bijvoorbeeld een verwijzing" })
  @IsOptional()
  @MaxLength(1000, { message: "Het vervolg mag hoogstens 1000 tekens lang zijn." })
  followUp?: string | null;
}
