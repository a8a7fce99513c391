import { useQuery } from "@apollo/client/react";
import { graphql } from "../gql";

const TaxonomyQuery = graphql(`
  query Taxonomy {
    taxonomy {
      modules {
        value
        label
      }
      phases {
        value
        label
      }
      paletteLevels {
        value
        label
        mode
        modeLabel
        intensity
      }
      lifeDomains {
        value
        label
      }
      targetGroups {
        value
        label
      }
      channels {
        value
        label
      }
      deliveredBy {
        value
        label
      }
      organizationKinds {
        value
        label
      }
      roles {
        value
        label
      }
      accountStatuses {
        value
        label
      }
      securityEvents {
        value
        label
      }
      offeringStatuses {
        value
        label
      }
      casePhases {
        value
        label
      }
      referralStates {
        value
        label
      }
      contactPreferences {
        value
        label
      }
      consentDataCategories {
        value
        label
      }
      contactSignals {
        value
        label
      }
      inBalance {
        value
        label
      }
      nazorgAdjustmentKinds {
        value
        label
      }
      regieGapProblems {
        value
        label
      }
    }
  }
`);

export type Labels = Record<string, string>;

export interface TaxonomyLabels {
  modules: Labels;
  phases: Labels;
  paletteLevels: Labels;
  lifeDomains: Labels;
  targetGroups: Labels;
  channels: Labels;
  deliveredBy: Labels;
  organizationKinds: Labels;
  offeringStatuses: Labels;
  casePhases: Labels;
  referralStates: Labels;
  contactPreferences: Labels;
  consentDataCategories: Labels;
  contactSignals: Labels;
  inBalance: Labels;
  nazorgAdjustmentKinds: Labels;
  regieGapProblems: Labels;
  roles: Labels;
  accountStatuses: Labels;
  securityEvents: Labels;
}

const toLabels = (values: Array<{ value: string; label: string }>): Labels =>
  Object.fromEntries(values.map((v) => [v.value, v.label]));

/** Dutch labels of every classification, fetched once and cached by Apollo. */
export function useTaxonomyLabels(): TaxonomyLabels | undefined {
  const { data } = useQuery(TaxonomyQuery);
  if (!data) return undefined;
  const t = data.taxonomy;
  return {
    modules: toLabels(t.modules),
    phases: toLabels(t.phases),
    paletteLevels: toLabels(t.paletteLevels),
    lifeDomains: toLabels(t.lifeDomains),
    targetGroups: toLabels(t.targetGroups),
    channels: toLabels(t.channels),
    deliveredBy: toLabels(t.deliveredBy),
    organizationKinds: toLabels(t.organizationKinds),
    offeringStatuses: toLabels(t.offeringStatuses),
    casePhases: toLabels(t.casePhases),
    referralStates: toLabels(t.referralStates),
    contactPreferences: toLabels(t.contactPreferences),
    consentDataCategories: toLabels(t.consentDataCategories),
    contactSignals: toLabels(t.contactSignals),
    inBalance: toLabels(t.inBalance),
    nazorgAdjustmentKinds: toLabels(t.nazorgAdjustmentKinds),
    regieGapProblems: toLabels(t.regieGapProblems),
    roles: toLabels(t.roles),
    accountStatuses: toLabels(t.accountStatuses),
    securityEvents: toLabels(t.securityEvents),
  };
}

/** The labels of some values, in the order given. */
export function labelsOf(values: readonly string[], labels: Labels | undefined): string[] {
  return values.map((value) => labels?.[value] ?? value);
}
