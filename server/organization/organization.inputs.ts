import {
  ArrayMaxSize,
  IsOptional,
  IsUrl,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from "class-validator";
import { Field, InputType } from "type-graphql";
import { OrganizationKind } from "../taxonomy/taxonomy.js";
import { ContactPersonInput, ContactPointInput } from "./contact.inputs.js";

@InputType({ description: "De gegevens van een ketenpartner die de partner zelf bijhoudt" })
export class OrganizationInput {
  @Field()
  @MinLength(2, { message: "Vul de naam van de organisatie in." })
  @MaxLength(200, { message: "De naam mag hoogstens 200 tekens lang zijn." })
  name: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000, {
    message: "De omschrijving mag hoogstens 2000 tekens lang zijn.",
  })
  description?: string | null;

  @Field(() => [String], {
    description: "CBS-codes van de gemeenten waarvoor de organisatie werkt",
  })
  @ArrayMaxSize(400, { message: "Kies hoogstens 400 gemeenten." })
  @Matches(/^GM[0-9]{4}$/, { each: true, message: "Gebruik CBS-codes zoals GM0202." })
  gemeenten: string[];

  @Field(() => ContactPointInput)
  @ValidateNested()
  contactPoint: ContactPointInput;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUrl(
    { protocols: ["https", "http"], require_protocol: true },
    { message: "Vul een volledig webadres in, zoals https://www.voorbeeld.nl." },
  )
  website?: string | null;

  @Field()
  nvvkMember: boolean;

  @Field(() => ContactPersonInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  coordinator?: ContactPersonInput | null;
}

@InputType({ description: "Een nieuwe ketenpartner in de regio (door de regiobeheerder)" })
export class NewOrganizationInput extends OrganizationInput {
  @Field(() => OrganizationKind)
  kind: OrganizationKind;
}
