import {
  ArrayMaxSize,
  ArrayMinSize,
  IsOptional,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from "class-validator";
import { Field, ID, InputType, Int } from "type-graphql";
import { NetworkAgreementKind } from "./network-agreement.entity.js";

const isoDate = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

@InputType({ description: "Een nieuwe samenwerkingsafspraak" })
export class NetworkAgreementInput {
  @Field(() => NetworkAgreementKind)
  kind: NetworkAgreementKind;

  @Field({ description: "Bijvoorbeeld: Convenant vroegsignalering Arnhem" })
  @MinLength(3, { message: "Geef de afspraak een naam van minstens 3 tekens." })
  @MaxLength(200, { message: "De naam mag hoogstens 200 tekens lang zijn." })
  title: string;

  @Field(() => String, { nullable: true, description: "Wat is er afgesproken?" })
  @IsOptional()
  @MaxLength(2000, {
    message: "De omschrijving mag hoogstens 2000 tekens lang zijn.",
  })
  description?: string | null;

  @Field(() => [ID], { description: "De ketenpartners die de afspraak maken" })
  @ArrayMinSize(1, { message: "Kies minstens één ketenpartner." })
  @ArrayMaxSize(30, { message: "Kies hoogstens 30 ketenpartners." })
  partyIds: string[];

  @Field(() => ID, {
    nullable: true,
    description: "Alleen bij regie op nazorg: de partner die de regie heeft (een van de partijen)",
  })
  @IsOptional()
  regieOrganizationId?: string | null;

  @Field(() => [String], { description: "CBS-codes van de gemeenten waarvoor de afspraak geldt" })
  @ArrayMinSize(1, { message: "Kies minstens één gemeente." })
  @ArrayMaxSize(50, { message: "Kies hoogstens 50 gemeenten." })
  @Matches(/^GM[0-9]{4}$/, {
    each: true,
    message: "Gebruik voor de gemeenten CBS-codes zoals GM0202.",
  })
  gemeenteCodes: string[];

  @Field(() => Int, { nullable: true, description: "Reactienorm in werkdagen" })
  @IsOptional()
  @Min(1, { message: "De reactienorm is minstens 1 werkdag." })
  @Max(60, { message: "De reactienorm is hoogstens 60 werkdagen." })
  responseNormWorkingDays?: number | null;

  @Field({ description: "JJJJ-MM-DD" })
  @Matches(isoDate, { message: "Vul de begindatum in als JJJJ-MM-DD." })
  validFrom: string;

  @Field(() => String, { nullable: true, description: "JJJJ-MM-DD; leeg: onbepaalde tijd" })
  @IsOptional()
  @Matches(isoDate, { message: "Vul de einddatum in als JJJJ-MM-DD." })
  validUntil?: string | null;
}

@InputType({ description: "Beëindig een samenwerkingsafspraak" })
export class EndNetworkAgreementInput {
  @Field(() => ID)
  id: string;

  @Field({ description: "Laatste dag (JJJJ-MM-DD) waarop de afspraak nog geldt" })
  @Matches(isoDate, { message: "Vul de laatste dag in als JJJJ-MM-DD." })
  validUntil: string;
}
