import { registerLabelledEnum } from "../taxonomy/taxonomy.js";
import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from "typeorm";

export enum CasePhase {
  STABILISATIE = "STABILISATIE",
  ONTWIKKELING = "ONTWIKKELING",
  NAZORG = "NAZORG",
  AFGESLOTEN = "AFGESLOTEN",
}

export const casePhaseLabels: Record<CasePhase, string> = {
  STABILISATIE: "Stabilisatie",
  ONTWIKKELING: "Ontwikkeling",
  NAZORG: "Nazorg",
  AFGESLOTEN: "Afgesloten",
};

registerLabelledEnum(CasePhase, "CasePhase", "Fase van de casus", casePhaseLabels);

@ObjectType({
  description: "Casus: het traject van één inwoner in de keten",
  simpleResolvers: true,
})
@Entity({ name: "care_case" })
export class CareCase {
  @Field(() => ID)
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column("uuid", { name: "client_id" })
  clientId: string;

  @Field(() => CasePhase)
  @Column("text")
  phase: CasePhase;

  @Field()
  @Column("timestamptz", { name: "created_at" })
  createdAt: Date;
}

/** On what basis an organisation is on a case team, and whether that basis still holds. */
export enum TeamMemberBasis {
  OWN_CLIENT = "OWN_CLIENT",
  CONSENT = "CONSENT",
  CONSENT_WITHDRAWN = "CONSENT_WITHDRAWN",
  CONSENT_EXPIRED = "CONSENT_EXPIRED",
  NO_CONSENT = "NO_CONSENT",
}

export const teamMemberBasisLabels: Record<TeamMemberBasis, string> = {
  OWN_CLIENT: "Heeft de inwoner aangemeld; geen toestemming nodig",
  CONSENT: "Op toestemming van de inwoner",
  CONSENT_WITHDRAWN: "Toestemming ingetrokken: ziet de casus niet meer",
  CONSENT_EXPIRED: "Toestemming verlopen: ziet de casus niet meer",
  NO_CONSENT: "Geen toestemming die de hulpvraag omvat: ziet de casus niet",
};

registerLabelledEnum(
  TeamMemberBasis,
  "TeamMemberBasis",
  "Waarop een organisatie in het casusteam zit, en of dat nog geldt",
  teamMemberBasisLabels,
);

/** The bases on which a team member sees the case now. */
export const basesWithAccess: ReadonlySet<TeamMemberBasis> = new Set([
  TeamMemberBasis.OWN_CLIENT,
  TeamMemberBasis.CONSENT,
]);

@ObjectType({
  description: "Een organisatie in het casusteam, met haar rol",
  simpleResolvers: true,
})
@Entity({ name: "case_member" })
export class CaseMember {
  @PrimaryColumn("uuid", { name: "case_id" })
  caseId: string;

  @PrimaryColumn("uuid", { name: "organization_id" })
  organizationId: string;

  @Field({ description: "Rol in deze casus, bijvoorbeeld schuldhulpverlening of nazorg" })
  @Column("text")
  role: string;

  @Field()
  @Column("timestamptz", { name: "joined_at" })
  joinedAt: Date;
}

@ObjectType({
  description: "Wie de regie had, sinds wanneer, wie dat besloot en waarom",
  simpleResolvers: true,
})
@Entity({ name: "regie_assignment" })
export class RegieAssignment {
  @Field(() => ID)
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column("uuid", { name: "case_id" })
  caseId: string;

  @Column("uuid", { name: "organization_id" })
  organizationId: string;

  @Column("uuid", { name: "user_id", nullable: true })
  userId: string | null;

  @Field()
  @Column("timestamptz", { name: "started_at" })
  startedAt: Date;

  @Field(() => Date, { nullable: true, description: "Leeg: heeft nu de regie" })
  @Column("timestamptz", { name: "ended_at", nullable: true })
  endedAt: Date | null;

  @Column("uuid", { name: "decided_by_user_id" })
  decidedByUserId: string;

  @Field()
  @Column("text")
  reason: string;

  /** The zorgoverleg whose regie decision started this assignment, if any. */
  @Column("uuid", { name: "zorgoverleg_id", nullable: true })
  zorgoverlegId: string | null;
}
