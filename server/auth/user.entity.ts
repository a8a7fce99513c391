import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { Role } from "./role.js";

@ObjectType({ description: "Een professional van een ketenpartner", simpleResolvers: true })
@Entity({ name: "app_user" })
export class User {
  @Field(() => ID)
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column("uuid", { name: "organization_id" })
  organizationId: string;

  @Field()
  @Column("text")
  email: string;

  @Field()
  @Column("text")
  name: string;

  // Never exposed: the schema has no field for it.
  @Column("text", { name: "password_hash", nullable: true })
  passwordHash: string | null;

  @Field(() => [Role])
  @Column("text", { array: true })
  roles: Role[];

  @Column("timestamptz", { name: "disabled_at", nullable: true })
  disabledAt: Date | null;
}
