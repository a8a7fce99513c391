import { registerLabelledEnum } from "../taxonomy/taxonomy.js";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";

/** The kinds of samenwerkingsafspraken between partners in a region (DOMAIN.md). */
export enum NetworkAgreementKind {
  REGIE_NAZORG = "REGIE_NAZORG",
  REFERRAL_AGREEMENT = "REFERRAL_AGREEMENT",
  COVENANT = "COVENANT",
  EARLY_SIGNALING = "EARLY_SIGNALING",
  OTHER = "OTHER",
}

export const networkAgreementKindLabels: Record<NetworkAgreementKind, string> = {
  REGIE_NAZORG: "Regie op nazorg",
  REFERRAL_AGREEMENT: "Verwijsafspraak",
  COVENANT: "Convenant",
  EARLY_SIGNALING: "Afspraak over vroegsignalering",
  OTHER: "Andere samenwerkingsafspraak",
};

registerLabelledEnum(
  NetworkAgreementKind,
  "NetworkAgreementKind",
  "Soort samenwerkingsafspraak",
  networkAgreementKindLabels,
);

@ObjectType({
  description:
    "Samenwerkingsafspraak tussen ketenpartners: verwijsafspraak, convenant of wie de regie op nazorg heeft",
})
@Entity({ name: "network_agreement" })
export class NetworkAgreement {
  @Field(() => ID)
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Field(() => NetworkAgreementKind)
  @Column("text")
  kind: NetworkAgreementKind;

  @Field()
  @Column("text")
  title: string;

  @Field(() => String, { nullable: true })
  @Column("text", { nullable: true })
  description: string | null;

  /** Only for REGIE_NAZORG: the party that holds regie on nazorg in its gemeenten. */
  @Column("uuid", { name: "regie_organization_id", nullable: true })
  regieOrganizationId: string | null;

  @Field(() => Int, {
    nullable: true,
    description: "Binnen hoeveel werkdagen een partner reageert op een verwijzing",
  })
  @Column("integer", { name: "response_norm_working_days", nullable: true })
  responseNormWorkingDays: number | null;

  @Field({ description: "Eerste dag (JJJJ-MM-DD) waarop de afspraak geldt" })
  @Column("date", { name: "valid_from" })
  validFrom: string;

  @Field(() => String, {
    nullable: true,
    description: "Laatste dag (JJJJ-MM-DD) waarop de afspraak geldt; leeg: onbepaalde tijd",
  })
  @Column("date", { name: "valid_until", nullable: true })
  validUntil: string | null;

  @Field()
  @Column("timestamptz", { name: "created_at" })
  createdAt: Date;

  /** From network_agreement_party. */
  partyIds: string[];

  /** From network_agreement_gemeente, CBS codes. */
  gemeenteCodes: string[];

  @Field({ description: "Geldt de afspraak vandaag?" })
  isCurrent: boolean;
}
