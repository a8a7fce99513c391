import { ArrayMaxSize, IsOptional, MaxLength, MinLength } from "class-validator";
import { Field, ID, InputType } from "type-graphql";
import { ContactPreference } from "../inwoner/client.entity.js";
import { LifeDomain } from "../taxonomy/taxonomy.js";
import { ReferralState, Urgency } from "./referral.entity.js";

@InputType({
  description: "Een nieuwe warme overdracht (concept) vanaf een aanbod op de sociale kaart",
})
export class StartReferralInput {
  @Field(() => ID)
  caseId: string;

  @Field(() => ID)
  offeringId: string;

  @Field()
  @MinLength(3, { message: "Beschrijf de hulpvraag." })
  @MaxLength(2000, { message: "De hulpvraag mag hoogstens 2000 tekens lang zijn." })
  question: string;

  @Field()
  @MinLength(3, { message: "Schrijf een korte overdrachtssamenvatting." })
  @MaxLength(5000, {
    message: "De samenvatting mag hoogstens 5000 tekens lang zijn.",
  })
  handoverSummary: string;

  @Field(() => [LifeDomain])
  @ArrayMaxSize(12, { message: "Kies hoogstens 12 levensgebieden." })
  lifeDomains: LifeDomain[];

  @Field(() => Urgency, { defaultValue: Urgency.NORMAAL })
  urgency: Urgency;

  @Field(() => [ContactPreference])
  @ArrayMaxSize(5, { message: "Kies hoogstens vijf contactvoorkeuren." })
  contactPreferences: ContactPreference[];

  @Field(() => ID, {
    nullable: true,
    description: "De toestemming waarop de overdracht rust; nodig om te versturen",
  })
  @IsOptional()
  consentId?: string | null;
}

@InputType()
export class ReferralTransitionInput {
  @Field(() => ID)
  referralId: string;

  @Field(() => ReferralState)
  to: ReferralState;

  @Field(() => ReferralState, {
    nullable: true,
    description:
      "De status die de medewerker zag; wijkt die af, dan volgt CONFLICT in plaats van een verkeerde stap",
  })
  @IsOptional()
  expectedState?: ReferralState | null;

  @Field(() => String, {
    nullable: true,
    description: "Reden of toelichting; verplicht bij afwijzen, annuleren en niet gelukt",
  })
  @IsOptional()
  @MaxLength(2000, { message: "De toelichting mag hoogstens 2000 tekens lang zijn." })
  note?: string | null;

  @Field(() => Date, { nullable: true, description: "Datum en tijd van de kennismaking" })
  @IsOptional()
  introductionAt?: Date | null;
}
