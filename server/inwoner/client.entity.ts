import { registerLabelledEnum } from "../taxonomy/taxonomy.js";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";

export enum ContactPreference {
  TELEFOON = "TELEFOON",
  WHATSAPP = "WHATSAPP",
  EMAIL = "EMAIL",
  BRIEF = "BRIEF",
  LIEVER_NIET_BELLEN = "LIEVER_NIET_BELLEN",
}

export const contactPreferenceLabels: Record<ContactPreference, string> = {
  TELEFOON: "Telefoon",
  WHATSAPP: "WhatsApp",
  EMAIL: "E-mail",
  BRIEF: "Brief",
  LIEVER_NIET_BELLEN: "Liever niet bellen",
};

registerLabelledEnum(
  ContactPreference,
  "ContactPreference",
  "Hoe de inwoner benaderd wil worden",
  contactPreferenceLabels,
);

/** The inwoner: only what the chain needs (no BSN, no financial details). */
@ObjectType({
  description: "Inwoner (hulpvrager): alleen wat de keten nodig heeft",
  simpleResolvers: true,
})
@Entity({ name: "client" })
export class Client {
  @Field(() => ID)
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Field({ description: "Naam of initialen" })
  @Column("text", { name: "display_name" })
  displayName: string;

  @Field(() => Int, { nullable: true })
  @Column("integer", { name: "birth_year", nullable: true })
  birthYear: number | null;

  @Column("text", { name: "gemeente_code", nullable: true })
  gemeenteCode: string | null;

  @Field(() => String, { nullable: true, description: "Viercijferige postcode (PC4)" })
  @Column("text", { name: "postcode_area", nullable: true })
  postcodeArea: string | null;

  @Field(() => [ContactPreference])
  @Column("text", { name: "contact_preferences", array: true })
  contactPreferences: ContactPreference[];

  @Field(() => String, { nullable: true, description: "Taal- of leesbehoeften" })
  @Column("text", { name: "language_needs", nullable: true })
  languageNeeds: string | null;
}
