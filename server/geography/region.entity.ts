import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";

@ObjectType({ description: "Een regio: een samenwerkingsverband van gemeenten" })
@Entity({ name: "region" })
export class Region {
  @Field(() => ID)
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Field()
  @Column("text")
  code: string;

  @Field()
  @Column("text")
  name: string;
}
