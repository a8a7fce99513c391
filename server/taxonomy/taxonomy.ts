import { registerEnumType } from "type-graphql";

/**
 * The classifications of the sociale kaart (DOMAIN.md). Each enum's declaration order is its
 * display order, and each value has exactly one Dutch label here: the API, facets and the web
 * client all take their labels from these tables.
 */

export enum OrganizationKind {
  GEMEENTELIJKE_SCHULDHULP = "GEMEENTELIJKE_SCHULDHULP",
  KREDIETBANK = "KREDIETBANK",
  WIJKTEAM = "WIJKTEAM",
  MAATSCHAPPELIJK_WERK = "MAATSCHAPPELIJK_WERK",
  SOCIAAL_RAADSLIEDEN = "SOCIAAL_RAADSLIEDEN",
  VRIJWILLIGERSORGANISATIE = "VRIJWILLIGERSORGANISATIE",
  BEWINDVOERDER = "BEWINDVOERDER",
  WONINGCORPORATIE = "WONINGCORPORATIE",
  ZORG_GGZ = "ZORG_GGZ",
  OVERIG = "OVERIG",
}

export const organizationKindLabels: Record<OrganizationKind, string> = {
  GEMEENTELIJKE_SCHULDHULP: "Gemeentelijke schuldhulpverlening",
  KREDIETBANK: "Kredietbank",
  WIJKTEAM: "Wijkteam",
  MAATSCHAPPELIJK_WERK: "Maatschappelijk werk",
  SOCIAAL_RAADSLIEDEN: "Sociaal raadslieden",
  VRIJWILLIGERSORGANISATIE: "Vrijwilligersorganisatie",
  BEWINDVOERDER: "Bewindvoering en budgetbeheer",
  WONINGCORPORATIE: "Woningcorporatie",
  ZORG_GGZ: "Zorg en GGZ",
  OVERIG: "Overig",
};

/** The ten service modules of social work (seeds/004) plus the NVVK modules. */
export enum ServiceModule {
  VROEGSIGNALERING = "VROEGSIGNALERING",
  CRISISHULP = "CRISISHULP",
  FINANCIELE_NOODHULP = "FINANCIELE_NOODHULP",
  INFORMATIE_ADVIES = "INFORMATIE_ADVIES",
  INTAKE = "INTAKE",
  INVENTARISATIE = "INVENTARISATIE",
  BUDGETCOACHING = "BUDGETCOACHING",
  BETALINGSREGELING = "BETALINGSREGELING",
  CASEMANAGEMENT = "CASEMANAGEMENT",
  WAAKVLAM_NAZORG = "WAAKVLAM_NAZORG",
  SCHULDREGELING = "SCHULDREGELING",
  BUDGETBEHEER = "BUDGETBEHEER",
  BESCHERMINGSBEWIND = "BESCHERMINGSBEWIND",
}

export const serviceModuleLabels: Record<ServiceModule, string> = {
  VROEGSIGNALERING: "Vroegsignalering en toeleiding",
  CRISISHULP: "Crisishulpverlening",
  FINANCIELE_NOODHULP: "Financiële (nood)hulp",
  INFORMATIE_ADVIES: "Informatie en advies, thuisadministratie en regelingen",
  INTAKE: "Intake en vraagverheldering",
  INVENTARISATIE: "Inventarisatie",
  BUDGETCOACHING: "Budgetcoaching (veranderings- en competentiegerichte begeleiding)",
  BETALINGSREGELING: "Onderzoek betalingsregeling en herfinanciering",
  CASEMANAGEMENT: "Casemanagement",
  WAAKVLAM_NAZORG: "Waakvlamcontacten en nazorg",
  SCHULDREGELING: "Schuldregeling",
  BUDGETBEHEER: "Budgetbeheer",
  BESCHERMINGSBEWIND: "Beschermingsbewind",
};

export enum Phase {
  STABILISATIE = "STABILISATIE",
  ONTWIKKELING = "ONTWIKKELING",
  NAZORG = "NAZORG",
}

export const phaseLabels: Record<Phase, string> = {
  STABILISATIE: "Stabilisatie",
  ONTWIKKELING: "Ontwikkeling",
  NAZORG: "Nazorg",
};

export enum PaletteMode {
  PASSIVE = "PASSIVE",
  ACTIVE = "ACTIVE",
}

export const paletteModeLabels: Record<PaletteMode, string> = {
  PASSIVE: "Passieve nazorg",
  ACTIVE: "Actieve nazorg",
};

/** The palette of nazorg (seeds/001), from passive to active in order of intensity. */
export enum PaletteLevel {
  P1 = "P1",
  P2 = "P2",
  P3 = "P3",
  A1 = "A1",
  A2 = "A2",
  A3 = "A3",
  A4 = "A4",
  A5 = "A5",
  A6 = "A6",
  A7 = "A7",
  A8 = "A8",
  A9 = "A9",
  A10 = "A10",
}

export const paletteLevelLabels: Record<PaletteLevel, string> = {
  P1: "Open uitnodiging: u mag altijd bellen",
  P2: "Verwijzing naar inloop en spreekuur",
  P3: "Verwijzing naar formele zorgteams of andere diensten",
  A1: "Terugbellen of WhatsApp-contact na 3, 6 of 12 maanden",
  A2: "Actief benaderen met financiële educatie bij life events",
  A3: "Huisbezoek na 3 of 6 maanden",
  A4: "Budgetcursus of training",
  A5: "Digitale hulpmiddelen met ondersteuning",
  A6: "Sociaal netwerk betrekken",
  A7: "Waakvlamcontacten door vrijwilligers",
  A8: "Maandelijkse thuisadministratie",
  A9: "Spaarkringen, lotgenotencontact en zelfhulpgroepen",
  A10: "Budgetbeheer, budgetcoaching of bewindvoering als nazorg",
};

export function paletteMode(level: PaletteLevel): PaletteMode {
  return level.startsWith("P") ? PaletteMode.PASSIVE : PaletteMode.ACTIVE;
}

/** 1 for the most passive level, up to 13 for the most intensive. */
export function paletteIntensity(level: PaletteLevel): number {
  return Object.values(PaletteLevel).indexOf(level) + 1;
}

export enum LifeDomain {
  WONEN = "WONEN",
  FINANCIEN = "FINANCIEN",
  WERK_DAGBESTEDING = "WERK_DAGBESTEDING",
  ONDERWIJS = "ONDERWIJS",
  SOCIALE_CONTACTEN = "SOCIALE_CONTACTEN",
  PSYCHISCHE_GEZONDHEID = "PSYCHISCHE_GEZONDHEID",
  LICHAMELIJKE_GEZONDHEID = "LICHAMELIJKE_GEZONDHEID",
  OPVOEDING = "OPVOEDING",
  HUISHOUDING = "HUISHOUDING",
  VOEDING = "VOEDING",
  VEILIGHEID = "VEILIGHEID",
  ZINGEVING = "ZINGEVING",
}

export const lifeDomainLabels: Record<LifeDomain, string> = {
  WONEN: "Wonen",
  FINANCIEN: "Financiën",
  WERK_DAGBESTEDING: "Werk en dagbesteding",
  ONDERWIJS: "Onderwijs",
  SOCIALE_CONTACTEN: "Sociale contacten en relaties",
  PSYCHISCHE_GEZONDHEID: "Psychische gezondheid",
  LICHAMELIJKE_GEZONDHEID: "Lichamelijke gezondheid",
  OPVOEDING: "Opvoeding",
  HUISHOUDING: "Huishouding",
  VOEDING: "Voeding",
  VEILIGHEID: "Veiligheid",
  ZINGEVING: "Zingeving",
};

export enum TargetGroup {
  JONGEREN = "JONGEREN",
  OUDEREN = "OUDEREN",
  GEZINNEN = "GEZINNEN",
  ONDERNEMERS = "ONDERNEMERS",
  WERKENDEN = "WERKENDEN",
  LVB = "LVB",
  LAAGGELETTERD = "LAAGGELETTERD",
  NAH = "NAH",
  ANDERSTALIGEN = "ANDERSTALIGEN",
  ZORGMIJDERS = "ZORGMIJDERS",
}

export const targetGroupLabels: Record<TargetGroup, string> = {
  JONGEREN: "Jongeren",
  OUDEREN: "Ouderen",
  GEZINNEN: "Gezinnen",
  ONDERNEMERS: "Ondernemers",
  WERKENDEN: "Werkenden",
  LVB: "Licht verstandelijke beperking (LVB)",
  LAAGGELETTERD: "Laaggeletterden",
  NAH: "Niet-aangeboren hersenletsel (NAH)",
  ANDERSTALIGEN: "Anderstaligen en statushouders",
  ZORGMIJDERS: "Zorgmijders",
};

export enum Channel {
  TELEFOON = "TELEFOON",
  WHATSAPP = "WHATSAPP",
  EMAIL = "EMAIL",
  VIDEO = "VIDEO",
  OP_KANTOOR = "OP_KANTOOR",
  HUISBEZOEK = "HUISBEZOEK",
  GROEP = "GROEP",
  INLOOP = "INLOOP",
}

export const channelLabels: Record<Channel, string> = {
  TELEFOON: "Telefoon",
  WHATSAPP: "WhatsApp",
  EMAIL: "E-mail",
  VIDEO: "Video of online",
  OP_KANTOOR: "Op kantoor",
  HUISBEZOEK: "Huisbezoek",
  GROEP: "Groep",
  INLOOP: "Inloop",
};

export enum DeliveredBy {
  BEROEPSKRACHT = "BEROEPSKRACHT",
  VRIJWILLIGER = "VRIJWILLIGER",
  ERVARINGSDESKUNDIGE = "ERVARINGSDESKUNDIGE",
}

export const deliveredByLabels: Record<DeliveredBy, string> = {
  BEROEPSKRACHT: "Beroepskracht",
  VRIJWILLIGER: "Vrijwilliger",
  ERVARINGSDESKUNDIGE: "Ervaringsdeskundige",
};

export enum OfferingStatus {
  ACTIVE = "ACTIVE",
  PAUSED = "PAUSED",
  ENDED = "ENDED",
}

export const offeringStatusLabels: Record<OfferingStatus, string> = {
  ACTIVE: "Actief",
  PAUSED: "Gepauzeerd",
  ENDED: "Beëindigd",
};

/** Registers an enum for GraphQL with each value's one Dutch label as its description. */
export function registerLabelledEnum<E extends Record<string, string>>(
  enumObject: E,
  name: string,
  description: string,
  labels: Record<string, string>,
): void {
  registerEnumType(enumObject, {
    name,
    description,
    valuesConfig: Object.fromEntries(
      Object.keys(enumObject).map((value) => [value, { description: labels[value] }]),
    ) as never,
  });
}

registerLabelledEnum(
  OrganizationKind,
  "OrganizationKind",
  "Soort ketenpartner",
  organizationKindLabels,
);
registerLabelledEnum(ServiceModule, "ServiceModule", "Dienstverleningsmodule", serviceModuleLabels);
registerLabelledEnum(Phase, "Phase", "Fase van het traject", phaseLabels);
registerLabelledEnum(PaletteMode, "PaletteMode", "Passieve of actieve nazorg", paletteModeLabels);
registerLabelledEnum(
  PaletteLevel,
  "PaletteLevel",
  "Plek op het palet van nazorg, van passief naar actief",
  paletteLevelLabels,
);
registerLabelledEnum(LifeDomain, "LifeDomain", "Leefgebied", lifeDomainLabels);
registerLabelledEnum(TargetGroup, "TargetGroup", "Doelgroep", targetGroupLabels);
registerLabelledEnum(Channel, "Channel", "Kanaal waarlangs het aanbod loopt", channelLabels);
registerLabelledEnum(DeliveredBy, "DeliveredBy", "Wie het aanbod uitvoert", deliveredByLabels);
registerLabelledEnum(
  OfferingStatus,
  "OfferingStatus",
  "Status van het aanbod",
  offeringStatusLabels,
);
