import type { OfferingFields } from "../offering/offering.service.js";
import type { ContactPerson } from "../organization/contact.types.js";
import type { NewLocation, NewOrganization } from "../organization/organization.service.js";
import {
  Channel,
  DeliveredBy,
  LifeDomain,
  OfferingStatus,
  OrganizationKind,
  PaletteLevel,
  Phase,
  ServiceModule,
  TargetGroup,
} from "../taxonomy/taxonomy.js";
import {
  classifications,
  type Classification,
  derivedId,
  type Detail,
  gemeenteTaxonomy,
  gemeenteUri,
  gemeenteUriPattern,
  taxonomyId,
  termId,
} from "./hsds.taxonomies.js";

// Ketenkaart ⇄ Open Referral HSDS 3.0. Organisations, locations and services keep their
// Ketenkaart UUIDs as HSDS ids; what HSDS has no field for (the palette, phases, the kind of
// partner, the loket) travels as attributes linking to Ketenkaart taxonomies, so a round trip
// keeps it. `capacities` (service_capacity with its unit) comes from HSDS 3.1, which only adds
// to 3.0.

// ── The directory as Ketenkaart holds it ─────────────────────────────────────────────────────

export interface DirectoryLocation extends NewLocation {
  id: string;
  gemeenteCode: string | null;
}

export interface DirectoryOrganization extends NewOrganization {
  id: string;
  locations: DirectoryLocation[];
}

export interface DirectoryOffering extends OfferingFields {
  id: string;
  organizationId: string;
  status: OfferingStatus;
  lastVerifiedAt: Date;
  /** Export only: when the offering last changed. */
  updatedAt?: Date;
}

export interface Directory {
  organizations: DirectoryOrganization[];
  offerings: DirectoryOffering[];
}

// ── The HSDS objects Ketenkaart writes and reads ─────────────────────────────────────────────

export interface HsdsPhone {
  id: string;
  organization_id?: string;
  contact_id?: string;
  number: string;
  type?: string;
}

export interface HsdsContact {
  id: string;
  organization_id?: string;
  service_id?: string;
  name?: string;
  title?: string;
  email?: string;
  phones?: HsdsPhone[];
}

export interface HsdsAttribute {
  id: string;
  link_id?: string;
  link_type?: string;
  link_entity?: string;
  taxonomy_term_id?: string;
  taxonomy_term?: HsdsTaxonomyTerm;
  value?: string;
  label?: string;
}

export interface HsdsAddress {
  id: string;
  location_id?: string;
  address_1: string;
  city: string;
  state_province: string;
  postal_code: string;
  country: string;
  address_type: string;
}

export interface HsdsLocation {
  id: string;
  location_type: string;
  organization_id?: string;
  name?: string;
  latitude?: number;
  longitude?: number;
  external_identifier?: string;
  external_identifier_type?: string;
  addresses?: HsdsAddress[];
}

export interface HsdsOrganization {
  id: string;
  name: string;
  description: string;
  email?: string;
  website?: string;
  phones?: HsdsPhone[];
  contacts?: HsdsContact[];
  locations?: HsdsLocation[];
  attributes?: HsdsAttribute[];
}

export interface HsdsService {
  id: string;
  organization_id?: string;
  name: string;
  description?: string;
  status: "active" | "inactive" | "defunct" | "temporarily closed";
  fees_description?: string;
  wait_time?: string;
  assured_date?: string;
  last_modified?: string;
  languages?: Array<{ id: string; service_id?: string; code?: string; name?: string }>;
  contacts?: HsdsContact[];
  service_at_locations?: Array<{ id: string; service_id?: string; location_id?: string }>;
  service_areas?: Array<{ id: string; service_id?: string; name?: string; uri?: string }>;
  schedules?: Array<{ id: string; service_id?: string; description?: string }>;
  cost_options?: Array<{
    id: string;
    service_id?: string;
    option?: string;
    amount?: number;
    currency?: string;
  }>;
  capacities?: Array<{
    id: string;
    service_id?: string;
    unit: { id: string; name: string };
    available: number;
    maximum?: number;
    description?: string;
    updated: string;
  }>;
  required_documents?: Array<{ id: string; service_id?: string; document?: string }>;
  attributes?: HsdsAttribute[];
}

export interface HsdsTaxonomy {
  id: string;
  name: string;
  description: string;
  version?: string;
}

export interface HsdsTaxonomyTerm {
  id: string;
  code?: string;
  name: string;
  description: string;
  taxonomy_id?: string;
  language?: string;
  term_uri?: string;
}

/** One document: the HSDS objects of a directory, with the taxonomies they use. */
export interface HsdsDocument {
  hsds_version: string;
  title: string;
  generated_at: string;
  taxonomies: HsdsTaxonomy[];
  taxonomy_terms: HsdsTaxonomyTerm[];
  organizations: HsdsOrganization[];
  services: HsdsService[];
}

export interface Problem {
  /** JSON Pointer into the document, e.g. /services/3/status. */
  path: string;
  message: string;
}

// ── Ketenkaart → HSDS ────────────────────────────────────────────────────────────────────────

const statusToHsds: Record<OfferingStatus, HsdsService["status"]> = {
  ACTIVE: "active",
  PAUSED: "temporarily closed",
  ENDED: "inactive",
};

const placeUnit = { id: derivedId("unit", "plek"), name: "Plek" };
const languageNames = new Intl.DisplayNames(["nl"], { type: "language" });

/** The calendar day in the Netherlands: assured_date is a date, our checks are moments. */
export function dutchDate(moment: Date): string {
  return moment.toLocaleDateString("sv-SE", { timeZone: "Europe/Amsterdam" });
}

/** The start of a Dutch calendar day (YYYY-MM-DD), as a moment. */
export function startOfDutchDay(date: string): Date {
  const utcMidnight = new Date(`${date}T00:00:00Z`);
  const amsterdamHour = Number(
    utcMidnight.toLocaleString("en-GB", { timeZone: "Europe/Amsterdam", hour: "2-digit" }),
  );
  return new Date(utcMidnight.getTime() - amsterdamHour * 3_600_000);
}

function compact<T extends object>(object: T): T {
  return Object.fromEntries(
    Object.entries(object).filter(([, value]) => value !== null && value !== undefined),
  ) as T;
}

function phone(id: string, number: string | null | undefined, owner: Partial<HsdsPhone>) {
  return number ? [{ id, ...owner, number, type: "voice" }] : [];
}

function contact(
  id: string,
  person: ContactPerson | null | undefined,
  owner: Partial<HsdsContact>,
  title?: string,
): HsdsContact[] {
  if (!person) return [];
  return [
    compact({
      id,
      ...owner,
      name: person.name,
      title,
      email: person.email ?? undefined,
      phones: phone(derivedId(id, "phone"), person.phone, { contact_id: id }),
    }),
  ];
}

class TermCollector {
  readonly used = new Map<string, HsdsTaxonomyTerm>();
  constructor(private readonly gemeenteNames: Map<string, string>) {}

  attribute(
    linkEntity: "organization" | "service",
    linkId: string,
    classification: Classification,
    code: string,
    value?: string,
  ): HsdsAttribute {
    const id = termId(classification, code);
    if (!this.used.has(id)) {
      const label =
        classification === "gemeente"
          ? (this.gemeenteNames.get(code) ?? code)
          : (classifications[classification].labels as Record<string, string>)[code]!;
      const name =
        classification === "gemeente"
          ? gemeenteTaxonomy.name
          : classifications[classification].name;
      this.used.set(
        id,
        compact({
          id,
          code,
          name: label,
          description: `${name}: ${label}`,
          taxonomy_id: taxonomyId(classification),
          language: "nl",
          term_uri: classification === "gemeente" ? gemeenteUri(code) : undefined,
        }),
      );
    }
    return compact({
      id: derivedId("attribute", linkId, id),
      link_id: linkId,
      link_type: classification,
      link_entity: linkEntity,
      taxonomy_term_id: id,
      value,
      label:
        classification === "detail" ? classifications.detail.labels[code as Detail] : undefined,
    });
  }

  taxonomies(): HsdsTaxonomy[] {
    const used = new Set([...this.used.values()].map((term) => term.taxonomy_id));
    return [...Object.keys(classifications), "gemeente"]
      .map((key) => {
        const { name, description } =
          key === "gemeente"
            ? gemeenteTaxonomy
            : classifications[key as keyof typeof classifications];
        return { id: taxonomyId(key as Classification), name, description, version: "1" };
      })
      .filter((taxonomy) => used.has(taxonomy.id));
  }
}

export function toHsds(
  directory: Directory,
  gemeenteNames: Map<string, string>,
  title: string,
  generatedAt = new Date(),
): HsdsDocument {
  const terms = new TermCollector(gemeenteNames);

  const organizations = directory.organizations.map((organization): HsdsOrganization => {
    const id = organization.id;
    const detail = (code: Detail, value: string | null | undefined) =>
      value ? [terms.attribute("organization", id, "detail", code, value)] : [];
    return compact({
      id,
      name: organization.name,
      description: organization.description ?? "",
      email: organization.contactPoint.email ?? undefined,
      website: organization.website ?? undefined,
      phones: phone(derivedId(id, "phone"), organization.contactPoint.phone, {
        organization_id: id,
      }),
      contacts: contact(
        derivedId(id, "coordinator"),
        organization.coordinator,
        { organization_id: id },
        "Coördinator vrijwilligers",
      ),
      locations: organization.locations.map((location) =>
        compact({
          id: location.id,
          location_type: "physical",
          organization_id: id,
          name: location.name ?? undefined,
          latitude: location.latitude,
          longitude: location.longitude,
          external_identifier: location.gemeenteCode ?? undefined,
          external_identifier_type: location.gemeenteCode ? "CBS-gemeentecode" : undefined,
          addresses: [
            {
              id: derivedId(location.id, "address"),
              location_id: location.id,
              address_1: location.street,
              city: location.city,
              // Dutch addresses need no province; HSDS requires the field.
              state_province: "",
              postal_code: location.postcode,
              country: "NL",
              address_type: "physical",
            },
          ],
        }),
      ),
      attributes: [
        terms.attribute("organization", id, "organization_kind", organization.kind),
        ...organization.gemeenteCodes.map((code) =>
          terms.attribute("organization", id, "gemeente", code),
        ),
        ...(organization.nvvkMember ? detail("NVVK_LID", "ja") : []),
        ...detail("LOKET_ADRES", organization.contactPoint.address),
        ...detail("OPENINGSTIJDEN", organization.contactPoint.openingHours),
        ...detail("INLOOPSPREEKUUR", organization.contactPoint.walkInHours),
      ],
    });
  });

  const services = directory.offerings.map((offering): HsdsService => {
    const id = offering.id;
    const attribute = (classification: Classification, code: string, value?: string) =>
      terms.attribute("service", id, classification, code, value);
    return compact({
      id,
      organization_id: offering.organizationId,
      name: offering.title,
      description: offering.description,
      status: statusToHsds[offering.status],
      fees_description: offering.costs ?? undefined,
      wait_time: offering.waitingTime ?? undefined,
      assured_date: dutchDate(offering.lastVerifiedAt),
      last_modified: offering.updatedAt?.toISOString(),
      languages: offering.languages.map((code) => ({
        id: derivedId(id, "language", code),
        service_id: id,
        code,
        name: languageNames.of(code) ?? code,
      })),
      contacts: contact(derivedId(id, "contact"), offering.contactPerson, { service_id: id }),
      service_at_locations: offering.locationIds.map((locationId) => ({
        id: derivedId(id, "location", locationId),
        service_id: id,
        location_id: locationId,
      })),
      service_areas: offering.gemeenteCodes.map((code) => ({
        id: derivedId(id, "area", code),
        service_id: id,
        name: gemeenteNames.get(code) ?? code,
        uri: gemeenteUri(code),
      })),
      schedules: offering.frequency
        ? [{ id: derivedId(id, "schedule"), service_id: id, description: offering.frequency }]
        : [],
      cost_options:
        offering.costs?.trim().toLowerCase() === "gratis"
          ? [
              {
                id: derivedId(id, "cost"),
                service_id: id,
                option: offering.costs,
                amount: 0,
                currency: "EUR",
              },
            ]
          : [],
      capacities: offering.capacity
        ? [
            compact({
              id: derivedId(id, "capacity"),
              service_id: id,
              unit: placeUnit,
              available: offering.capacity.available,
              maximum: offering.capacity.total ?? undefined,
              description: "Vrije plekken",
              updated: offering.capacity.updatedAt.toISOString(),
            }),
          ]
        : [],
      required_documents: offering.documentsNote
        ? [{ id: derivedId(id, "document"), service_id: id, document: offering.documentsNote }]
        : [],
      attributes: [
        attribute("module", offering.module),
        ...offering.phases.map((code) => attribute("phase", code)),
        ...(offering.paletteLevel ? [attribute("palette_level", offering.paletteLevel)] : []),
        ...offering.lifeDomains.map((code) => attribute("life_domain", code)),
        ...offering.targetGroups.map((code) => attribute("target_group", code)),
        ...offering.channels.map((code) => attribute("channel", code)),
        ...offering.deliveredBy.map((code) => attribute("delivered_by", code)),
        ...(offering.duration ? [attribute("detail", "DUUR", offering.duration)] : []),
        attribute("detail", "DOCUMENTPLICHT", offering.documentsNeeded ? "ja" : "nee"),
      ],
    });
  });

  return {
    hsds_version: "3.0",
    title,
    generated_at: generatedAt.toISOString(),
    taxonomies: terms.taxonomies(),
    taxonomy_terms: [...terms.used.values()].sort((a, b) => a.id.localeCompare(b.id)),
    organizations,
    services,
  };
}

// ── HSDS → Ketenkaart ────────────────────────────────────────────────────────────────────────

/** What the database knows that a document may refer to without containing it. */
export interface KnownDirectory {
  gemeenteCodes: Set<string>;
  organizationIds: Set<string>;
  /** Location id → its organisation. */
  locationOwners: Map<string, string>;
}

const statusFromHsds: Record<HsdsService["status"], OfferingStatus> = {
  active: OfferingStatus.ACTIVE,
  "temporarily closed": OfferingStatus.PAUSED,
  inactive: OfferingStatus.ENDED,
  defunct: OfferingStatus.ENDED,
};

const classificationByTaxonomyId = new Map<string, Classification>(
  [...Object.keys(classifications), "gemeente"].map((key) => [
    taxonomyId(key as Classification),
    key as Classification,
  ]),
);

const enumValues: Record<Exclude<Classification, "gemeente" | "detail">, Set<string>> = {
  module: new Set(Object.values(ServiceModule)),
  phase: new Set(Object.values(Phase)),
  palette_level: new Set(Object.values(PaletteLevel)),
  life_domain: new Set(Object.values(LifeDomain)),
  target_group: new Set(Object.values(TargetGroup)),
  channel: new Set(Object.values(Channel)),
  delivered_by: new Set(Object.values(DeliveredBy)),
  organization_kind: new Set(Object.values(OrganizationKind)),
};

interface Classified {
  codes: Map<Classification, string[]>;
  details: Map<string, string>;
}

/**
 * Reads a document that passed the JSON Schema into the directory, or collects every problem
 * with what it refers to: unknown taxonomy terms, missing organisations and locations, rules of
 * the sociale kaart (a nazorg offering has a place on the palette, and so on).
 */
export function fromHsds(
  document: HsdsDocument,
  known: KnownDirectory,
): { directory: Directory; problems: Problem[] } {
  const problems: Problem[] = [];
  const problem = (path: string, message: string) => problems.push({ path, message });

  const terms = new Map<string, HsdsTaxonomyTerm>();
  for (const term of document.taxonomy_terms) terms.set(term.id, term);

  const seen = new Map<string, string>();
  const unique = (id: string, path: string) => {
    const earlier = seen.get(id);
    if (earlier) problem(`${path}/id`, `Het id ${id} komt twee keer voor (ook bij ${earlier}).`);
    else seen.set(id, path);
  };

  const classify = (attributes: HsdsAttribute[] | undefined, path: string): Classified => {
    const result: Classified = { codes: new Map(), details: new Map() };
    (attributes ?? []).forEach((attribute, index) => {
      const at = `${path}/attributes/${index}`;
      if (attribute.taxonomy_term) terms.set(attribute.taxonomy_term.id, attribute.taxonomy_term);
      const termIdentifier = attribute.taxonomy_term_id ?? attribute.taxonomy_term?.id;
      const term = termIdentifier ? terms.get(termIdentifier) : undefined;
      if (!term) {
        problem(
          `${at}/taxonomy_term_id`,
          `Onbekende taxonomieterm '${termIdentifier ?? ""}': die staat niet in 'taxonomy_terms'.`,
        );
        return;
      }
      // Terms of other publishers' taxonomies are theirs to use; Ketenkaart leaves them.
      const classification = term.taxonomy_id
        ? classificationByTaxonomyId.get(term.taxonomy_id)
        : undefined;
      if (!classification) return;
      const code = term.code ?? "";
      const valid =
        classification === "gemeente"
          ? known.gemeenteCodes.has(code)
          : classification === "detail"
            ? code in classifications.detail.labels
            : enumValues[classification].has(code);
      if (!valid) {
        const taxonomyName =
          classification === "gemeente"
            ? gemeenteTaxonomy.name
            : classifications[classification].name;
        problem(
          `${at}/taxonomy_term_id`,
          `Onbekende term '${code}' in de taxonomie '${taxonomyName}'.`,
        );
        return;
      }
      if (classification === "detail") result.details.set(code, attribute.value ?? "");
      else result.codes.set(classification, [...(result.codes.get(classification) ?? []), code]);
    });
    return result;
  };

  const organizations: DirectoryOrganization[] = [];
  const locationOwners = new Map(known.locationOwners);
  document.organizations.forEach((hsds, index) => {
    const path = `/organizations/${index}`;
    unique(hsds.id, path);
    const { codes, details } = classify(hsds.attributes, path);
    const kinds = codes.get("organization_kind") ?? [];
    if (kinds.length > 1) {
      problem(`${path}/attributes`, `Organisatie '${hsds.name}' heeft meer dan één soort.`);
    }
    const coordinator = hsds.contacts?.[0];
    const locations = (hsds.locations ?? []).map((location, locationIndex) => {
      const locationPath = `${path}/locations/${locationIndex}`;
      unique(location.id, locationPath);
      const owner = locationOwners.get(location.id);
      if (owner && owner !== hsds.id) {
        problem(
          `${locationPath}/id`,
          `Locatie ${location.id} hoort in Ketenkaart bij een andere organisatie.`,
        );
      }
      locationOwners.set(location.id, hsds.id);
      const address = location.addresses![0]!;
      return {
        id: location.id,
        name: location.name ?? null,
        street: address.address_1,
        postcode: address.postal_code.replace(/^(\d{4}) ?([A-Za-z]{2})$/, "$1 $2").toUpperCase(),
        city: address.city,
        latitude: location.latitude!,
        longitude: location.longitude!,
        gemeenteCode: null,
      };
    });
    organizations.push({
      id: hsds.id,
      name: hsds.name,
      kind: (kinds[0] as OrganizationKind | undefined) ?? OrganizationKind.OVERIG,
      description: hsds.description === "" ? null : hsds.description,
      gemeenteCodes: [...new Set(codes.get("gemeente") ?? [])].sort(),
      contactPoint: {
        phone: hsds.phones?.[0]?.number ?? null,
        email: hsds.email ?? null,
        address: details.get("LOKET_ADRES") ?? null,
        openingHours: details.get("OPENINGSTIJDEN") ?? null,
        walkInHours: details.get("INLOOPSPREEKUUR") ?? null,
      },
      website: hsds.website ?? null,
      nvvkMember: details.get("NVVK_LID") === "ja",
      coordinator: coordinator?.name
        ? {
            name: coordinator.name,
            phone: coordinator.phones?.[0]?.number ?? null,
            email: coordinator.email ?? null,
          }
        : null,
      locations,
    });
  });

  const organizationIds = new Set([
    ...known.organizationIds,
    ...organizations.map((organization) => organization.id),
  ]);
  const today = dutchDate(new Date());

  const offerings: DirectoryOffering[] = [];
  document.services.forEach((hsds, index) => {
    const path = `/services/${index}`;
    unique(hsds.id, path);
    const name = `Dienst '${hsds.name}'`;
    if (!hsds.organization_id || !organizationIds.has(hsds.organization_id)) {
      problem(
        `${path}/organization_id`,
        `${name} verwijst naar organisatie '${hsds.organization_id ?? ""}', die niet in het document en niet in Ketenkaart staat.`,
      );
    }
    const { codes, details } = classify(hsds.attributes, path);
    const all = <T extends string>(classification: Classification) =>
      (codes.get(classification) ?? []) as T[];
    const modules = all<ServiceModule>("module");
    const phases = all<Phase>("phase");
    const paletteLevels = all<PaletteLevel>("palette_level");
    if (modules.length !== 1) {
      problem(`${path}/attributes`, `${name} heeft precies één dienstverleningsmodule nodig.`);
    }
    if (phases.length === 0) problem(`${path}/attributes`, `${name} heeft geen fase.`);
    if (all("channel").length === 0) problem(`${path}/attributes`, `${name} heeft geen kanaal.`);
    if (all("delivered_by").length === 0) {
      problem(`${path}/attributes`, `${name} zegt niet wie het uitvoert ('delivered_by').`);
    }
    const isNazorg = phases.includes(Phase.NAZORG);
    if (isNazorg && paletteLevels.length !== 1) {
      problem(
        `${path}/attributes`,
        `${name} is nazorg en heeft precies één plek op het palet nodig.`,
      );
    }
    if (!isNazorg && paletteLevels.length > 0) {
      problem(
        `${path}/attributes`,
        `${name} is geen nazorg en hoort niet op het palet van nazorg.`,
      );
    }
    const documents = details.get("DOCUMENTPLICHT");
    if (documents !== undefined && documents !== "ja" && documents !== "nee") {
      problem(
        `${path}/attributes`,
        `${name}: documentplicht is 'ja' of 'nee', niet '${documents}'.`,
      );
    }
    if (hsds.assured_date && hsds.assured_date > today) {
      problem(
        `${path}/assured_date`,
        `${name} is gecontroleerd op ${hsds.assured_date}: die datum ligt in de toekomst.`,
      );
    }
    const capacity = hsds.capacities?.[0];
    if ((hsds.capacities?.length ?? 0) > 1) {
      problem(
        `${path}/capacities`,
        `${name} heeft meer dan één capaciteit; Ketenkaart kent er één.`,
      );
    }
    if (capacity?.maximum !== undefined && capacity.available > capacity.maximum) {
      problem(
        `${path}/capacities/0/available`,
        `${name} heeft meer vrije plekken (${capacity.available}) dan plekken in totaal (${capacity.maximum}).`,
      );
    }
    if (capacity && new Date(capacity.updated).getTime() > Date.now() + 60_000) {
      problem(
        `${path}/capacities/0/updated`,
        `${name}: de capaciteit is bijgewerkt in de toekomst.`,
      );
    }
    const locationIds = (hsds.service_at_locations ?? []).map((link, linkIndex) => {
      const locationId = link.location_id ?? "";
      if (locationOwners.get(locationId) !== hsds.organization_id) {
        problem(
          `${path}/service_at_locations/${linkIndex}/location_id`,
          `${name} verwijst naar locatie '${locationId}', die geen locatie van de eigen organisatie is.`,
        );
      }
      return locationId;
    });
    const gemeenteCodes = (hsds.service_areas ?? []).map((area, areaIndex) => {
      const code = `GM${gemeenteUriPattern.exec(area.uri ?? "")?.[1] ?? ""}`;
      if (!known.gemeenteCodes.has(code)) {
        problem(
          `${path}/service_areas/${areaIndex}/uri`,
          `${name}: het werkgebied '${area.uri ?? area.name ?? ""}' is geen gemeente die Ketenkaart kent.`,
        );
      }
      return code;
    });
    if (locationIds.length === 0 && gemeenteCodes.length === 0) {
      problem(path, `${name} heeft geen locatie en geen werkgebied: waar is het te gebruiken?`);
    }
    const person = hsds.contacts?.[0];
    const free = hsds.cost_options?.some((option) => option.amount === 0);
    offerings.push({
      id: hsds.id,
      organizationId: hsds.organization_id ?? "",
      title: hsds.name,
      description: hsds.description ?? "",
      module: modules[0]!,
      phases,
      paletteLevel: isNazorg ? (paletteLevels[0] ?? null) : null,
      lifeDomains: all("life_domain"),
      targetGroups: all("target_group"),
      channels: all("channel"),
      deliveredBy: all("delivered_by"),
      frequency: hsds.schedules?.[0]?.description ?? null,
      duration: details.get("DUUR") ?? null,
      costs: hsds.fees_description ?? (free ? "Gratis" : null),
      waitingTime: hsds.wait_time ?? null,
      capacity: capacity
        ? {
            available: capacity.available,
            total: capacity.maximum ?? null,
            updatedAt: new Date(capacity.updated),
          }
        : null,
      documentsNeeded:
        documents === "ja" || (documents === undefined && !!hsds.required_documents?.length),
      documentsNote: hsds.required_documents?.[0]?.document || null,
      // A Dutch sociale kaart: without languages, an offering is in Dutch.
      languages: hsds.languages?.length
        ? [...new Set(hsds.languages.map((language) => language.code!))]
        : ["nl"],
      locationIds: [...new Set(locationIds)].sort(),
      gemeenteCodes: [...new Set(gemeenteCodes)].sort(),
      contactPerson: person?.name
        ? {
            name: person.name,
            phone: person.phones?.[0]?.number ?? null,
            email: person.email ?? null,
          }
        : null,
      status: statusFromHsds[hsds.status],
      lastVerifiedAt: startOfDutchDay(hsds.assured_date!),
    });
  });

  return { directory: { organizations, offerings }, problems };
}
