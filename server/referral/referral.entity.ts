import { registerLabelledEnum } from "../taxonomy/taxonomy.js";
import { Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from "typeorm";
import { ContactPreference } from "../inwoner/client.entity.js";
import { LifeDomain } from "../taxonomy/taxonomy.js";

/** States aligned with the FHIR SDOH referral task, so the platform can exchange them. */
export enum ReferralState {
  DRAFT = "DRAFT",
  SENT = "SENT",
  ACCEPTED = "ACCEPTED",
  DECLINED = "DECLINED",
  INTRO_PLANNED = "INTRO_PLANNED",
  IN_PROGRESS = "IN_PROGRESS",
  COMPLETED = "COMPLETED",
  FAILED = "FAILED",
  ON_HOLD = "ON_HOLD",
  CANCELLED = "CANCELLED",
}

export const referralStateLabels: Record<ReferralState, string> = {
  DRAFT: "Concept",
  SENT: "Verstuurd",
  ACCEPTED: "Geaccepteerd",
  DECLINED: "Afgewezen",
  INTRO_PLANNED: "Kennismaking gepland",
  IN_PROGRESS: "In behandeling",
  COMPLETED: "Afgerond",
  FAILED: "Niet gelukt",
  ON_HOLD: "In de wacht",
  CANCELLED: "Geannuleerd",
};

export enum Urgency {
  NORMAAL = "NORMAAL",
  CRISIS = "CRISIS",
}

registerLabelledEnum(
  ReferralState,
  "ReferralState",
  "Status van een warme overdracht",
  referralStateLabels,
);
registerEnumType(Urgency, {
  name: "Urgency",
  valuesConfig: {
    NORMAAL: { description: "Normaal" },
    CRISIS: { description: "Crisis: dreigende huisuitzetting of afsluiting van energie" },
  },
});

@ObjectType({
  description: "Warme overdracht van een inwoner naar het aanbod van een ketenpartner",
  simpleResolvers: true,
})
@Entity({ name: "referral" })
export class Referral {
  @Field(() => ID)
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column("uuid", { name: "case_id" })
  caseId: string;

  @Column("uuid", { name: "offering_id" })
  offeringId: string;

  @Column("uuid", { name: "sender_organization_id" })
  senderOrganizationId: string;

  @Column("uuid", { name: "sender_user_id" })
  senderUserId: string;

  @Column("uuid", { name: "receiver_organization_id" })
  receiverOrganizationId: string;

  @Column("uuid", { name: "consent_id", nullable: true })
  consentId: string | null;

  @Field(() => String, {
    nullable: true,
    description: "De hulpvraag; leeg voor de ontvanger zodra de toestemming niet meer geldt",
  })
  @Column("text")
  question: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Korte overdrachtssamenvatting; leeg voor de ontvanger zodra de toestemming niet meer geldt",
  })
  @Column("text", { name: "handover_summary" })
  handoverSummary: string | null;

  @Field(() => [LifeDomain], {
    nullable: true,
    description: "Leeg voor de ontvanger zodra de toestemming niet meer geldt",
  })
  @Column("text", { name: "life_domains", array: true })
  lifeDomains: LifeDomain[] | null;

  @Field(() => Urgency)
  @Column("text")
  urgency: Urgency;

  @Field(() => [ContactPreference], {
    nullable: true,
    description: "Leeg voor de ontvanger zodra de toestemming niet meer geldt",
  })
  @Column("text", { name: "contact_preferences", array: true })
  contactPreferences: ContactPreference[] | null;

  @Field(() => ReferralState)
  @Column("text")
  state: ReferralState;

  @Field(() => Date, { nullable: true })
  @Column("timestamptz", { name: "sent_at", nullable: true })
  sentAt: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: "Wanneer de ontvanger de overdracht voor het eerst opende",
  })
  @Column("timestamptz", { name: "received_at", nullable: true })
  receivedAt: Date | null;

  @Field(() => Date, { nullable: true, description: "Uiterlijk reageren (accepteren of afwijzen)" })
  @Column("timestamptz", { name: "response_due_at", nullable: true })
  responseDueAt: Date | null;

  @Field(() => Date, { nullable: true, description: "Uiterlijk de kennismaking of intake gepland" })
  @Column("timestamptz", { name: "intake_due_at", nullable: true })
  intakeDueAt: Date | null;

  @Field(() => Date, { nullable: true, description: "De gezamenlijke kennismaking" })
  @Column("timestamptz", { name: "introduction_at", nullable: true })
  introductionAt: Date | null;

  @Field(() => String, { nullable: true, description: "De uitkomst, teruggemeld aan de verwijzer" })
  @Column("text", { nullable: true })
  outcome: string | null;

  @Field()
  @Column("timestamptz", { name: "created_at" })
  createdAt: Date;

  /**
   * Set when the viewer is the receiver and the consent the referral rests on no longer holds:
   * it was withdrawn or it expired. The referral then holds only what the receiver needs to
   * close it (`referralAfterConsent`); the question, summary, life domains and contact
   * preferences are null.
   */
  consentEnded?: "WITHDRAWN" | "EXPIRED";
}

@ObjectType({ description: "Een stap in de tijdlijn van een overdracht", simpleResolvers: true })
@Entity({ name: "referral_event" })
export class ReferralEvent {
  @PrimaryColumn("bigint")
  id: string;

  @Column("uuid", { name: "referral_id" })
  referralId: string;

  @Field(() => ReferralState, { nullable: true })
  @Column("text", { name: "from_state", nullable: true })
  fromState: ReferralState | null;

  @Field(() => ReferralState)
  @Column("text", { name: "to_state" })
  toState: ReferralState;

  @Field()
  @Column("timestamptz")
  at: Date;

  @Column("uuid", { name: "user_id" })
  userId: string;

  @Column("uuid", { name: "organization_id" })
  organizationId: string;

  @Field(() => String, { nullable: true })
  @Column("text", { nullable: true })
  note: string | null;
}
