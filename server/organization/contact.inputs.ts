import { IsEmail, IsOptional, MaxLength, MinLength } from "class-validator";
import { Field, InputType } from "type-graphql";

@InputType()
export class ContactPersonInput {
  @Field()
  @MinLength(1, { message: "Vul de naam van de contactpersoon in." })
  @MaxLength(200, { message: "De naam mag hoogstens 200 tekens lang zijn." })
  name: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(30, { message: "Het telefoonnummer mag hoogstens 30 tekens lang zijn." })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail({}, { message: "Vul een geldig e-mailadres in." })
  email?: string | null;
}

@InputType()
export class ContactPointInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(30, { message: "Het telefoonnummer mag hoogstens 30 tekens lang zijn." })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail({}, { message: "Vul een geldig e-mailadres in." })
  email?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(300, { message: "Het adres mag hoogstens 300 tekens lang zijn." })
  address?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(300, {
    message: "De openingstijden mogen hoogstens 300 tekens lang zijn.",
  })
  openingHours?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(300, {
    message: "De inlooptijden mogen hoogstens 300 tekens lang zijn.",
  })
  walkInHours?: string | null;
}
