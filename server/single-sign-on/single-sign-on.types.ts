import { IsOptional, IsUUID, MaxLength, MinLength } from "class-validator";
import { Field, ID, InputType, ObjectType } from "type-graphql";

@ObjectType({
  description:
    "Inloggen via de organisatie (OpenID Connect): de koppeling zoals de beheerder die ziet, zonder het client secret",
})
export class SingleSignOnConnection {
  @Field(() => ID)
  organizationId: string;

  @Field({ description: "Het adres van de OpenID Connect-issuer van de organisatie" })
  issuer: string;

  @Field({ description: "De client id die de issuer aan Ketenkaart gaf" })
  openidClientId: string;

  @Field({ description: "Wie een e-mailadres op dit domein heeft, logt in via de issuer" })
  emailDomain: string;

  @Field({ description: "Wanneer de koppeling het laatst is ingesteld" })
  updatedAt: Date;
}

@InputType({ description: "Inloggen via de organisatie instellen of vervangen" })
export class SetSingleSignOnInput {
  @Field(() => ID)
  @IsUUID("all", { message: "Kies een bestaande organisatie." })
  organizationId: string;

  @Field({
    description:
      "Het adres van de issuer, zoals https://login.organisatie.nl; het discovery-document moet antwoorden",
  })
  @MinLength(1, { message: "Vul het adres van de issuer in." })
  @MaxLength(500, { message: "Het adres van de issuer mag hoogstens 500 tekens lang zijn." })
  issuer: string;

  @Field({ description: "De client id die de issuer aan Ketenkaart gaf" })
  @MinLength(1, { message: "Vul de client id in." })
  @MaxLength(500, { message: "De client id mag hoogstens 500 tekens lang zijn." })
  openidClientId: string;

  @Field(() => String, {
    nullable: true,
    description: "Leeg: het secret van de koppeling die wordt vervangen blijft",
  })
  @IsOptional()
  @MaxLength(1000, { message: "Het client secret mag hoogstens 1000 tekens lang zijn." })
  clientSecret?: string | null;

  @Field({
    description: "Het domein van de e-mailadressen van de organisatie, zoals organisatie.nl",
  })
  @MinLength(1, { message: "Vul het e-maildomein in." })
  @MaxLength(253, { message: "Het e-maildomein mag hoogstens 253 tekens lang zijn." })
  emailDomain: string;
}
