import { registerLabelledEnum } from "../taxonomy/taxonomy.js";
import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";

export enum AgreementStatus {
  OPEN = "OPEN",
  DONE = "DONE",
  CANCELLED = "CANCELLED",
}

export const agreementStatusLabels: Record<AgreementStatus, string> = {
  OPEN: "Open",
  DONE: "Gedaan",
  CANCELLED: "Vervallen",
};

registerLabelledEnum(
  AgreementStatus,
  "AgreementStatus",
  "Stand van een afspraak uit een zorgoverleg",
  agreementStatusLabels,
);

@ObjectType({
  description:
    "Zorgoverleg: partners spreken voor één casus af wat er gebeurt, wie het doet, hoe ze elkaar op de hoogte houden en wie de regie heeft",
})
@Entity({ name: "zorgoverleg" })
export class Zorgoverleg {
  @Field(() => ID)
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Field(() => ID)
  @Column("uuid", { name: "case_id" })
  caseId: string;

  @Field()
  @Column("timestamptz", { name: "starts_at" })
  startsAt: Date;

  @Field()
  @Column("timestamptz", { name: "ends_at" })
  endsAt: Date;

  @Field(() => String, { nullable: true, description: "Waar het overleg is" })
  @Column("text", { nullable: true })
  location: string | null;

  @Field(() => String, { nullable: true, description: "Link naar het videogesprek" })
  @Column("text", { name: "video_link", nullable: true })
  videoLink: string | null;

  @Field({ description: "Of de inwoner (het gezin) aan het overleg deelneemt" })
  @Column("boolean", { name: "client_participates" })
  clientParticipates: boolean;

  @Column("uuid", { name: "scheduled_by_user_id" })
  scheduledByUserId: string;

  @Column("uuid", { name: "scheduled_by_organization_id" })
  scheduledByOrganizationId: string;

  @Field(() => String, { nullable: true, description: "Korte samenvatting, na het overleg" })
  @Column("text", { nullable: true })
  summary: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Hoe de partners elkaar op de hoogte houden",
  })
  @Column("text", { name: "communication_agreement", nullable: true })
  communicationAgreement: string | null;

  @Field(() => Date, { nullable: true, description: "Leeg: gepland, nog niet vastgelegd" })
  @Column("timestamptz", { name: "recorded_at", nullable: true })
  recordedAt: Date | null;

  @Column("uuid", { name: "recorded_by_user_id", nullable: true })
  recordedByUserId: string | null;

  @Field()
  @Column("timestamptz", { name: "created_at" })
  createdAt: Date;
}

@ObjectType({ description: "Een uitgenodigde organisatie, met de medewerker als die genoemd is" })
@Entity({ name: "zorgoverleg_invitee" })
export class ZorgoverlegInvitee {
  @Field(() => ID)
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column("uuid", { name: "zorgoverleg_id" })
  zorgoverlegId: string;

  @Column("uuid", { name: "case_id" })
  caseId: string;

  @Column("uuid", { name: "organization_id" })
  organizationId: string;

  @Column("uuid", { name: "user_id", nullable: true })
  userId: string | null;
}

@ObjectType({ description: "Afspraak uit een zorgoverleg: wat, wie, wanneer klaar" })
@Entity({ name: "agreement" })
export class Agreement {
  @Field(() => ID)
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column("uuid", { name: "zorgoverleg_id" })
  zorgoverlegId: string;

  @Field(() => ID)
  @Column("uuid", { name: "case_id" })
  caseId: string;

  @Field({ description: "Wat er gebeurt" })
  @Column("text")
  description: string;

  @Column("uuid", { name: "owner_organization_id" })
  ownerOrganizationId: string;

  @Column("uuid", { name: "owner_user_id", nullable: true })
  ownerUserId: string | null;

  @Field({ description: "Uiterlijk klaar op (JJJJ-MM-DD)" })
  @Column("date", { name: "due_on" })
  dueOn: string;

  @Field(() => AgreementStatus)
  @Column("text")
  status: AgreementStatus;

  @Field(() => Date, { nullable: true })
  @Column("timestamptz", { name: "status_changed_at", nullable: true })
  statusChangedAt: Date | null;

  @Column("uuid", { name: "status_changed_by_user_id", nullable: true })
  statusChangedByUserId: string | null;

  @Field()
  @Column("timestamptz", { name: "created_at" })
  createdAt: Date;
}
