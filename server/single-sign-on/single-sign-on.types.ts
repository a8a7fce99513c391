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
  clientId: string;

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

  /** The issuer's address, e.g. https://login.organisatie.nl; its discovery document must answer. */
  @Field()
  @MinLength(1, { message: "Vul het adres van de issuer in." })
  @MaxLength(500, { message: "Het adres van de issuer mag hoogstens 500 tekens lang zijn." })
  issuer: string;

  @Field()
  @MinLength(1, { message: "Vul de client id in." })
  @MaxLength(500, { message: "De client id mag hoogstens 500 tekens lang zijn." })
  clientId: string;

  /** Leave empty to keep the secret of the connection being replaced. */
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(1000, { message: "Het client secret mag hoogstens 1000 tekens lang zijn." })
  clientSecret?: string | null;

  /** The domain of the organisation's e-mail addresses, e.g. organisatie.nl. */
  @Field()
  @MinLength(1, { message: "Vul het e-maildomein in." })
  @MaxLength(253, { message: "Het e-maildomein mag hoogstens 253 tekens lang zijn." })
  emailDomain: string;
}
