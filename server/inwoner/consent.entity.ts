import { registerLabelledEnum } from "../taxonomy/taxonomy.js";
import { Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";

export enum ConsentMethod {
  MONDELING = "MONDELING",
  SCHRIFTELIJK = "SCHRIFTELIJK",
}

registerEnumType(ConsentMethod, {
  name: "ConsentMethod",
  description: "Hoe de toestemming is gegeven",
  valuesConfig: {
    MONDELING: { description: "Mondeling" },
    SCHRIFTELIJK: { description: "Schriftelijk" },
  },
});

/** The categories of client data a consent may cover. */
export enum ConsentDataCategory {
  CONTACTGEGEVENS = "CONTACTGEGEVENS",
  HULPVRAAG = "HULPVRAAG",
  FINANCIELE_SITUATIE = "FINANCIELE_SITUATIE",
  WOONSITUATIE = "WOONSITUATIE",
  GEZONDHEID = "GEZONDHEID",
  GEZINSSITUATIE = "GEZINSSITUATIE",
}

export const consentDataCategoryLabels: Record<ConsentDataCategory, string> = {
  CONTACTGEGEVENS: "Contactgegevens",
  HULPVRAAG: "Hulpvraag en overdrachtssamenvatting",
  FINANCIELE_SITUATIE: "Financiële situatie",
  WOONSITUATIE: "Woonsituatie",
  GEZONDHEID: "Gezondheid",
  GEZINSSITUATIE: "Gezinssituatie",
};

registerLabelledEnum(
  ConsentDataCategory,
  "ConsentDataCategory",
  "Soort gegevens waarvoor toestemming geldt",
  consentDataCategoryLabels,
);

@ObjectType({ description: "Toestemming van de inwoner om gegevens te delen" })
@Entity({ name: "consent" })
export class Consent {
  @Field(() => ID)
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column("uuid", { name: "client_id" })
  clientId: string;

  @Column("uuid", { name: "recipient_organization_ids", array: true })
  recipientOrganizationIds: string[];

  @Field({ description: "Waarvoor de gegevens gedeeld mogen worden" })
  @Column("text")
  purpose: string;

  @Field(() => [ConsentDataCategory])
  @Column("text", { name: "data_categories", array: true })
  dataCategories: ConsentDataCategory[];

  @Field(() => ConsentMethod)
  @Column("text")
  method: ConsentMethod;

  @Field({ description: "Datum (JJJJ-MM-DD) waarop de toestemming is gegeven" })
  @Column("date", { name: "given_on" })
  givenOn: string;

  @Field({ description: "Laatste dag (JJJJ-MM-DD) waarop de toestemming geldt" })
  @Column("date", { name: "valid_until" })
  validUntil: string;

  @Column("uuid", { name: "recorded_by_user_id" })
  recordedByUserId: string;

  @Field()
  @Column("timestamptz", { name: "recorded_at" })
  recordedAt: Date;

  @Field(() => Date, { nullable: true })
  @Column("timestamptz", { name: "withdrawn_at", nullable: true })
  withdrawnAt: Date | null;

  @Column("uuid", { name: "withdrawn_by_user_id", nullable: true })
  withdrawnByUserId: string | null;
}
