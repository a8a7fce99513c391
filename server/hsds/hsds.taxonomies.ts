import { createHash } from "node:crypto";
import {
  channelLabels,
  deliveredByLabels,
  lifeDomainLabels,
  organizationKindLabels,
  paletteLevelLabels,
  phaseLabels,
  serviceModuleLabels,
  targetGroupLabels,
} from "../taxonomy/taxonomy.js";

/**
 * Ids for the HSDS objects that Ketenkaart keeps no row for (a phone, an address, a taxonomy
 * term): name-based UUIDs (RFC 4122 version 5), so every export gives them the same id and a
 * re-import recognises them.
 */
const namespace = Buffer.from("5f0c6d0e8b6a4f4e9c3e1a7d2b4c6e80", "hex");

export function derivedId(...parts: string[]): string {
  const hash = createHash("sha1").update(namespace).update(parts.join("/")).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Details HSDS has no field for; they travel as attributes with a value. */
export const detailLabels = {
  DUUR: "Duur",
  DOCUMENTPLICHT: "Documenten nodig voor een eerste gesprek (ja/nee)",
  LOKET_ADRES: "Adres van het loket",
  OPENINGSTIJDEN: "Openingstijden",
  INLOOPSPREEKUUR: "Inloopspreekuur",
  NVVK_LID: "Lid van de NVVK",
} as const;

export type Detail = keyof typeof detailLabels;

/**
 * One HSDS taxonomy per Ketenkaart classification, with the codes and Dutch labels of
 * server/taxonomy/taxonomy.ts. The key is also the attributes' `link_type`. Gemeenten are a
 * taxonomy too (CBS codes), but their terms come from the database.
 */
export const classifications = {
  module: {
    name: "Dienstverleningsmodule",
    description: "De modules van de schuldhulpverlening en het sociaal werk (Ketenkaart)",
    labels: serviceModuleLabels,
  },
  phase: {
    name: "Fase",
    description: "Fase van het traject die het aanbod bedient (Ketenkaart)",
    labels: phaseLabels,
  },
  palette_level: {
    name: "Palet van nazorg",
    description: "Plek op het palet van nazorg, van passief (P1) naar actief (A10) (Ketenkaart)",
    labels: paletteLevelLabels,
  },
  life_domain: {
    name: "Leefgebied",
    description: "Leefgebieden die het aanbod raakt (Ketenkaart)",
    labels: lifeDomainLabels,
  },
  target_group: {
    name: "Doelgroep",
    description: "Doelgroepen van het aanbod; geen doelgroep: voor iedereen (Ketenkaart)",
    labels: targetGroupLabels,
  },
  channel: {
    name: "Kanaal",
    description: "Kanalen waarlangs het aanbod loopt (Ketenkaart)",
    labels: channelLabels,
  },
  delivered_by: {
    name: "Uitgevoerd door",
    description: "Wie het aanbod uitvoert (Ketenkaart)",
    labels: deliveredByLabels,
  },
  organization_kind: {
    name: "Soort ketenpartner",
    description: "Soort organisatie in de schuldhulpketen (Ketenkaart)",
    labels: organizationKindLabels,
  },
  detail: {
    name: "Ketenkaart-gegevens",
    description: "Gegevens waarvoor HSDS geen veld heeft; de waarde staat in het attribuut",
    labels: detailLabels,
  },
} as const;

export type Classification = keyof typeof classifications | "gemeente";

export const gemeenteTaxonomy = {
  name: "Gemeente",
  description: "Gemeenten met hun CBS-code, zoals de organisatie ze bedient",
};

export const taxonomyId = (classification: Classification) => derivedId("taxonomy", classification);

export const termId = (classification: Classification, code: string) =>
  derivedId("taxonomy", classification, code);

/** The government's persistent identifier of a gemeente (TOOI), e.g. for GM0202. */
export const gemeenteUri = (code: string) =>
  `https://identifier.overheid.nl/tooi/id/gemeente/${code.toLowerCase()}`;

export const gemeenteUriPattern =
  /^https:\/\/identifier\.overheid\.nl\/tooi\/id\/gemeente\/gm(\d{4})$/;
