import { Field, Float, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";

@ObjectType({ description: "Een viercijferig postcodegebied (PC4) met zijn middelpunt" })
@Entity({ name: "postcode_area" })
export class PostcodeArea {
  @Field({ description: "De vier cijfers, bijvoorbeeld 6811" })
  @PrimaryColumn("text")
  code: string;

  @Field(() => Float)
  @Column("float8")
  latitude: number;

  @Field(() => Float)
  @Column("float8")
  longitude: number;

  @Column("text", { name: "gemeente_code" })
  gemeenteCode: string;
}
