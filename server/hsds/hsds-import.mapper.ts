import type { ContactPerson } from "../organization/contact.types.js";
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
  gemeenteTaxonomy,
  gemeenteUriPattern,
  taxonomyId,
} from "./hsds.taxonomies.js";
import type {
  Directory,
  DirectoryLocation,
  DirectoryOffering,
  DirectoryOrganization,
  HsdsAttribute,
  HsdsContact,
  HsdsDocument,
  HsdsLocation,
  HsdsOrganization,
  HsdsService,
  HsdsTaxonomyTerm,
  Problem,
} from "./hsds.types.js";
import { dutchDate, startOfDutchDay } from "./hsds.mapper.js";

// ── HSDS → Ketenkaart ────────────────────────────────────────────────────────────────────────

/** What the database knows that a document may refer to without containing it. */
export interface KnownDirectory {
  gemeenteCodes: Set<string>;
  organizationIds: Set<string>;
  /** Location id → its organisation. */
  locationOwners: Map<string, string>;
  /** Offering id → its organisation, for the services of the document Ketenkaart already has. */
  offeringOwners: Map<string, string>;
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

/**
 * Reads a document that passed the JSON Schema into the directory, or collects every problem
 * with what it refers to: unknown taxonomy terms, missing organisations and locations, rules of
 * the sociale kaart (a nazorg offering has a place on the palette, and so on).
 */
export function fromHsds(
  document: HsdsDocument,
  known: KnownDirectory,
): { directory: Directory; problems: Problem[] } {
  const reader = new HsdsReader(document, known);
  const organizations = document.organizations.map((organization, index) =>
    reader.organization(organization, `/organizations/${index}`),
  );
  const offerings = document.services.map((service, index) =>
    reader.service(service, `/services/${index}`),
  );
  return { directory: { organizations, offerings }, problems: reader.problems };
}

class HsdsReader {
  readonly problems: Problem[] = [];
  private readonly terms = new Map<string, HsdsTaxonomyTerm>();
  private readonly seenIds = new Map<string, string>();
  private readonly organizationIds: Set<string>;
  private readonly locationOwners: Map<string, string>;
  private readonly today = dutchDate(new Date());

  constructor(
    document: HsdsDocument,
    private readonly known: KnownDirectory,
  ) {
    for (const term of document.taxonomy_terms) this.terms.set(term.id, term);
    this.organizationIds = new Set([
      ...known.organizationIds,
      ...document.organizations.map((organization) => organization.id),
    ]);
    this.locationOwners = new Map(known.locationOwners);
  }

  organization(hsds: HsdsOrganization, path: string): DirectoryOrganization {
    this.unique(hsds.id, path);
    const { codes, details } = this.classify(hsds.attributes, path);
    const kinds = codes.get("organization_kind") ?? [];
    if (kinds.length > 1) {
      this.problem(`${path}/attributes`, `Organisatie '${hsds.name}' heeft meer dan één soort.`);
    }
    const coordinator = hsds.contacts?.[0];
    return {
      id: hsds.id,
      name: hsds.name,
      // Other publishers do not know our kinds of partner.
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
      coordinator: contactPerson(coordinator),
      locations: (hsds.locations ?? []).map((location, index) =>
        this.location(location, hsds.id, `${path}/locations/${index}`),
      ),
    };
  }

  private location(hsds: HsdsLocation, organizationId: string, path: string): DirectoryLocation {
    this.unique(hsds.id, path);
    const owner = this.locationOwners.get(hsds.id);
    if (owner && owner !== organizationId) {
      this.problem(
        `${path}/id`,
        `Locatie ${hsds.id} hoort in Ketenkaart bij een andere organisatie.`,
      );
    }
    this.locationOwners.set(hsds.id, organizationId);
    const address = hsds.addresses![0]!;
    return {
      id: hsds.id,
      name: hsds.name ?? null,
      street: address.address_1,
      postcode: address.postal_code.replace(/^(\d{4}) ?([A-Za-z]{2})$/, "$1 $2").toUpperCase(),
      city: address.city,
      latitude: hsds.latitude!,
      longitude: hsds.longitude!,
      gemeenteCode: null,
    };
  }

  service(hsds: HsdsService, path: string): DirectoryOffering {
    this.unique(hsds.id, path);
    const name = `Dienst '${hsds.name}'`;
    const problem = (where: string, message: string) => this.problem(`${path}${where}`, message);
    if (!hsds.organization_id || !this.organizationIds.has(hsds.organization_id)) {
      problem(
        "/organization_id",
        `${name} verwijst naar organisatie '${hsds.organization_id ?? ""}', die niet in het document en niet in Ketenkaart staat.`,
      );
    }
    const { codes, details } = this.classify(hsds.attributes, path);
    const all = <T extends string>(classification: Classification) =>
      (codes.get(classification) ?? []) as T[];
    const modules = all<ServiceModule>("module");
    const phases = all<Phase>("phase");
    const paletteLevels = all<PaletteLevel>("palette_level");
    const isNazorg = phases.includes(Phase.NAZORG);
    // What the API's own rules check (phases, channels, a place on the palette for nazorg, …)
    // is checked by hsds.validation.ts, with the API's code; these are HSDS's own shapes.
    const rules: Array<[boolean, string]> = [
      [modules.length !== 1, `${name} heeft precies één dienstverleningsmodule nodig.`],
      [
        paletteLevels.length > 1,
        `${name} heeft meer dan één plek op het palet van nazorg; het kan er maar één hebben.`,
      ],
      [
        !isNazorg && paletteLevels.length > 0,
        `${name} is geen nazorg en hoort niet op het palet van nazorg.`,
      ],
    ];
    for (const [broken, message] of rules) if (broken) problem("/attributes", message);
    const owner = this.known.offeringOwners.get(hsds.id);
    if (owner && hsds.organization_id && owner !== hsds.organization_id) {
      problem(
        "/organization_id",
        `${name} hoort in Ketenkaart bij een andere organisatie; een import zet aanbod niet over naar een andere organisatie.`,
      );
    }
    const documents = details.get("DOCUMENTPLICHT");
    if (documents !== undefined && documents !== "ja" && documents !== "nee") {
      problem("/attributes", `${name}: documentplicht is 'ja' of 'nee', niet '${documents}'.`);
    }
    if (hsds.assured_date! > this.today) {
      problem(
        "/assured_date",
        `${name} is gecontroleerd op ${hsds.assured_date}: die datum ligt in de toekomst.`,
      );
    }
    const capacity = this.capacity(hsds, name, problem);
    const locationIds = (hsds.service_at_locations ?? []).map((link, index) => {
      const locationId = link.location_id ?? "";
      if (this.locationOwners.get(locationId) !== hsds.organization_id) {
        problem(
          `/service_at_locations/${index}/location_id`,
          `${name} verwijst naar locatie '${locationId}', die geen locatie van de eigen organisatie is.`,
        );
      }
      return locationId;
    });
    const gemeenteCodes = (hsds.service_areas ?? []).map((area, index) => {
      const code = `GM${gemeenteUriPattern.exec(area.uri ?? "")?.[1] ?? ""}`;
      if (!this.known.gemeenteCodes.has(code)) {
        problem(
          `/service_areas/${index}/uri`,
          `${name}: het werkgebied '${area.uri ?? ""}' is geen gemeente die Ketenkaart kent.`,
        );
      }
      return code;
    });
    return {
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
      costs:
        hsds.fees_description ??
        (hsds.cost_options?.some((option) => option.amount === 0) ? "Gratis" : null),
      waitingTime: hsds.wait_time ?? null,
      capacity,
      documentsNeeded:
        documents === "ja" || (documents === undefined && !!hsds.required_documents?.length),
      documentsNote: hsds.required_documents?.[0]?.document || null,
      // A Dutch sociale kaart: without languages, an offering is in Dutch.
      languages: hsds.languages?.length
        ? [...new Set(hsds.languages.map((language) => language.code!))]
        : ["nl"],
      locationIds: [...new Set(locationIds)].sort(),
      gemeenteCodes: [...new Set(gemeenteCodes)].sort(),
      contactPerson: contactPerson(hsds.contacts?.[0]),
      status: statusFromHsds[hsds.status],
      lastVerifiedAt: startOfDutchDay(hsds.assured_date!),
    };
  }

  private capacity(
    hsds: HsdsService,
    name: string,
    problem: (where: string, message: string) => void,
  ): DirectoryOffering["capacity"] {
    const [capacity, ...more] = hsds.capacities ?? [];
    if (!capacity) return null;
    if (more.length > 0) {
      problem("/capacities", `${name} heeft meer dan één capaciteit; Ketenkaart kent er één.`);
    }
    const updatedAt = new Date(capacity.updated);
    if (updatedAt.getTime() > Date.now() + 60_000) {
      problem("/capacities/0/updated", `${name}: de capaciteit is bijgewerkt in de toekomst.`);
    }
    return { available: capacity.available, total: capacity.maximum ?? null, updatedAt };
  }

  /** The Ketenkaart codes and details an object's attributes link it to. */
  private classify(attributes: HsdsAttribute[] | undefined, path: string) {
    const codes = new Map<Classification, string[]>();
    const details = new Map<string, string>();
    (attributes ?? []).forEach((attribute, index) => {
      const where = `${path}/attributes/${index}/taxonomy_term_id`;
      if (attribute.taxonomy_term)
        this.terms.set(attribute.taxonomy_term.id, attribute.taxonomy_term);
      const term = this.terms.get(attribute.taxonomy_term_id ?? "");
      if (!term) {
        this.problem(
          where,
          `Onbekende taxonomieterm '${attribute.taxonomy_term_id ?? ""}': die staat niet in 'taxonomy_terms'.`,
        );
        return;
      }
      // Terms of other publishers' taxonomies are theirs to use; Ketenkaart leaves them.
      const classification = classificationByTaxonomyId.get(term.taxonomy_id ?? "");
      if (!classification) return;
      const code = term.code ?? "";
      if (!this.isKnownCode(classification, code)) {
        const taxonomy =
          classification === "gemeente" ? gemeenteTaxonomy : classifications[classification];
        this.problem(where, `Onbekende term '${code}' in de taxonomie '${taxonomy.name}'.`);
      } else if (classification === "detail") {
        details.set(code, attribute.value ?? "");
      } else {
        codes.set(classification, [...(codes.get(classification) ?? []), code]);
      }
    });
    return { codes, details };
  }

  private isKnownCode(classification: Classification, code: string): boolean {
    if (classification === "gemeente") return this.known.gemeenteCodes.has(code);
    if (classification === "detail") return code in classifications.detail.labels;
    return enumValues[classification].has(code);
  }

  private unique(id: string, path: string) {
    const earlier = this.seenIds.get(id);
    if (earlier)
      this.problem(`${path}/id`, `Het id ${id} komt twee keer voor (ook bij ${earlier}).`);
    else this.seenIds.set(id, path);
  }

  private problem(path: string, message: string) {
    this.problems.push({ path, message });
  }
}

function contactPerson(contact: HsdsContact | undefined): ContactPerson | null {
  return contact?.name
    ? {
        name: contact.name,
        phone: contact.phones?.[0]?.number ?? null,
        email: contact.email ?? null,
      }
    : null;
}
