import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { ContactPerson } from "../organization/contact.types.js";
import {
  Channel,
  DeliveredBy,
  LifeDomain,
  OfferingStatus,
  PaletteLevel,
  Phase,
  ServiceModule,
  TargetGroup,
} from "../taxonomy/taxonomy.js";

@ObjectType({
  description: "Vrije plekken, zoals de aanbieder ze het laatst doorgaf",
  simpleResolvers: true,
})
export class Capacity {
  @Field(() => Int)
  available: number;

  @Field(() => Int, { nullable: true })
  total: number | null;

  @Field()
  updatedAt: Date;
}

@ObjectType({
  description: "Eén dienst van een ketenpartner op de sociale kaart",
  simpleResolvers: true,
})
@Entity({ name: "offering" })
export class Offering {
  @Field(() => ID)
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column("uuid", { name: "organization_id" })
  organizationId: string;

  @Field()
  @Column("text")
  title: string;

  @Field()
  @Column("text")
  description: string;

  @Field(() => ServiceModule)
  @Column("text")
  module: ServiceModule;

  @Field(() => [Phase])
  @Column("text", { array: true })
  phases: Phase[];

  @Field(() => PaletteLevel, {
    nullable: true,
    description: "Plek op het palet van nazorg; alleen bij nazorgaanbod",
  })
  @Column("text", { name: "palette_level", nullable: true })
  paletteLevel: PaletteLevel | null;

  @Field(() => [LifeDomain])
  @Column("text", { name: "life_domains", array: true })
  lifeDomains: LifeDomain[];

  @Field(() => [TargetGroup], { description: "Leeg: voor iedereen" })
  @Column("text", { name: "target_groups", array: true })
  targetGroups: TargetGroup[];

  @Field(() => [Channel])
  @Column("text", { array: true })
  channels: Channel[];

  @Field(() => [DeliveredBy])
  @Column("text", { name: "delivered_by", array: true })
  deliveredBy: DeliveredBy[];

  @Field(() => String, {
    nullable: true,
    description: "Bijvoorbeeld: contact na 3, 6 en 12 maanden",
  })
  @Column("text", { nullable: true })
  frequency: string | null;

  @Field(() => String, { nullable: true })
  @Column("text", { nullable: true })
  duration: string | null;

  @Field(() => String, { nullable: true })
  @Column("text", { nullable: true })
  costs: string | null;

  @Field(() => String, { nullable: true })
  @Column("text", { name: "waiting_time", nullable: true })
  waitingTime: string | null;

  @Column("integer", { name: "capacity_available", nullable: true })
  capacityAvailable: number | null;

  @Column("integer", { name: "capacity_total", nullable: true })
  capacityTotal: number | null;

  @Column("timestamptz", { name: "capacity_updated_at", nullable: true })
  capacityUpdatedAt: Date | null;

  @Field({ description: "Onwaar: geen documentplicht voor een eerste gesprek" })
  @Column("boolean", { name: "documents_needed" })
  documentsNeeded: boolean;

  @Field(() => String, { nullable: true })
  @Column("text", { name: "documents_note", nullable: true })
  documentsNote: string | null;

  @Field(() => [String], { description: "Talen als ISO 639-1-codes, bijvoorbeeld nl, en, ar" })
  @Column("text", { array: true })
  languages: string[];

  /** CBS codes of the gemeenten where the offering can be used (includes its locations'). */
  @Column("text", { name: "gemeente_codes", array: true })
  gemeenteCodes: string[];

  /** CBS codes of the gemeenten the partner says it covers. */
  @Column("text", { name: "covered_gemeente_codes", array: true })
  coveredGemeenteCodes: string[];

  @Field(() => ContactPerson, { nullable: true })
  @Column("jsonb", { name: "contact_person", nullable: true })
  contactPerson: ContactPerson | null;

  @Field(() => OfferingStatus)
  @Column("text")
  status: OfferingStatus;

  @Field({ description: "Wanneer de gegevens het laatst zijn gecontroleerd" })
  @Column("timestamptz", { name: "last_verified_at" })
  lastVerifiedAt: Date;
}
