import {
  ArrayMaxSize,
  IsOptional,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from "class-validator";
import { Field, ID, InputType, Int } from "type-graphql";
import { AgreementStatus } from "./zorgoverleg.entity.js";

@InputType({ description: "Een organisatie om uit te nodigen, en zo mogelijk de medewerker" })
export class ZorgoverlegInviteeInput {
  @Field(() => ID, {
    description:
      "Een organisatie uit het casusteam, of daarbuiten als de toestemming van de inwoner haar dekt",
  })
  organizationId: string;

  @Field(() => ID, { nullable: true, description: "Een medewerker van die organisatie" })
  @IsOptional()
  userId?: string | null;
}

@InputType({ description: "Een zorgoverleg plannen" })
export class ScheduleZorgoverlegInput {
  @Field(() => ID)
  caseId: string;

  @Field({ description: "Begin van het overleg" })
  startsAt: Date;

  @Field(() => Int, { defaultValue: 60, description: "Duur in minuten" })
  @Min(15, { message: "Een overleg duurt minstens 15 minuten." })
  @Max(480, { message: "Een overleg duurt hoogstens 8 uur." })
  durationMinutes: number;

  @Field(() => String, { nullable: true, description: "Plaats, bijvoorbeeld een adres en zaal" })
  @IsOptional()
  @MinLength(2, { message: "Vul een plaats in." })
  @MaxLength(300, { message: "De plaats mag hoogstens 300 tekens lang zijn." })
  location?: string | null;

  @Field(() => String, { nullable: true, description: "Link naar het videogesprek (https)" })
  @IsOptional()
  @Matches(/^https:\/\/\S+$/, {
    message: "Vul een videolink in die met https:// begint.",
  })
  @MaxLength(500, { message: "De videolink mag hoogstens 500 tekens lang zijn." })
  videoLink?: string | null;

  @Field({ defaultValue: false, description: "Of de inwoner deelneemt" })
  clientParticipates: boolean;

  @Field(() => [ZorgoverlegInviteeInput])
  @ArrayMaxSize(30, { message: "Nodig hoogstens 30 deelnemers uit." })
  @ValidateNested()
  invitees: ZorgoverlegInviteeInput[];
}

@InputType({ description: "Een afspraak: wat, wie, wanneer klaar" })
export class AgreementInput {
  @Field({ description: "Wat er gebeurt" })
  @MinLength(3, { message: "Beschrijf wat er afgesproken is." })
  @MaxLength(1000, {
    message: "De afspraak mag hoogstens 1000 tekens lang zijn.",
  })
  description: string;

  @Field(() => ID, { description: "Een organisatie uit het casusteam" })
  ownerOrganizationId: string;

  @Field(() => ID, { nullable: true, description: "Een medewerker van die organisatie" })
  @IsOptional()
  ownerUserId?: string | null;

  @Field({ description: "Uiterlijk klaar op (JJJJ-MM-DD)" })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: "Vul een datum in." })
  dueOn: string;
}

@InputType({ description: "Het regiebesluit: wie de regie krijgt, en waarom" })
export class RegieDecisionInput {
  @Field(() => ID, { description: "Een organisatie uit het casusteam" })
  toOrganizationId: string;

  @Field(() => ID, { nullable: true, description: "Meestal een casemanager of procesregisseur" })
  @IsOptional()
  toUserId?: string | null;

  @Field()
  @MinLength(3, { message: "Leg kort uit waarom de regie overgaat." })
  @MaxLength(1000, { message: "De reden mag hoogstens 1000 tekens lang zijn." })
  reason: string;
}

@InputType({ description: "Een gehouden zorgoverleg vastleggen" })
export class RecordZorgoverlegInput {
  @Field(() => ID)
  zorgoverlegId: string;

  @Field({ description: "Korte samenvatting" })
  @MinLength(3, { message: "Schrijf een korte samenvatting." })
  @MaxLength(5000, {
    message: "De samenvatting mag hoogstens 5000 tekens lang zijn.",
  })
  summary: string;

  @Field({ description: "Hoe de partners elkaar op de hoogte houden" })
  @MinLength(3, {
    message: "Leg vast hoe de partners elkaar op de hoogte houden.",
  })
  @MaxLength(2000, {
    message: "De communicatieafspraak mag hoogstens 2000 tekens lang zijn.",
  })
  communicationAgreement: string;

  @Field(() => Boolean, { nullable: true, description: "Of de inwoner heeft deelgenomen" })
  @IsOptional()
  clientParticipated?: boolean | null;

  @Field(() => [AgreementInput])
  @ArrayMaxSize(30, { message: "Leg hoogstens 30 afspraken tegelijk vast." })
  @ValidateNested()
  agreements: AgreementInput[];

  @Field(() => RegieDecisionInput, {
    nullable: true,
    description: "Leeg: de regie blijft waar ze is",
  })
  @IsOptional()
  @ValidateNested()
  regieDecision?: RegieDecisionInput | null;
}

@InputType()
export class SetAgreementStatusInput {
  @Field(() => ID)
  agreementId: string;

  @Field(() => AgreementStatus)
  status: AgreementStatus;
}
