import { registerLabelledEnum } from "../taxonomy/taxonomy.js";
import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { PaletteLevel } from "../taxonomy/taxonomy.js";

export enum NazorgPlanStatus {
  ACTIVE = "ACTIVE",
  NOT_FEASIBLE = "NOT_FEASIBLE",
}

export const nazorgPlanStatusLabels: Record<NazorgPlanStatus, string> = {
  ACTIVE: "Loopt",
  NOT_FEASIBLE: "Niet haalbaar",
};

export enum NazorgAdjustmentKind {
  EXTEND = "EXTEND",
  INTENSIFY = "INTENSIFY",
  SHORTEN = "SHORTEN",
}

export const nazorgAdjustmentKindLabels: Record<NazorgAdjustmentKind, string> = {
  EXTEND: "Verlengd",
  INTENSIFY: "Geïntensiveerd",
  SHORTEN: "Verkort",
};

registerEnumType(NazorgPlanStatus, {
  name: "NazorgPlanStatus",
  valuesConfig: {
    ACTIVE: { description: nazorgPlanStatusLabels.ACTIVE },
    NOT_FEASIBLE: { description: nazorgPlanStatusLabels.NOT_FEASIBLE },
  },
});
registerLabelledEnum(
  NazorgAdjustmentKind,
  "NazorgAdjustmentKind",
  "Verlengen, intensiveren of verkorten, met de inwoner afgesproken",
  nazorgAdjustmentKindLabels,
);

@ObjectType({ description: "Het nazorgplan van een casus: duur, contactmomenten en wie ze houdt" })
@Entity({ name: "nazorg_plan" })
export class NazorgPlan {
  @Field(() => ID)
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column("uuid", { name: "case_id" })
  caseId: string;

  @Field(() => NazorgPlanStatus)
  @Column("text")
  status: NazorgPlanStatus;

  @Field(() => String, { nullable: true, description: "Einde van het traject (JJJJ-MM-DD)" })
  @Column("date", { name: "trajectory_ended_on", nullable: true })
  trajectoryEndedOn: string | null;

  @Field({ description: "Na een saneringskrediet duurt nazorg 24 maanden vanaf de verstrekking" })
  @Column("boolean")
  saneringskrediet: boolean;

  @Field(() => String, { nullable: true, description: "Datum van verstrekking van het krediet" })
  @Column("date", { name: "credit_granted_on", nullable: true })
  creditGrantedOn: string | null;

  @Field(() => String, { nullable: true, description: "Begin van de nazorg (JJJJ-MM-DD)" })
  @Column("date", { name: "starts_on", nullable: true })
  startsOn: string | null;

  @Field(() => Int, { nullable: true })
  @Column("integer", { name: "duration_months", nullable: true })
  durationMonths: number | null;

  @Field(() => String, { nullable: true, description: "Einde van de nazorg (JJJJ-MM-DD)" })
  // A generated column: written by PostgreSQL only (the plan is saved with SQL, never an entity).
  @Column("date", { name: "ends_on", nullable: true })
  endsOn: string | null;

  @Column("uuid", { name: "responsible_organization_id", nullable: true })
  responsibleOrganizationId: string | null;

  @Column("uuid", { name: "responsible_user_id", nullable: true })
  responsibleUserId: string | null;

  @Field(() => PaletteLevel, { nullable: true, description: "Afgesproken plek op het palet" })
  @Column("text", { name: "palette_level", nullable: true })
  paletteLevel: PaletteLevel | null;

  @Field(() => String, { nullable: true, description: "Eigen wensen van de inwoner voor nazorg" })
  @Column("text", { name: "client_wishes", nullable: true })
  clientWishes: string | null;

  @Field(() => String, { nullable: true, description: "Waarom nazorg niet haalbaar is" })
  @Column("text", { name: "not_feasible_reason", nullable: true })
  notFeasibleReason: string | null;

  @Field()
  @Column("timestamptz", { name: "created_at" })
  createdAt: Date;
}

@ObjectType({ description: "Een verlenging, intensivering of verkorting met de reden" })
@Entity({ name: "nazorg_plan_adjustment" })
export class NazorgPlanAdjustment {
  @Field(() => ID)
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column("uuid", { name: "plan_id" })
  planId: string;

  @Field(() => NazorgAdjustmentKind)
  @Column("text")
  kind: NazorgAdjustmentKind;

  @Field()
  @Column("text")
  reason: string;

  @Field(() => Int)
  @Column("integer", { name: "previous_duration_months" })
  previousDurationMonths: number;

  @Field(() => Int)
  @Column("integer", { name: "new_duration_months" })
  newDurationMonths: number;

  @Field(() => PaletteLevel, { nullable: true })
  @Column("text", { name: "previous_palette_level", nullable: true })
  previousPaletteLevel: PaletteLevel | null;

  @Field(() => PaletteLevel, { nullable: true })
  @Column("text", { name: "new_palette_level", nullable: true })
  newPaletteLevel: PaletteLevel | null;

  @Column("uuid", { name: "decided_by_user_id" })
  decidedByUserId: string;

  @Field()
  @Column("timestamptz", { name: "decided_at" })
  decidedAt: Date;
}
