import { registerLabelledEnum } from "../taxonomy/taxonomy.js";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { CareCase, CasePhase } from "../case/case.entity.js";
import { NazorgContact } from "../nazorg/nazorg-contact.entity.js";
import { Referral } from "../referral/referral.entity.js";
import { Agreement } from "../zorgoverleg/zorgoverleg.entity.js";
import type { MyAgreement } from "../zorgoverleg/zorgoverleg.service.js";
import { type ContactRow } from "../nazorg/nazorg.queries.js";

/** Why a regie holder cannot act on a case. */
export enum RegieGapProblem {
  HOLDER_WORKER_DISABLED = "HOLDER_WORKER_DISABLED",
  HOLDER_ORGANIZATION_WITHOUT_USERS = "HOLDER_ORGANIZATION_WITHOUT_USERS",
  HOLDER_ORGANIZATION_LEFT_REGION = "HOLDER_ORGANIZATION_LEFT_REGION",
}

export const regieGapProblemLabels: Record<RegieGapProblem, string> = {
  HOLDER_WORKER_DISABLED: "De casemanager met de regie heeft geen account meer",
  HOLDER_ORGANIZATION_WITHOUT_USERS: "De organisatie met de regie heeft geen actieve medewerkers",
  HOLDER_ORGANIZATION_LEFT_REGION: "De organisatie met de regie werkt niet meer in de regio",
};

registerLabelledEnum(
  RegieGapProblem,
  "RegieGapProblem",
  "Waarom de regiehouder niet kan handelen",
  regieGapProblemLabels,
);

@ObjectType({
  description:
    "Een casus in de regio waarvan de regiehouder niet kan handelen; zonder gegevens van de inwoner",
})
export class RegieGap {
  @Field(() => ID)
  caseId: string;

  clientId: string;

  @Field(() => CasePhase)
  phase: CasePhase;

  holderOrganizationId: string;

  holderUserId: string | null;

  @Field({ description: "Sinds wanneer deze regiehouder de regie heeft" })
  since: Date;

  @Field(() => [RegieGapProblem])
  problems: RegieGapProblem[];
}

@ObjectType({ description: "Het dagelijkse werk van de ingelogde medewerker en de organisatie" })
export class Dashboard {
  @Field(() => Int, { description: "Lopende casussen waarin onze organisatie de regie heeft" })
  regieCaseCount: number;

  @Field(() => [CareCase], { description: "De nieuwste regie eerst (hoogstens 200)" })
  regieCases: CareCase[];

  @Field(() => Int, { description: "Casussen van ons casusteam met terugvalrisico" })
  relapseRiskCaseCount: number;

  @Field(() => [CareCase], {
    description: "Eerst die zonder vervolg, dan het oudste risico (hoogstens 200)",
  })
  relapseRiskCases: CareCase[];

  @Field(() => Int)
  contactsDueThisWeekCount: number;

  @Field(() => [NazorgContact], {
    description: "Contactmomenten van onze organisatie voor deze week, de mijne eerst",
  })
  contactsDueThisWeek: ContactRow[];

  @Field(() => Int)
  contactsOverdueCount: number;

  @Field(() => [NazorgContact], { description: "Te late contactmomenten, de oudste eerst" })
  contactsOverdue: ContactRow[];

  @Field(() => Int)
  referralsAwaitingResponseCount: number;

  @Field(() => [Referral], { description: "Wachten op onze reactie, de eerste deadline eerst" })
  referralsAwaitingResponse?: Referral[];

  /** The referrals of that list, read (and logged) only when it is shown. */
  referralIdsAwaitingResponse: string[];

  @Field(() => Int)
  outgoingReferralsOverdueCount: number;

  @Field(() => [Referral], {
    description: "Onze verwijzingen zonder antwoord binnen de norm, de oudste deadline eerst",
  })
  outgoingReferralsOverdue?: Referral[];

  /** The referrals of that list, read (and logged) only when it is shown. */
  outgoingReferralIdsOverdue: string[];

  @Field(() => Int, { description: "Open afspraken uit zorgoverleggen, van mij of ons" })
  openAgreementCount: number;

  @Field(() => Int, { description: "Daarvan over de datum" })
  overdueAgreementCount: number;

  @Field(() => [Agreement], { description: "Open afspraken, de te late eerst" })
  openAgreements: MyAgreement[];

  @Field(() => Int, { nullable: true, description: "Alleen voor regiobeheerders" })
  regieGapCount: number | null;

  @Field(() => [RegieGap], {
    nullable: true,
    description: "Alleen voor regiobeheerders: casussen waarvan de regiehouder niet kan handelen",
  })
  regieGaps: RegieGap[] | null;
}
