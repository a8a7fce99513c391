// The labels query: the Dutch labels of every module's values, composed here beside the schema
// so that no module has to import the others for it.
import { Field, Int, ObjectType, Query, Resolver } from "type-graphql";
import {
  channelLabels,
  deliveredByLabels,
  lifeDomainLabels,
  offeringStatusLabels,
  organizationKindLabels,
  PaletteLevel,
  paletteIntensity,
  paletteLevelLabels,
  PaletteMode,
  paletteMode,
  paletteModeLabels,
  phaseLabels,
  serviceModuleLabels,
  targetGroupLabels,
} from "./taxonomy/taxonomy.js";
import { casePhaseLabels } from "./case/case.entity.js";
import { contactPreferenceLabels } from "./inwoner/client.entity.js";
import { consentDataCategoryLabels } from "./inwoner/consent.entity.js";
import { accountStatusLabels, securityEventLabels } from "./auth/account.types.js";
import { roleLabels } from "./auth/role.js";
import { referralStateLabels } from "./referral/referral.entity.js";
import { contactSignalLabels, inBalanceLabels } from "./nazorg/nazorg-contact.entity.js";
import { nazorgAdjustmentKindLabels } from "./nazorg/nazorg-plan.entity.js";
import { regieGapProblemLabels } from "./dashboard/dashboard.types.js";
import { networkAgreementKindLabels } from "./network-agreement/network-agreement.entity.js";

@ObjectType({ description: "Een waarde van een classificatie met Nederlands label en volgorde" })
export class TaxonomyValue {
  @Field()
  value: string;

  @Field()
  label: string;

  @Field(() => Int)
  order: number;
}

@ObjectType()
export class PaletteLevelInfo {
  @Field(() => PaletteLevel)
  value: PaletteLevel;

  @Field()
  label: string;

  @Field(() => PaletteMode)
  mode: PaletteMode;

  @Field()
  modeLabel: string;

  @Field(() => Int, { description: "1 = meest passief, 13 = meest intensief" })
  intensity: number;
}

@ObjectType()
export class Taxonomy {
  @Field(() => [TaxonomyValue])
  organizationKinds: TaxonomyValue[];

  @Field(() => [TaxonomyValue])
  modules: TaxonomyValue[];

  @Field(() => [TaxonomyValue])
  phases: TaxonomyValue[];

  @Field(() => [PaletteLevelInfo])
  paletteLevels: PaletteLevelInfo[];

  @Field(() => [TaxonomyValue])
  lifeDomains: TaxonomyValue[];

  @Field(() => [TaxonomyValue])
  targetGroups: TaxonomyValue[];

  @Field(() => [TaxonomyValue])
  channels: TaxonomyValue[];

  @Field(() => [TaxonomyValue])
  deliveredBy: TaxonomyValue[];

  @Field(() => [TaxonomyValue])
  offeringStatuses: TaxonomyValue[];

  @Field(() => [TaxonomyValue])
  casePhases: TaxonomyValue[];

  @Field(() => [TaxonomyValue])
  referralStates: TaxonomyValue[];

  @Field(() => [TaxonomyValue])
  contactPreferences: TaxonomyValue[];

  @Field(() => [TaxonomyValue])
  consentDataCategories: TaxonomyValue[];

  @Field(() => [TaxonomyValue], { description: "Rollen van een gebruiker" })
  roles: TaxonomyValue[];

  @Field(() => [TaxonomyValue], { description: "Waar een account staat" })
  accountStatuses: TaxonomyValue[];

  @Field(() => [TaxonomyValue], { description: "Wat er in het beveiligingslogboek staat" })
  securityEvents: TaxonomyValue[];

  @Field(() => [TaxonomyValue], { description: "Signalen uit een nazorgcontact" })
  contactSignals: TaxonomyValue[];

  @Field(() => [TaxonomyValue], { description: "Inkomsten en uitgaven in balans" })
  inBalance: TaxonomyValue[];

  @Field(() => [TaxonomyValue])
  nazorgAdjustmentKinds: TaxonomyValue[];

  @Field(() => [TaxonomyValue], { description: "Waarom een regiehouder niet kan handelen" })
  regieGapProblems: TaxonomyValue[];
  @Field(() => [TaxonomyValue])
  networkAgreementKinds: TaxonomyValue[];
}

export function taxonomyValues(labels: Record<string, string>): TaxonomyValue[] {
  return Object.entries(labels).map(([value, label], index) => ({
    value,
    label,
    order: index + 1,
  }));
}

const taxonomy: Taxonomy = {
  organizationKinds: taxonomyValues(organizationKindLabels),
  modules: taxonomyValues(serviceModuleLabels),
  phases: taxonomyValues(phaseLabels),
  paletteLevels: Object.values(PaletteLevel).map((value) => ({
    value,
    label: paletteLevelLabels[value],
    mode: paletteMode(value),
    modeLabel: paletteModeLabels[paletteMode(value)],
    intensity: paletteIntensity(value),
  })),
  lifeDomains: taxonomyValues(lifeDomainLabels),
  targetGroups: taxonomyValues(targetGroupLabels),
  channels: taxonomyValues(channelLabels),
  deliveredBy: taxonomyValues(deliveredByLabels),
  offeringStatuses: taxonomyValues(offeringStatusLabels),
  casePhases: taxonomyValues(casePhaseLabels),
  referralStates: taxonomyValues(referralStateLabels),
  contactPreferences: taxonomyValues(contactPreferenceLabels),
  consentDataCategories: taxonomyValues(consentDataCategoryLabels),
  roles: taxonomyValues(roleLabels),
  accountStatuses: taxonomyValues(accountStatusLabels),
  securityEvents: taxonomyValues(securityEventLabels),
  contactSignals: taxonomyValues(contactSignalLabels),
  inBalance: taxonomyValues(inBalanceLabels),
  nazorgAdjustmentKinds: taxonomyValues(nazorgAdjustmentKindLabels),
  regieGapProblems: taxonomyValues(regieGapProblemLabels),
  networkAgreementKinds: taxonomyValues(networkAgreementKindLabels),
};

@Resolver()
export class TaxonomyResolver {
  @Query(() => Taxonomy, {
    description: "Alle classificaties met Nederlandse labels, in vaste volgorde",
  })
  taxonomy(): Taxonomy {
    return taxonomy;
  }
}
