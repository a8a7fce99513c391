import { registerLabelledEnum } from "../taxonomy/taxonomy.js";
import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { Channel } from "../taxonomy/taxonomy.js";

/** Whether income and expenses are in balance: the question every waakvlam contact asks. */
export enum InBalance {
  YES = "YES",
  NO = "NO",
  UNKNOWN = "UNKNOWN",
}

export const inBalanceLabels: Record<InBalance, string> = {
  YES: "Ja, in balans",
  NO: "Nee, niet in balans",
  UNKNOWN: "Onbekend",
};

/** What a contact can pick up; life events and new arrears are the known relapse triggers. */
export enum ContactSignal {
  LIFE_EVENT = "LIFE_EVENT",
  NEW_ARREARS = "NEW_ARREARS",
  STRESS = "STRESS",
  INCOME_DROP = "INCOME_DROP",
  HEALTH = "HEALTH",
  HOUSING = "HOUSING",
  PAYMENT_PROBLEMS = "PAYMENT_PROBLEMS",
  NO_CONTACT = "NO_CONTACT",
}

export const contactSignalLabels: Record<ContactSignal, string> = {
  LIFE_EVENT: "Life event",
  NEW_ARREARS: "Nieuwe achterstanden",
  STRESS: "Stress",
  INCOME_DROP: "Inkomensdaling",
  HEALTH: "Gezondheidsproblemen",
  HOUSING: "Woonproblemen",
  PAYMENT_PROBLEMS: "Betalingsproblemen of aanmaningen",
  NO_CONTACT: "Inwoner moeilijk bereikbaar",
};

registerLabelledEnum(
  InBalance,
  "InBalance",
  "Zijn inkomsten en uitgaven in balans?",
  inBalanceLabels,
);
registerLabelledEnum(
  ContactSignal,
  "ContactSignal",
  "Signaal uit een nazorgcontact",
  contactSignalLabels,
);

@ObjectType({
  description: "Een contactmoment in de nazorg: gepland, en na het gesprek vastgelegd",
})
@Entity({ name: "nazorg_contact" })
export class NazorgContact {
  @Field(() => ID)
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column("uuid", { name: "plan_id" })
  planId: string;

  /** Not a column: read along with the plan, for the access log and the policy. */
  caseId: string;

  @Field(() => String, { nullable: true, description: "Geplande datum (JJJJ-MM-DD)" })
  @Column("date", { name: "planned_on", nullable: true })
  plannedOn: string | null;

  @Field(() => String, { nullable: true, description: "Datum van het gesprek (JJJJ-MM-DD)" })
  @Column("date", { name: "held_on", nullable: true })
  heldOn: string | null;

  @Field(() => Channel, { nullable: true })
  @Column("text", { nullable: true })
  channel: Channel | null;

  @Column("uuid", { name: "held_by_user_id", nullable: true })
  heldByUserId: string | null;

  @Field(() => InBalance, { nullable: true, description: "Inkomsten en uitgaven in balans" })
  @Column("text", { name: "in_balance", nullable: true })
  inBalance: InBalance | null;

  @Field(() => [ContactSignal])
  @Column("text", { array: true })
  signals: ContactSignal[];

  @Field(() => String, { nullable: true })
  @Column("text", { nullable: true })
  note: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Vervolg, bijvoorbeeld een nieuwe verwijzing",
  })
  @Column("text", { name: "follow_up", nullable: true })
  followUp: string | null;

  @Field(() => Date, { nullable: true })
  @Column("timestamptz", { name: "registered_at", nullable: true })
  registeredAt: Date | null;

  @Field({ description: "Niet vastgelegd en de geplande datum plus de marge is voorbij" })
  isOverdue: boolean;

  @Field({ description: "Niet vastgelegd, niet te laat, en gepland tot en met deze zondag" })
  dueThisWeek: boolean;
}

@ObjectType({
  description: "Terugvalrisico: een contact vond inkomsten en uitgaven niet in balans",
})
@Entity({ name: "relapse_risk" })
export class RelapseRisk {
  @Field(() => ID)
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column("uuid", { name: "case_id" })
  caseId: string;

  @Field({ description: "Sinds (JJJJ-MM-DD): de datum van het contact" })
  @Column("date")
  since: string;

  @Column("uuid", { name: "raised_by_contact_id" })
  raisedByContactId: string;

  @Field(() => String, { nullable: true, description: "Opgeheven op (JJJJ-MM-DD)" })
  @Column("date", { name: "cleared_on", nullable: true })
  clearedOn: string | null;

  @Column("uuid", { name: "cleared_by_contact_id", nullable: true })
  clearedByContactId: string | null;

  @Field({
    description:
      "Nog geen vervolg sinds het risico: maak een nieuwe verwijzing (of plan een zorgoverleg)",
  })
  followUpNeeded: boolean;
}
