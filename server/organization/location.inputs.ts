import { IsOptional, Max, MaxLength, Min, MinLength } from "class-validator";
import { Field, Float, InputType } from "type-graphql";

@InputType({
  description: "Een vestiging of plek; zonder coördinaten geldt het midden van het postcodegebied",
})
export class LocationInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200, { message: "De naam mag hoogstens 200 tekens lang zijn." })
  name?: string | null;

  @Field()
  @MinLength(2, { message: "Vul straat en huisnummer in." })
  @MaxLength(200, { message: "De straat mag hoogstens 200 tekens lang zijn." })
  street: string;

  @Field({ description: "6811 AB" })
  @MaxLength(10, { message: "Ongeldige postcode: gebruik bijvoorbeeld 6811 AB." })
  postcode: string;

  @Field()
  @MinLength(2, { message: "Vul de plaats in." })
  @MaxLength(100, { message: "De plaats mag hoogstens 100 tekens lang zijn." })
  city: string;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @Min(50.7, { message: "De breedtegraad ligt niet in Nederland." })
  @Max(53.6, { message: "De breedtegraad ligt niet in Nederland." })
  latitude?: number | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @Min(3.3, { message: "De lengtegraad ligt niet in Nederland." })
  @Max(7.3, { message: "De lengtegraad ligt niet in Nederland." })
  longitude?: number | null;
}
