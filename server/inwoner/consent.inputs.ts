import { ArrayMaxSize, ArrayMinSize, Matches, MaxLength, MinLength } from "class-validator";
import { Field, ID, InputType } from "type-graphql";
import { ConsentDataCategory, ConsentMethod } from "./consent.entity.js";

const isoDate = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

@InputType()
export class ConsentInput {
  @Field(() => [ID], { description: "De organisaties die de gegevens mogen ontvangen" })
  @ArrayMinSize(1, {
    message: "Kies minstens één organisatie die gegevens mag ontvangen.",
  })
  @ArrayMaxSize(20, { message: "Kies hoogstens 20 organisaties." })
  recipientOrganizationIds: string[];

  @Field()
  @MinLength(3, { message: "Beschrijf het doel van het delen." })
  @MaxLength(500, { message: "Het doel mag hoogstens 500 tekens lang zijn." })
  purpose: string;

  @Field(() => [ConsentDataCategory])
  @ArrayMinSize(1, { message: "Kies welke gegevens gedeeld mogen worden." })
  @ArrayMaxSize(20, { message: "Kies hoogstens 20 soorten gegevens." })
  dataCategories: ConsentDataCategory[];

  @Field(() => ConsentMethod)
  method: ConsentMethod;

  @Field({ description: "JJJJ-MM-DD" })
  @Matches(isoDate, { message: "Vul de datum van de toestemming in als JJJJ-MM-DD." })
  givenOn: string;

  @Field({ description: "JJJJ-MM-DD" })
  @Matches(isoDate, { message: "Vul de einddatum in als JJJJ-MM-DD." })
  validUntil: string;
}
