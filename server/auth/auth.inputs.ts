import { IsEmail, IsOptional, MaxLength, MinLength } from "class-validator";
import { Field, InputType, Int, ObjectType } from "type-graphql";
import { User } from "./user.entity.js";

@InputType()
export class LoginInput {
  @Field()
  @IsEmail({}, { message: "Vul een geldig e-mailadres in." })
  @MaxLength(254, { message: "Het e-mailadres is te lang." })
  email: string;

  @Field()
  @MinLength(1, { message: "Vul uw wachtwoord in." })
  @MaxLength(200, { message: "Het wachtwoord is te lang." })
  password: string;

  @Field(() => String, {
    nullable: true,
    description:
      "De code van de authenticator-app of een herstelcode, als het account tweestapsverificatie heeft",
  })
  @IsOptional()
  @MaxLength(20, { message: "De code is te lang." })
  code?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Het antwoord van de passkey (JSON van navigator.credentials.get), als het account een passkey heeft",
  })
  @IsOptional()
  @MaxLength(20_000, { message: "Het antwoord van de passkey is te lang." })
  passkey?: string | null;
}

@ObjectType()
export class LoginResult {
  @Field({ description: "Voor API-koppelingen: stuur mee als `Authorization: Bearer …`" })
  token: string;

  @Field()
  expiresAt: Date;

  @Field(() => User)
  user: User;
}

@ObjectType({ description: "De sessie van de ingelogde gebruiker: wanneer die verloopt" })
export class SessionInfo {
  @Field({ description: "Wanneer de sessie verloopt, tenzij die verlengd wordt" })
  expiresAt: Date;

  @Field({ description: "Verder dan dit moment kan de sessie niet verlengd worden" })
  renewableUntil: Date;

  @Field(() => Int, { description: "Hoeveel minuten voor het verlopen de webclient waarschuwt" })
  warningMinutes: number;
}

@ObjectType({ description: "Wat de inlogpagina vooraf moet weten" })
export class LoginSettings {
  @Field({ description: "Elk account logt in met een tweede stap (authenticator-app)" })
  secondFactorRequired: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      "Het wachtwoord van de demo-accounts, in een demo-omgeving (nooit in productie); anders null",
  })
  demoPassword: string | null;
}
