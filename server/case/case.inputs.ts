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
import { ContactPreference } from "../inwoner/client.entity.js";
import { CasePhase } from "./case.entity.js";

@InputType({ description: "Alleen wat de keten nodig heeft; geen BSN" })
export class ClientInput {
  @Field({ description: "Naam of initialen" })
  @MinLength(1, { message: "Vul een naam of initialen in." })
  @MaxLength(100, { message: "De naam mag hoogstens 100 tekens lang zijn." })
  displayName: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(1900, { message: "Vul een geldig geboortejaar in." })
  @Max(2100, { message: "Vul een geldig geboortejaar in." })
  birthYear?: number | null;

  @Field(() => String, { nullable: true, description: "Vier cijfers, bijvoorbeeld 6811" })
  @IsOptional()
  @Matches(/^[1-9][0-9]{3}$/, {
    message: "Vul alleen de vier cijfers van de postcode in.",
  })
  postcodeArea?: string | null;

  @Field(() => [ContactPreference])
  @ArrayMaxSize(5, { message: "Kies hoogstens vijf contactvoorkeuren." })
  contactPreferences: ContactPreference[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(300, {
    message: "De taal- of leesbehoefte mag hoogstens 300 tekens lang zijn.",
  })
  languageNeeds?: string | null;
}

@InputType()
export class OpenCaseInput {
  @Field(() => ClientInput)
  @ValidateNested()
  client: ClientInput;

  @Field(() => CasePhase, { defaultValue: CasePhase.STABILISATIE })
  phase: CasePhase;

  @Field({ description: "De rol van de eigen organisatie in de casus" })
  @MinLength(2, { message: "Beschrijf de rol van uw organisatie." })
  @MaxLength(200, { message: "De rol mag hoogstens 200 tekens lang zijn." })
  role: string;
}

@InputType()
export class TransferRegieInput {
  @Field(() => ID)
  caseId: string;

  @Field(() => ID, { description: "Een organisatie uit het casusteam" })
  toOrganizationId: string;

  @Field(() => ID, { nullable: true, description: "Meestal een casemanager of procesregisseur" })
  @IsOptional()
  toUserId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      "De regietoewijzing die de medewerker als huidige zag; is de regie intussen overgedragen, dan CONFLICT",
  })
  @IsOptional()
  expectedAssignmentId?: string | null;

  @Field()
  @MinLength(3, { message: "Leg kort uit waarom de regie overgaat." })
  @MaxLength(1000, { message: "De reden mag hoogstens 1000 tekens lang zijn." })
  reason: string;
}
