import { Field, Float, ID, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";

@ObjectType({
  description: "Een vestiging of plek waar aanbod wordt gegeven",
  simpleResolvers: true,
})
@Entity({ name: "location" })
export class Location {
  @Field(() => ID)
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column("uuid", { name: "organization_id" })
  organizationId: string;

  @Field(() => String, { nullable: true })
  @Column("text", { nullable: true })
  name: string | null;

  @Field()
  @Column("text")
  street: string;

  @Field({ description: "Postcode in de vorm 6811 AB" })
  @Column("text")
  postcode: string;

  @Field()
  @Column("text")
  city: string;

  @Field(() => Float)
  @Column("float8")
  latitude: number;

  @Field(() => Float)
  @Column("float8")
  longitude: number;

  @Column("text", { name: "gemeente_code", nullable: true })
  gemeenteCode: string | null;
}
