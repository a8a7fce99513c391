import { Field, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";

@ObjectType({ description: "Een gemeente, met haar CBS-code", simpleResolvers: true })
@Entity({ name: "gemeente" })
export class Gemeente {
  @Field({ description: "CBS-code, bijvoorbeeld GM0202" })
  @PrimaryColumn("text")
  code: string;

  @Field()
  @Column("text")
  name: string;

  @Column("uuid", { name: "region_id", nullable: true })
  regionId: string | null;
}
