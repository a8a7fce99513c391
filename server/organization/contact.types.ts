import { Field, ObjectType } from "type-graphql";
import { Column } from "typeorm";

@ObjectType({ description: "Het loket: hoe een organisatie bereikbaar is", simpleResolvers: true })
export class ContactPoint {
  @Field(() => String, { nullable: true })
  @Column("text", { name: "contact_phone", nullable: true })
  phone: string | null;

  @Field(() => String, { nullable: true })
  @Column("text", { name: "contact_email", nullable: true })
  email: string | null;

  @Field(() => String, { nullable: true })
  @Column("text", { name: "contact_address", nullable: true })
  address: string | null;

  @Field(() => String, { nullable: true, description: "Openingstijden, in woorden" })
  @Column("text", { name: "opening_hours", nullable: true })
  openingHours: string | null;

  @Field(() => String, { nullable: true, description: "Inloopspreekuur, in woorden" })
  @Column("text", { name: "walk_in_hours", nullable: true })
  walkInHours: string | null;
}

@ObjectType({ description: "Een contactpersoon", simpleResolvers: true })
export class ContactPerson {
  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  email?: string | null;
}
