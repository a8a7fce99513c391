import type { ContactPerson } from "../organization/contact.types.js";
import { OfferingStatus } from "../taxonomy/taxonomy.js";
import {
  classifications,
  type Classification,
  derivedId,
  type Detail,
  gemeenteTaxonomy,
  gemeenteUri,
  taxonomyId,
  termId,
} from "./hsds.taxonomies.js";
import type {
  Directory,
  HsdsAttribute,
  HsdsContact,
  HsdsDocument,
  HsdsOrganization,
  HsdsPhone,
  HsdsService,
  HsdsTaxonomy,
  HsdsTaxonomyTerm,
} from "./hsds.types.js";

// Ketenkaart ⇄ Open Referral HSDS 3.0. Organisations, locations and services keep their
// Ketenkaart UUIDs as HSDS ids; what HSDS has no field for (the palette, phases, the kind of
// partner, the loket) travels as attributes linking to Ketenkaart taxonomies, so a round trip
// keeps it. `capacities` (service_capacity with its unit) comes from HSDS 3.1, which only adds
// to 3.0.

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

export function compact<T extends object>(object: T): T {
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
