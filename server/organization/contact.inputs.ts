import { IsEmail, IsOptional, MaxLength, MinLength } from "class-validator";
import { Field, InputType } from "type-graphql";

@InputType()
export class ContactPersonInput {
  @Field()
  @MinLength(1, { message: "Vul de naam van de contactpersoon in ('name')." })
  @MaxLength(200, { message: "De naam ('name') mag hoogstens 200 tekens lang zijn." })
  name: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(30, { message: "Het telefoonnummer ('phone') mag hoogstens 30 tekens lang zijn." })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail({}, { message: "Vul een geldig e-mailadres in ('email')." })
  email?: string | null;
}

@InputType()
export class ContactPointInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(30, { message: "Het telefoonnummer ('phone') mag hoogstens 30 tekens lang zijn." })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail({}, { message: "Vul een geldig e-mailadres in ('email')." })
  email?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(300, { message: "Het adres ('address') mag hoogstens 300 tekens lang zijn." })
  address?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(300, {
    message: "De openingstijden ('openingHours') mogen hoogstens 300 tekens lang zijn.",
  })
  openingHours?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(300, {
    message: "De inlooptijden ('walkInHours') mogen hoogstens 300 tekens lang zijn.",
  })
  walkInHours?: string | null;
}
