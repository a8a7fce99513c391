import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { OrganizationKind } from "../taxonomy/taxonomy.js";
import { ContactPerson, ContactPoint } from "./contact.types.js";

@ObjectType({ description: "Een ketenpartner", simpleResolvers: true })
@Entity({ name: "organization" })
export class Organization {
  @Field(() => ID)
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Field()
  @Column("text")
  name: string;

  @Field(() => OrganizationKind)
  @Column("text")
  kind: OrganizationKind;

  @Field(() => String, { nullable: true })
  @Column("text", { nullable: true })
  description: string | null;

  /** CBS codes of the gemeenten served. */
  @Column("text", { name: "gemeente_codes", array: true })
  gemeenteCodes: string[];

  @Field(() => ContactPoint)
  @Column(() => ContactPoint, { prefix: false })
  contactPoint: ContactPoint;

  @Field(() => String, { nullable: true })
  @Column("text", { nullable: true })
  website: string | null;

  @Field({ description: "Lid van de NVVK" })
  @Column("boolean", { name: "nvvk_member" })
  nvvkMember: boolean;

  @Field(() => ContactPerson, {
    nullable: true,
    description: "Coördinator die het werk van vrijwilligers inbedt (vrijwilligersorganisaties)",
  })
  @Column("jsonb", { nullable: true })
  coordinator: ContactPerson | null;
}
