/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type CapacityInput = {
  available: number;
  total?: number | null | undefined;
};

/** Fase van de casus */
export type CasePhase =
  /** Afgesloten */
  | 'AFGESLOTEN'
  /** Nazorg */
  | 'NAZORG'
  /** Ontwikkeling */
  | 'ONTWIKKELING'
  /** Stabilisatie */
  | 'STABILISATIE';

/** Kanaal waarlangs het aanbod loopt */
export type Channel =
  /** E-mail */
  | 'EMAIL'
  /** Groep */
  | 'GROEP'
  /** Huisbezoek */
  | 'HUISBEZOEK'
  /** Inloop */
  | 'INLOOP'
  /** Op kantoor */
  | 'OP_KANTOOR'
  /** Telefoon */
  | 'TELEFOON'
  /** Video of online */
  | 'VIDEO'
  /** WhatsApp */
  | 'WHATSAPP';

/** Alleen wat de keten nodig heeft; geen BSN */
export type ClientInput = {
  birthYear?: number | null | undefined;
  contactPreferences: Array<ContactPreference>;
  /** Naam of initialen */
  displayName: string;
  languageNeeds?: string | null | undefined;
  /** Vier cijfers, bijvoorbeeld 6811 */
  postcodeArea?: string | null | undefined;
};

/** Soort gegevens waarvoor toestemming geldt */
export type ConsentDataCategory =
  /** Contactgegevens */
  | 'CONTACTGEGEVENS'
  /** Financiële situatie */
  | 'FINANCIELE_SITUATIE'
  /** Gezinssituatie */
  | 'GEZINSSITUATIE'
  /** Gezondheid */
  | 'GEZONDHEID'
  /** Hulpvraag en overdrachtssamenvatting */
  | 'HULPVRAAG'
  /** Woonsituatie */
  | 'WOONSITUATIE';

export type ConsentInput = {
  dataCategories: Array<ConsentDataCategory>;
  /** JJJJ-MM-DD */
  givenOn: string;
  method: ConsentMethod;
  purpose: string;
  /** De organisaties die de gegevens mogen ontvangen */
  recipientOrganizationIds: Array<string | number>;
  /** JJJJ-MM-DD */
  validUntil: string;
};

/** Hoe de toestemming is gegeven */
export type ConsentMethod =
  /** Mondeling */
  | 'MONDELING'
  /** Schriftelijk */
  | 'SCHRIFTELIJK';

export type ContactPersonInput = {
  email?: string | null | undefined;
  name: string;
  phone?: string | null | undefined;
};

/** Hoe de inwoner benaderd wil worden */
export type ContactPreference =
  /** Brief */
  | 'BRIEF'
  /** E-mail */
  | 'EMAIL'
  /** Liever niet bellen */
  | 'LIEVER_NIET_BELLEN'
  /** Telefoon */
  | 'TELEFOON'
  /** WhatsApp */
  | 'WHATSAPP';

/** Wie het aanbod uitvoert */
export type DeliveredBy =
  /** Beroepskracht */
  | 'BEROEPSKRACHT'
  /** Ervaringsdeskundige */
  | 'ERVARINGSDESKUNDIGE'
  /** Vrijwilliger */
  | 'VRIJWILLIGER';

/** Leefgebied */
export type LifeDomain =
  /** Financiën */
  | 'FINANCIEN'
  /** Huishouding */
  | 'HUISHOUDING'
  /** Lichamelijke gezondheid */
  | 'LICHAMELIJKE_GEZONDHEID'
  /** Onderwijs */
  | 'ONDERWIJS'
  /** Opvoeding */
  | 'OPVOEDING'
  /** Psychische gezondheid */
  | 'PSYCHISCHE_GEZONDHEID'
  /** Sociale contacten en relaties */
  | 'SOCIALE_CONTACTEN'
  /** Veiligheid */
  | 'VEILIGHEID'
  /** Voeding */
  | 'VOEDING'
  /** Werk en dagbesteding */
  | 'WERK_DAGBESTEDING'
  /** Wonen */
  | 'WONEN'
  /** Zingeving */
  | 'ZINGEVING';

export type LoginInput = {
  email: string;
  password: string;
};

/** De beschrijving van een aanbod, zoals de aanbieder die bijhoudt */
export type OfferingInput = {
  /** Leeg als u geen plekken bijhoudt */
  capacity?: CapacityInput | null | undefined;
  channels: Array<Channel>;
  contactPerson?: ContactPersonInput | null | undefined;
  costs?: string | null | undefined;
  deliveredBy: Array<DeliveredBy>;
  description: string;
  documentsNeeded: boolean;
  documentsNote?: string | null | undefined;
  duration?: string | null | undefined;
  frequency?: string | null | undefined;
  /** CBS-codes van de gemeenten waar het aanbod te gebruiken is */
  gemeenten: Array<string>;
  /** ISO 639-1-codes, bijvoorbeeld nl, en, ar */
  languages: Array<string>;
  lifeDomains: Array<LifeDomain>;
  /** Locaties van de eigen organisatie */
  locationIds: Array<string | number>;
  module: ServiceModule;
  /** Verplicht bij nazorgaanbod */
  paletteLevel?: PaletteLevel | null | undefined;
  phases: Array<Phase>;
  /** Leeg: voor iedereen */
  targetGroups: Array<TargetGroup>;
  title: string;
  waitingTime?: string | null | undefined;
};

/** Zoekvraag op de sociale kaart. Waarden binnen één filter combineren met OF, verschillende filters met EN. */
export type OfferingSearchInput = {
  channels?: Array<Channel> | null | undefined;
  deliveredBy?: Array<DeliveredBy> | null | undefined;
  /** CBS-codes, bijvoorbeeld GM0202 */
  gemeenten?: Array<string> | null | undefined;
  lifeDomains?: Array<LifeDomain> | null | undefined;
  /** Alleen aanbod binnen zoveel km van `near` */
  maxDistanceKm?: number | null | undefined;
  modules?: Array<ServiceModule> | null | undefined;
  /** Postcode, "6811" of "6811 AB": sorteert op afstand */
  near?: string | null | undefined;
  paletteLevels?: Array<PaletteLevel> | null | undefined;
  phases?: Array<Phase> | null | undefined;
  targetGroups?: Array<TargetGroup> | null | undefined;
  /** Vrije tekst; Nederlandse woordvormen, zonder accenten, met tikfouten */
  text?: string | null | undefined;
  /** Alleen aanbod met vrije plekken */
  withCapacityOnly?: boolean | null | undefined;
};

/** Status van het aanbod */
export type OfferingStatus =
  /** Actief */
  | 'ACTIVE'
  /** Beëindigd */
  | 'ENDED'
  /** Gepauzeerd */
  | 'PAUSED';

export type OpenCaseInput = {
  client: ClientInput;
  phase?: CasePhase;
  /** De rol van de eigen organisatie in de casus */
  role: string;
};

/** Soort ketenpartner */
export type OrganizationKind =
  /** Bewindvoering en budgetbeheer */
  | 'BEWINDVOERDER'
  /** Gemeentelijke schuldhulpverlening */
  | 'GEMEENTELIJKE_SCHULDHULP'
  /** Kredietbank */
  | 'KREDIETBANK'
  /** Maatschappelijk werk */
  | 'MAATSCHAPPELIJK_WERK'
  /** Overig */
  | 'OVERIG'
  /** Sociaal raadslieden */
  | 'SOCIAAL_RAADSLIEDEN'
  /** Vrijwilligersorganisatie */
  | 'VRIJWILLIGERSORGANISATIE'
  /** Wijkteam */
  | 'WIJKTEAM'
  /** Woningcorporatie */
  | 'WONINGCORPORATIE'
  /** Zorg en GGZ */
  | 'ZORG_GGZ';

/** Plek op het palet van nazorg, van passief naar actief */
export type PaletteLevel =
  /** Terugbellen of WhatsApp-contact na 3, 6 of 12 maanden */
  | 'A1'
  /** Actief benaderen met financiële educatie bij life events */
  | 'A2'
  /** Huisbezoek na 3 of 6 maanden */
  | 'A3'
  /** Budgetcursus of training */
  | 'A4'
  /** Digitale hulpmiddelen met ondersteuning */
  | 'A5'
  /** Sociaal netwerk betrekken */
  | 'A6'
  /** Waakvlamcontacten door vrijwilligers */
  | 'A7'
  /** Maandelijkse thuisadministratie */
  | 'A8'
  /** Spaarkringen, lotgenotencontact en zelfhulpgroepen */
  | 'A9'
  /** Budgetbeheer, budgetcoaching of bewindvoering als nazorg */
  | 'A10'
  /** Open uitnodiging: u mag altijd bellen */
  | 'P1'
  /** Verwijzing naar inloop en spreekuur */
  | 'P2'
  /** Verwijzing naar formele zorgteams of andere diensten */
  | 'P3';

/** Passieve of actieve nazorg */
export type PaletteMode =
  /** Actieve nazorg */
  | 'ACTIVE'
  /** Passieve nazorg */
  | 'PASSIVE';

/** Fase van het traject */
export type Phase =
  /** Nazorg */
  | 'NAZORG'
  /** Ontwikkeling */
  | 'ONTWIKKELING'
  /** Stabilisatie */
  | 'STABILISATIE';

/** Status van een warme overdracht */
export type ReferralState =
  /** Geaccepteerd */
  | 'ACCEPTED'
  /** Geannuleerd */
  | 'CANCELLED'
  /** Afgerond */
  | 'COMPLETED'
  /** Afgewezen */
  | 'DECLINED'
  /** Concept */
  | 'DRAFT'
  /** Niet gelukt */
  | 'FAILED'
  /** Kennismaking gepland */
  | 'INTRO_PLANNED'
  /** In behandeling */
  | 'IN_PROGRESS'
  /** In de wacht */
  | 'ON_HOLD'
  /** Verstuurd */
  | 'SENT';

export type ReferralTransitionInput = {
  /** De status die de medewerker zag; wijkt die af, dan volgt CONFLICT in plaats van een verkeerde stap */
  expectedState?: ReferralState | null | undefined;
  /** Datum en tijd van de kennismaking */
  introductionAt?: string | null | undefined;
  /** Reden of toelichting; verplicht bij afwijzen, annuleren en niet gelukt */
  note?: string | null | undefined;
  referralId: string | number;
  to: ReferralState;
};

/** Rol van een gebruiker */
export type Role =
  /** Beheerder van de organisatie */
  | 'BEHEERDER'
  /** Coördinator */
  | 'COORDINATOR'
  /** Medewerker */
  | 'MEDEWERKER'
  /** Regiobeheerder */
  | 'REGIO_BEHEERDER';

/** Dienstverleningsmodule */
export type ServiceModule =
  /** Beschermingsbewind */
  | 'BESCHERMINGSBEWIND'
  /** Onderzoek betalingsregeling en herfinanciering */
  | 'BETALINGSREGELING'
  /** Budgetbeheer */
  | 'BUDGETBEHEER'
  /** Budgetcoaching (veranderings- en competentiegerichte begeleiding) */
  | 'BUDGETCOACHING'
  /** Casemanagement */
  | 'CASEMANAGEMENT'
  /** Crisishulpverlening */
  | 'CRISISHULP'
  /** Financiële (nood)hulp */
  | 'FINANCIELE_NOODHULP'
  /** Informatie en advies, thuisadministratie en regelingen */
  | 'INFORMATIE_ADVIES'
  /** Intake en vraagverheldering */
  | 'INTAKE'
  /** Inventarisatie */
  | 'INVENTARISATIE'
  /** Schuldregeling */
  | 'SCHULDREGELING'
  /** Vroegsignalering en toeleiding */
  | 'VROEGSIGNALERING'
  /** Waakvlamcontacten en nazorg */
  | 'WAAKVLAM_NAZORG';

/** Een nieuwe warme overdracht (concept) vanaf een aanbod op de sociale kaart */
export type StartReferralInput = {
  caseId: string | number;
  /** De toestemming waarop de overdracht rust; nodig om te versturen */
  consentId?: string | number | null | undefined;
  contactPreferences: Array<ContactPreference>;
  handoverSummary: string;
  lifeDomains: Array<LifeDomain>;
  offeringId: string | number;
  question: string;
  urgency?: Urgency;
};

/** Doelgroep */
export type TargetGroup =
  /** Anderstaligen en statushouders */
  | 'ANDERSTALIGEN'
  /** Gezinnen */
  | 'GEZINNEN'
  /** Jongeren */
  | 'JONGEREN'
  /** Laaggeletterden */
  | 'LAAGGELETTERD'
  /** Licht verstandelijke beperking (LVB) */
  | 'LVB'
  /** Niet-aangeboren hersenletsel (NAH) */
  | 'NAH'
  /** Ondernemers */
  | 'ONDERNEMERS'
  /** Ouderen */
  | 'OUDEREN'
  /** Werkenden */
  | 'WERKENDEN'
  /** Zorgmijders */
  | 'ZORGMIJDERS';

export type TransferRegieInput = {
  caseId: string | number;
  reason: string;
  /** Een organisatie uit het casusteam */
  toOrganizationId: string | number;
  /** Meestal een casemanager of procesregisseur */
  toUserId?: string | number | null | undefined;
};

export type Urgency =
  /** Crisis: dreigende huisuitzetting of afsluiting van energie */
  | 'CRISIS'
  /** Normaal */
  | 'NORMAAL';

export type LoginMutationVariables = Exact<{
  input: LoginInput;
}>;


export type LoginMutation = { login: { expiresAt: string, user: { id: string } } };

export type LogoutMutationVariables = Exact<{ [key: string]: never; }>;


export type LogoutMutation = { logout: boolean };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { id: string, name: string, email: string, roles: Array<Role>, organization: { id: string, name: string } } | null };

export type CasePageQueryVariables = Exact<{
  id: string | number;
}>;


export type CasePageQuery = { case: { id: string, phase: CasePhase, client: { id: string, displayName: string, birthYear: number | null, postcodeArea: string | null, languageNeeds: string | null, gemeente: { name: string } | null, consents: Array<{ id: string, purpose: string, validUntil: string, isValid: boolean, withdrawnAt: string | null, recipients: Array<{ id: string, name: string }> }> }, team: Array<{ role: string, organization: { id: string, name: string } }>, regieHolder: { startedAt: string, reason: string, organization: { name: string }, user: { name: string } | null }, regieHistory: Array<{ startedAt: string, endedAt: string | null, reason: string, organization: { name: string }, user: { name: string } | null, decidedBy: { name: string } }>, referrals: Array<{ id: string, state: ReferralState, createdAt: string, lifeDomains: Array<LifeDomain>, offering: { module: ServiceModule, title: string }, events: Array<{ toState: ReferralState, at: string, note: string | null, organization: { name: string } }>, receiver: { name: string } }> } | null };

export type TransferRegieMutationVariables = Exact<{
  input: TransferRegieInput;
}>;


export type TransferRegieMutation = { transferRegie: { id: string } };

export type MyCasesQueryVariables = Exact<{ [key: string]: never; }>;


export type MyCasesQuery = { myCases: Array<{ id: string, phase: CasePhase, createdAt: string, client: { id: string, displayName: string }, regieHolder: { startedAt: string, organization: { id: string, name: string }, user: { id: string, name: string } | null } }> };

export type ConsentOrganizationsQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsentOrganizationsQuery = { organizations: Array<{ id: string, name: string }> };

export type RecordConsentMutationVariables = Exact<{
  clientId: string | number;
  input: ConsentInput;
}>;


export type RecordConsentMutation = { recordConsent: { id: string } };

export type CaseWithdrawConsentMutationVariables = Exact<{
  consentId: string | number;
}>;


export type CaseWithdrawConsentMutation = { withdrawConsent: { id: string, isValid: boolean, withdrawnAt: string | null } };

export type OpenCaseMutationVariables = Exact<{
  input: OpenCaseInput;
}>;


export type OpenCaseMutation = { openCase: { id: string } };

export type OfferingPageQueryVariables = Exact<{
  id: string | number;
}>;


export type OfferingPageQuery = { offering: { id: string, title: string, description: string, module: ServiceModule, phases: Array<Phase>, paletteLevel: PaletteLevel | null, lifeDomains: Array<LifeDomain>, targetGroups: Array<TargetGroup>, channels: Array<Channel>, deliveredBy: Array<DeliveredBy>, frequency: string | null, duration: string | null, costs: string | null, waitingTime: string | null, documentsNeeded: boolean, documentsNote: string | null, languages: Array<string>, status: OfferingStatus, lastVerifiedAt: string, isStale: boolean, capacity: { available: number, total: number | null, updatedAt: string } | null, contactPerson: { name: string, phone: string | null, email: string | null } | null, locations: Array<{ ' $fragmentRefs'?: { 'LocationList_LocationFragment': LocationList_LocationFragment } }>, gemeenten: Array<{ code: string, name: string }>, organization: (
      { id: string, name: string }
      & { ' $fragmentRefs'?: { 'ContactPoint_OrganizationFragment': ContactPoint_OrganizationFragment } }
    ) } | null };

export type OrganizationPageQueryVariables = Exact<{
  id: string | number;
}>;


export type OrganizationPageQuery = { organization: (
    { id: string, name: string, kind: OrganizationKind, description: string | null, nvvkMember: boolean, coordinator: { name: string, phone: string | null, email: string | null } | null, gemeenten: Array<{ code: string, name: string }>, locations: Array<{ ' $fragmentRefs'?: { 'LocationList_LocationFragment': LocationList_LocationFragment } }>, offerings: Array<(
      { id: string, status: OfferingStatus }
      & { ' $fragmentRefs'?: { 'ResultCard_OfferingFragment': ResultCard_OfferingFragment } }
    )> }
    & { ' $fragmentRefs'?: { 'ContactPoint_OrganizationFragment': ContactPoint_OrganizationFragment } }
  ) | null };

export type MyOfferingsQueryVariables = Exact<{
  id: string | number;
}>;


export type MyOfferingsQuery = { organization: { id: string, name: string, offerings: Array<{ id: string, title: string, status: OfferingStatus, isStale: boolean, lastVerifiedAt: string }> } | null };

export type VerifyOfferingMutationVariables = Exact<{
  id: string | number;
}>;


export type VerifyOfferingMutation = { markOfferingVerified: { id: string, isStale: boolean, lastVerifiedAt: string } };

export type SetOfferingStatusMutationVariables = Exact<{
  id: string | number;
  status: OfferingStatus;
}>;


export type SetOfferingStatusMutation = { setOfferingStatus: { id: string, status: OfferingStatus } };

export type OfferingEditorQueryVariables = Exact<{
  organizationId: string | number;
  offeringId: string | number;
  editing: boolean;
}>;


export type OfferingEditorQuery = { organization: { id: string, locations: Array<{ id: string, name: string | null, street: string, city: string }> } | null, gemeenten: Array<{ code: string, name: string }>, offering?: { id: string, title: string, description: string, module: ServiceModule, phases: Array<Phase>, paletteLevel: PaletteLevel | null, lifeDomains: Array<LifeDomain>, targetGroups: Array<TargetGroup>, channels: Array<Channel>, deliveredBy: Array<DeliveredBy>, frequency: string | null, duration: string | null, costs: string | null, waitingTime: string | null, documentsNeeded: boolean, documentsNote: string | null, languages: Array<string>, capacity: { available: number, total: number | null } | null, locations: Array<{ id: string }>, coveredGemeenten: Array<{ code: string }>, contactPerson: { name: string, phone: string | null, email: string | null } | null } | null };

export type CreateOfferingMutationVariables = Exact<{
  input: OfferingInput;
}>;


export type CreateOfferingMutation = { createOffering: { id: string } };

export type UpdateOfferingMutationVariables = Exact<{
  id: string | number;
  input: OfferingInput;
}>;


export type UpdateOfferingMutation = { updateOffering: { id: string } };

export type MyStaleOfferingsQueryVariables = Exact<{ [key: string]: never; }>;


export type MyStaleOfferingsQuery = { myStaleOfferings: Array<{ id: string, title: string, lastVerifiedAt: string }> };

export type ConfirmOfferingActualMutationVariables = Exact<{
  id: string | number;
}>;


export type ConfirmOfferingActualMutation = { markOfferingVerified: { id: string, isStale: boolean, lastVerifiedAt: string } };

export type ReferralWizardQueryVariables = Exact<{
  offeringId: string | number;
}>;


export type ReferralWizardQuery = { offering: { id: string, title: string, organization: { id: string, name: string } } | null, myCases: Array<{ id: string, client: { id: string, displayName: string, contactPreferences: Array<ContactPreference>, consents: Array<{ id: string, purpose: string, isValid: boolean, recipients: Array<{ id: string }> }> } }> };

export type WizardStartReferralMutationVariables = Exact<{
  input: StartReferralInput;
}>;


export type WizardStartReferralMutation = { startReferral: { id: string, caseId: string } };

export type WizardSendReferralMutationVariables = Exact<{
  input: ReferralTransitionInput;
}>;


export type WizardSendReferralMutation = { transitionReferral: { id: string, state: ReferralState } };

export type ReferralsQueryVariables = Exact<{ [key: string]: never; }>;


export type ReferralsQuery = { referralInbox: Array<{ id: string, state: ReferralState, urgency: Urgency, question: string, handoverSummary: string, responseDueAt: string | null, isResponseOverdue: boolean, isIntakeOverdue: boolean, introductionAt: string | null, nextSteps: Array<{ to: ReferralState, requires: string | null }>, sender: { name: string }, offering: { title: string } }>, referralOutbox: Array<{ id: string, state: ReferralState, responseDueAt: string | null, isResponseOverdue: boolean, nextSteps: Array<{ to: ReferralState, requires: string | null }>, receiver: { name: string }, offering: { title: string } }> };

export type TransitionReferralMutationVariables = Exact<{
  input: ReferralTransitionInput;
}>;


export type TransitionReferralMutation = { transitionReferral: { id: string, state: ReferralState } };

export type ResultCard_OfferingFragment = { id: string, title: string, paletteLevel: PaletteLevel | null, channels: Array<Channel>, isStale: boolean, lastVerifiedAt: string, capacity: { available: number } | null, organization: { id: string, name: string } } & { ' $fragmentName'?: 'ResultCard_OfferingFragment' };

export type SearchOfferingsQueryVariables = Exact<{
  search?: OfferingSearchInput | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type SearchOfferingsQuery = { offerings: { totalCount: number, edges: Array<{ cursor: string, distanceKm: number | null, node: (
        { id: string }
        & { ' $fragmentRefs'?: { 'ResultCard_OfferingFragment': ResultCard_OfferingFragment } }
      ) }>, pageInfo: { hasNextPage: boolean, endCursor: string | null }, facets: Array<{ field: string, values: Array<{ value: string, label: string, count: number }> }> } };

export type ContactPoint_OrganizationFragment = { website: string | null, contactPoint: { phone: string | null, email: string | null, address: string | null, openingHours: string | null, walkInHours: string | null } } & { ' $fragmentName'?: 'ContactPoint_OrganizationFragment' };

export type LocationList_LocationFragment = { id: string, name: string | null, street: string, postcode: string, city: string } & { ' $fragmentName'?: 'LocationList_LocationFragment' };

export type TaxonomyQueryVariables = Exact<{ [key: string]: never; }>;


export type TaxonomyQuery = { taxonomy: { modules: Array<{ value: string, label: string }>, phases: Array<{ value: string, label: string }>, paletteLevels: Array<{ value: PaletteLevel, label: string, mode: PaletteMode, modeLabel: string, intensity: number }>, lifeDomains: Array<{ value: string, label: string }>, targetGroups: Array<{ value: string, label: string }>, channels: Array<{ value: string, label: string }>, deliveredBy: Array<{ value: string, label: string }>, organizationKinds: Array<{ value: string, label: string }>, offeringStatuses: Array<{ value: string, label: string }>, casePhases: Array<{ value: string, label: string }>, referralStates: Array<{ value: string, label: string }>, contactPreferences: Array<{ value: string, label: string }>, consentDataCategories: Array<{ value: string, label: string }> } };

export const ResultCard_OfferingFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ResultCard_offering"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Offering"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"paletteLevel"}},{"kind":"Field","name":{"kind":"Name","value":"channels"}},{"kind":"Field","name":{"kind":"Name","value":"isStale"}},{"kind":"Field","name":{"kind":"Name","value":"lastVerifiedAt"}},{"kind":"Field","name":{"kind":"Name","value":"capacity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"available"}}]}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<ResultCard_OfferingFragment, unknown>;
export const ContactPoint_OrganizationFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ContactPoint_organization"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Organization"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"website"}},{"kind":"Field","name":{"kind":"Name","value":"contactPoint"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"openingHours"}},{"kind":"Field","name":{"kind":"Name","value":"walkInHours"}}]}}]}}]} as unknown as DocumentNode<ContactPoint_OrganizationFragment, unknown>;
export const LocationList_LocationFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LocationList_location"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Location"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"street"}},{"kind":"Field","name":{"kind":"Name","value":"postcode"}},{"kind":"Field","name":{"kind":"Name","value":"city"}}]}}]} as unknown as DocumentNode<LocationList_LocationFragment, unknown>;
export const LoginDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Login"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LoginInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"login"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<LoginMutation, LoginMutationVariables>;
export const LogoutDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Logout"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"logout"}}]}}]} as unknown as DocumentNode<LogoutMutation, LogoutMutationVariables>;
export const MeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<MeQuery, MeQueryVariables>;
export const CasePageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CasePage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"case"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"client"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"birthYear"}},{"kind":"Field","name":{"kind":"Name","value":"postcodeArea"}},{"kind":"Field","name":{"kind":"Name","value":"languageNeeds"}},{"kind":"Field","name":{"kind":"Name","value":"gemeente"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"consents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"validUntil"}},{"kind":"Field","name":{"kind":"Name","value":"isValid"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawnAt"}},{"kind":"Field","name":{"kind":"Name","value":"recipients"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"team"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"regieHolder"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"regieHistory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"decidedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"referrals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"lifeDomains"}},{"kind":"Field","name":{"kind":"Name","value":"offering"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"module"}}]}},{"kind":"Field","name":{"kind":"Name","value":"events"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"toState"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"offering"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"Field","name":{"kind":"Name","value":"receiver"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CasePageQuery, CasePageQueryVariables>;
export const TransferRegieDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TransferRegie"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TransferRegieInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"transferRegie"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<TransferRegieMutation, TransferRegieMutationVariables>;
export const MyCasesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyCases"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myCases"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"client"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"regieHolder"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<MyCasesQuery, MyCasesQueryVariables>;
export const ConsentOrganizationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsentOrganizations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organizations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<ConsentOrganizationsQuery, ConsentOrganizationsQueryVariables>;
export const RecordConsentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordConsent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ConsentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordConsent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"clientId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<RecordConsentMutation, RecordConsentMutationVariables>;
export const CaseWithdrawConsentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CaseWithdrawConsent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"consentId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"withdrawConsent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"consentId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"consentId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"isValid"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawnAt"}}]}}]}}]} as unknown as DocumentNode<CaseWithdrawConsentMutation, CaseWithdrawConsentMutationVariables>;
export const OpenCaseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"OpenCase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"OpenCaseInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"openCase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<OpenCaseMutation, OpenCaseMutationVariables>;
export const OfferingPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OfferingPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"offering"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"module"}},{"kind":"Field","name":{"kind":"Name","value":"phases"}},{"kind":"Field","name":{"kind":"Name","value":"paletteLevel"}},{"kind":"Field","name":{"kind":"Name","value":"lifeDomains"}},{"kind":"Field","name":{"kind":"Name","value":"targetGroups"}},{"kind":"Field","name":{"kind":"Name","value":"channels"}},{"kind":"Field","name":{"kind":"Name","value":"deliveredBy"}},{"kind":"Field","name":{"kind":"Name","value":"frequency"}},{"kind":"Field","name":{"kind":"Name","value":"duration"}},{"kind":"Field","name":{"kind":"Name","value":"costs"}},{"kind":"Field","name":{"kind":"Name","value":"waitingTime"}},{"kind":"Field","name":{"kind":"Name","value":"capacity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"available"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"documentsNeeded"}},{"kind":"Field","name":{"kind":"Name","value":"documentsNote"}},{"kind":"Field","name":{"kind":"Name","value":"languages"}},{"kind":"Field","name":{"kind":"Name","value":"contactPerson"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"lastVerifiedAt"}},{"kind":"Field","name":{"kind":"Name","value":"isStale"}},{"kind":"Field","name":{"kind":"Name","value":"locations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"LocationList_location"}}]}},{"kind":"Field","name":{"kind":"Name","value":"gemeenten"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ContactPoint_organization"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LocationList_location"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Location"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"street"}},{"kind":"Field","name":{"kind":"Name","value":"postcode"}},{"kind":"Field","name":{"kind":"Name","value":"city"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ContactPoint_organization"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Organization"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"website"}},{"kind":"Field","name":{"kind":"Name","value":"contactPoint"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"openingHours"}},{"kind":"Field","name":{"kind":"Name","value":"walkInHours"}}]}}]}}]} as unknown as DocumentNode<OfferingPageQuery, OfferingPageQueryVariables>;
export const OrganizationPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OrganizationPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"nvvkMember"}},{"kind":"Field","name":{"kind":"Name","value":"coordinator"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}},{"kind":"Field","name":{"kind":"Name","value":"gemeenten"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"locations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"LocationList_location"}}]}},{"kind":"Field","name":{"kind":"Name","value":"offerings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ResultCard_offering"}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ContactPoint_organization"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LocationList_location"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Location"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"street"}},{"kind":"Field","name":{"kind":"Name","value":"postcode"}},{"kind":"Field","name":{"kind":"Name","value":"city"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ResultCard_offering"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Offering"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"paletteLevel"}},{"kind":"Field","name":{"kind":"Name","value":"channels"}},{"kind":"Field","name":{"kind":"Name","value":"isStale"}},{"kind":"Field","name":{"kind":"Name","value":"lastVerifiedAt"}},{"kind":"Field","name":{"kind":"Name","value":"capacity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"available"}}]}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ContactPoint_organization"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Organization"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"website"}},{"kind":"Field","name":{"kind":"Name","value":"contactPoint"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"openingHours"}},{"kind":"Field","name":{"kind":"Name","value":"walkInHours"}}]}}]}}]} as unknown as DocumentNode<OrganizationPageQuery, OrganizationPageQueryVariables>;
export const MyOfferingsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyOfferings"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"offerings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"isStale"}},{"kind":"Field","name":{"kind":"Name","value":"lastVerifiedAt"}}]}}]}}]}}]} as unknown as DocumentNode<MyOfferingsQuery, MyOfferingsQueryVariables>;
export const VerifyOfferingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"VerifyOffering"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"markOfferingVerified"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"isStale"}},{"kind":"Field","name":{"kind":"Name","value":"lastVerifiedAt"}}]}}]}}]} as unknown as DocumentNode<VerifyOfferingMutation, VerifyOfferingMutationVariables>;
export const SetOfferingStatusDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetOfferingStatus"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"OfferingStatus"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setOfferingStatus"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<SetOfferingStatusMutation, SetOfferingStatusMutationVariables>;
export const OfferingEditorDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OfferingEditor"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"organizationId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"offeringId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"editing"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"organizationId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"locations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"street"}},{"kind":"Field","name":{"kind":"Name","value":"city"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"gemeenten"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"offering"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"offeringId"}}}],"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"editing"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"module"}},{"kind":"Field","name":{"kind":"Name","value":"phases"}},{"kind":"Field","name":{"kind":"Name","value":"paletteLevel"}},{"kind":"Field","name":{"kind":"Name","value":"lifeDomains"}},{"kind":"Field","name":{"kind":"Name","value":"targetGroups"}},{"kind":"Field","name":{"kind":"Name","value":"channels"}},{"kind":"Field","name":{"kind":"Name","value":"deliveredBy"}},{"kind":"Field","name":{"kind":"Name","value":"frequency"}},{"kind":"Field","name":{"kind":"Name","value":"duration"}},{"kind":"Field","name":{"kind":"Name","value":"costs"}},{"kind":"Field","name":{"kind":"Name","value":"waitingTime"}},{"kind":"Field","name":{"kind":"Name","value":"capacity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"available"}},{"kind":"Field","name":{"kind":"Name","value":"total"}}]}},{"kind":"Field","name":{"kind":"Name","value":"documentsNeeded"}},{"kind":"Field","name":{"kind":"Name","value":"documentsNote"}},{"kind":"Field","name":{"kind":"Name","value":"languages"}},{"kind":"Field","name":{"kind":"Name","value":"locations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"coveredGemeenten"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"contactPerson"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]}}]} as unknown as DocumentNode<OfferingEditorQuery, OfferingEditorQueryVariables>;
export const CreateOfferingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateOffering"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"OfferingInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createOffering"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<CreateOfferingMutation, CreateOfferingMutationVariables>;
export const UpdateOfferingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateOffering"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"OfferingInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateOffering"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<UpdateOfferingMutation, UpdateOfferingMutationVariables>;
export const MyStaleOfferingsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyStaleOfferings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myStaleOfferings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"lastVerifiedAt"}}]}}]}}]} as unknown as DocumentNode<MyStaleOfferingsQuery, MyStaleOfferingsQueryVariables>;
export const ConfirmOfferingActualDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConfirmOfferingActual"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"markOfferingVerified"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"isStale"}},{"kind":"Field","name":{"kind":"Name","value":"lastVerifiedAt"}}]}}]}}]} as unknown as DocumentNode<ConfirmOfferingActualMutation, ConfirmOfferingActualMutationVariables>;
export const ReferralWizardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReferralWizard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"offeringId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"offering"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"offeringId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"myCases"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"client"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"contactPreferences"}},{"kind":"Field","name":{"kind":"Name","value":"consents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"isValid"}},{"kind":"Field","name":{"kind":"Name","value":"recipients"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ReferralWizardQuery, ReferralWizardQueryVariables>;
export const WizardStartReferralDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WizardStartReferral"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StartReferralInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startReferral"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"caseId"}}]}}]}}]} as unknown as DocumentNode<WizardStartReferralMutation, WizardStartReferralMutationVariables>;
export const WizardSendReferralDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WizardSendReferral"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReferralTransitionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"transitionReferral"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}}]} as unknown as DocumentNode<WizardSendReferralMutation, WizardSendReferralMutationVariables>;
export const ReferralsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Referrals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"referralInbox"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"urgency"}},{"kind":"Field","name":{"kind":"Name","value":"question"}},{"kind":"Field","name":{"kind":"Name","value":"handoverSummary"}},{"kind":"Field","name":{"kind":"Name","value":"responseDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"isResponseOverdue"}},{"kind":"Field","name":{"kind":"Name","value":"isIntakeOverdue"}},{"kind":"Field","name":{"kind":"Name","value":"introductionAt"}},{"kind":"Field","name":{"kind":"Name","value":"nextSteps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"requires"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sender"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"offering"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"referralOutbox"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"nextSteps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"requires"}}]}},{"kind":"Field","name":{"kind":"Name","value":"responseDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"isResponseOverdue"}},{"kind":"Field","name":{"kind":"Name","value":"receiver"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"offering"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}}]}}]} as unknown as DocumentNode<ReferralsQuery, ReferralsQueryVariables>;
export const TransitionReferralDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TransitionReferral"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReferralTransitionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"transitionReferral"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}}]} as unknown as DocumentNode<TransitionReferralMutation, TransitionReferralMutationVariables>;
export const SearchOfferingsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SearchOfferings"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"OfferingSearchInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"offerings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"distanceKm"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ResultCard_offering"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"facets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"values"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ResultCard_offering"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Offering"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"paletteLevel"}},{"kind":"Field","name":{"kind":"Name","value":"channels"}},{"kind":"Field","name":{"kind":"Name","value":"isStale"}},{"kind":"Field","name":{"kind":"Name","value":"lastVerifiedAt"}},{"kind":"Field","name":{"kind":"Name","value":"capacity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"available"}}]}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<SearchOfferingsQuery, SearchOfferingsQueryVariables>;
export const TaxonomyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Taxonomy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"taxonomy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"modules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"phases"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"paletteLevels"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"modeLabel"}},{"kind":"Field","name":{"kind":"Name","value":"intensity"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lifeDomains"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"targetGroups"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"channels"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"deliveredBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"organizationKinds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"offeringStatuses"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"casePhases"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"referralStates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"contactPreferences"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"consentDataCategories"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}}]}}]}}]} as unknown as DocumentNode<TaxonomyQuery, TaxonomyQueryVariables>;