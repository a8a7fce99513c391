import { amsterdamDay, daysAgo } from "../support/calendar.js";
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { Role } from "../../server/auth/role.js";
import type { HsdsDocument, HsdsService } from "../../server/hsds/hsds.types.js";
import { DataSource } from "typeorm";
import { checkHsdsDocument } from "../../server/hsds/hsds.schema.js";
import { taxonomyId } from "../../server/hsds/hsds.taxonomies.js";
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
} from "../../server/taxonomy/taxonomy.js";
import { graphql } from "../support/api.js";
import {
  buildLocation,
  buildOffering,
  buildOrganization,
  buildRegion,
  database,
  uniqueWord,
} from "../support/factories.js";
import { demoAccounts, demoPassword } from "../support/demo.js";
import { startInstance } from "../support/instance.js";
import { whileUnchanged } from "../support/unchanged.js";
import { loggedInUser, sessionHeaders } from "../support/session.js";

interface Report {
  imported: boolean;
  organizations?: Counts;
  locations?: Counts;
  services?: Counts;
  problems?: Array<{ path: string; message: string }>;
  error?: { code: string };
}
interface Counts {
  created: number;
  updated: number;
  unchanged: number;
}

async function exportDocument(
  organizationId?: string,
  baseUrl = inject("baseUrl"),
): Promise<HsdsDocument> {
  const query = organizationId ? `?organisatie=${organizationId}` : "";
  const response = await fetch(`${baseUrl}/open-referral/hsds.json${query}`);
  expect(response.status).toBe(200);
  return (await response.json()) as HsdsDocument;
}

let regionAdministrator: Record<string, string>;

async function importDocument(
  document: unknown,
  headers = regionAdministrator,
  baseUrl = inject("baseUrl"),
): Promise<{ status: number; report: Report }> {
  const response = await fetch(`${baseUrl}/open-referral/import`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof document === "string" ? document : JSON.stringify(document),
  });
  return { status: response.status, report: (await response.json()) as Report };
}

/** How many organisations, locations, offerings and links a whole database holds. */
async function rowCounts(db: DataSource) {
  const [counts] = (await db.query(
    `SELECT (SELECT count(*)::int FROM organization) AS organizations,
            (SELECT count(*)::int FROM location) AS locations,
            (SELECT count(*)::int FROM offering) AS offerings,
            (SELECT count(*)::int FROM offering_location) AS links`,
  )) as [Record<string, number>];
  return counts;
}

/**
 * Everything stored of what a document names now (its organisations with their locations and
 * offerings, its services and their links), row by row, read again at each call: unchanged when
 * an import wrote nothing, whatever other test files write meanwhile.
 */
function storedRows(document: { organizations: Array<{ id: string }>; services?: unknown }) {
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
  const organizations = document.organizations.map((o) => o.id).filter((id) => uuid.test(id));
  const services = (Array.isArray(document.services) ? (document.services as HsdsService[]) : [])
    .map((service) => service.id)
    .filter((id) => uuid.test(id));
  return async () => {
    const [rows] = (await (
      await database()
    ).query(
      `SELECT (SELECT array_agg(o::text ORDER BY o.id) FROM organization o WHERE o.id = ANY($1::uuid[])) AS organizations,
              (SELECT array_agg(l::text ORDER BY l.id) FROM location l WHERE l.organization_id = ANY($1::uuid[])) AS locations,
              (SELECT array_agg(f::text ORDER BY f.id) FROM offering f
                WHERE f.id = ANY($2::uuid[]) OR f.organization_id = ANY($1::uuid[])) AS offerings,
              (SELECT array_agg(ol::text ORDER BY ol::text) FROM offering_location ol
                WHERE ol.offering_id = ANY($2::uuid[])) AS links`,
      [organizations, services],
    )) as [Record<string, string[] | null>];
    return rows;
  };
}

/** Everything the sociale kaart shows of an organisation, through the public API. */
async function organizationAsShown(id: string) {
  const result = await graphql<{ organization: Record<string, unknown> | null }>(
    `
      query ($id: ID!) {
        organization(id: $id) {
          id
          name
          kind
          description
          website
          nvvkMember
          contactPoint {
            phone
            email
            address
            openingHours
            walkInHours
          }
          coordinator {
            name
            phone
            email
          }
          gemeenten {
            code
          }
          locations {
            id
            name
            street
            postcode
            city
            latitude
            longitude
            gemeente {
              code
            }
          }
          offerings {
            id
            title
            description
            module
            phases
            paletteLevel
            lifeDomains
            targetGroups
            channels
            deliveredBy
            frequency
            duration
            costs
            waitingTime
            documentsNeeded
            documentsNote
            languages
            status
            lastVerifiedAt
            isStale
            capacity {
              available
              total
              updatedAt
            }
            contactPerson {
              name
              phone
              email
            }
            locations {
              id
            }
            gemeenten {
              code
            }
            coveredGemeenten {
              code
            }
          }
        }
      }
    `,
    { id },
  );
  return result.data!.organization;
}

/** A partner with every field filled in, as a fresh organisation of this test. */
async function buildFullOrganization() {
  const verifiedAt = daysAgo(200);
  const organizationId = await buildOrganization({
    name: `Schuldhulpmaatje ${uniqueWord()}`,
    kind: OrganizationKind.VRIJWILLIGERSORGANISATIE,
    description: "Vrijwilligers die inwoners helpen hun administratie op orde te houden.",
    gemeenteCodes: ["GM0202", "GM0274"],
    contactPoint: {
      phone: "026 555 12 34",
      email: "info@maatje.example",
      address: "Kerkplein 4, 6811 AA Arnhem",
      openingHours: "Maandag tot en met donderdag 9.00 tot 12.00 uur",
      walkInHours: "Woensdag 13.00 tot 15.00 uur",
    },
    website: "https://www.maatje.example/arnhem",
    nvvkMember: true,
    coordinator: { name: "Joke Hendriks", phone: "06 12 34 56 78", email: "joke@maatje.example" },
  });
  const centre = await buildLocation(organizationId, {
    name: "Buurthuis De Wijk",
    street: "Wijkstraat 12",
    postcode: "6821 AB",
    city: "Arnhem",
    latitude: 51.9851,
    longitude: 5.9226,
  });
  const renkum = await buildLocation(organizationId, {
    name: null,
    street: "Dorpsstraat 3",
    postcode: "6871 AB",
    city: "Renkum",
    latitude: 51.9768,
    longitude: 5.7331,
  });
  const nazorg = await buildOffering({
    organizationId,
    title: `Waakvlam ${uniqueWord()}`,
    description: "Elke twee maanden belt een vrijwilliger om te horen hoe het gaat.",
    module: ServiceModule.WAAKVLAM_NAZORG,
    phases: [Phase.ONTWIKKELING, Phase.NAZORG],
    paletteLevel: PaletteLevel.A7,
    lifeDomains: [LifeDomain.FINANCIEN, LifeDomain.SOCIALE_CONTACTEN],
    targetGroups: [TargetGroup.OUDEREN, TargetGroup.ANDERSTALIGEN],
    channels: [Channel.TELEFOON, Channel.HUISBEZOEK],
    deliveredBy: [DeliveredBy.VRIJWILLIGER, DeliveredBy.ERVARINGSDESKUNDIGE],
    frequency: "Elke twee maanden",
    duration: "Twaalf maanden na de schuldregeling",
    costs: "Gratis",
    waitingTime: "Binnen twee weken",
    capacity: { available: 3, total: 12, updatedAt: new Date("2026-01-15T10:30:45.123Z") },
    documentsNeeded: true,
    documentsNote: "Neem uw laatste loonstrook mee.",
    languages: ["nl", "ar", "tr"],
    locationIds: [centre, renkum],
    gemeenteCodes: ["GM0202", "GM0226"],
    contactPerson: { name: "Ahmed Bakker", phone: "026 555 99 00", email: "ahmed@maatje.example" },
    status: OfferingStatus.PAUSED,
    lastVerifiedAt: verifiedAt,
  });
  const ended = await buildOffering({
    organizationId,
    title: `Budgetcursus ${uniqueWord()}`,
    description: "Vier avonden over geld, post en regelingen.",
    module: ServiceModule.INFORMATIE_ADVIES,
    phases: [Phase.STABILISATIE],
    paletteLevel: null,
    lifeDomains: [],
    targetGroups: [],
    channels: [Channel.GROEP],
    deliveredBy: [DeliveredBy.BEROEPSKRACHT],
    costs: "€ 10 voor het werkboek",
    documentsNeeded: false,
    languages: ["nl"],
    locationIds: [],
    gemeenteCodes: ["GM0202"],
    status: OfferingStatus.ENDED,
    lastVerifiedAt: daysAgo(20),
  });
  return { organizationId, nazorg, verifiedAt, ended, locations: [centre, renkum] };
}

async function deleteOrganization(id: string) {
  await (await database()).query("DELETE FROM organization WHERE id = $1", [id]);
}

beforeAll(async () => {
  regionAdministrator = (await loggedInUser({ roles: [Role.REGIO_BEHEERDER] })).headers;
});

describe("exporting the directory as Open Referral HSDS", () => {
  it("keeps its title within HSDS's 300 characters however many regions the platform serves", async () => {
    // Sixteen more regions name more than 300 characters together.
    for (let region = 0; region < 16; region++) await buildRegion(1);
    const document = await exportDocument();
    expect(document.title).toMatch(/^Sociale kaart van \d+ regio's$/);
    expect(checkHsdsDocument(document).problems).toEqual([]);
  });

  it("exports the demo region as HSDS that the import schema accepts, with the taxonomies", async () => {
    const document = await exportDocument();
    expect(checkHsdsDocument(document).problems).toEqual([]);
    expect(Object.keys(document).sort()).toEqual([
      "generated_at",
      "hsds_version",
      "organizations",
      "services",
      "taxonomies",
      "taxonomy_terms",
      "title",
    ]);
    expect(document.organizations.length).toBeGreaterThanOrEqual(38);
    expect(document.services.length).toBeGreaterThanOrEqual(161);

    const saneringskrediet = document.services.find(
      (service) => service.name === "Saneringskrediet: uw schulden in één keer afgelost",
    )!;
    const kredietbank = document.organizations.find(
      (organization) => organization.id === saneringskrediet.organization_id,
    )!;
    expect(kredietbank.name).toBe("Kredietbank Rijn en Veluwezoom");
    const termsOf = (attributes: typeof saneringskrediet.attributes) =>
      (attributes ?? []).map((attribute) => {
        const term = document.taxonomy_terms.find((t) => t.id === attribute.taxonomy_term_id)!;
        const taxonomy = document.taxonomies.find((t) => t.id === term.taxonomy_id)!;
        return `${taxonomy.name}: ${term.code}`;
      });
    expect(termsOf(saneringskrediet.attributes)).toContain(
      "Dienstverleningsmodule: BETALINGSREGELING",
    );
    expect(termsOf(kredietbank.attributes)).toContain("Soort ketenpartner: KREDIETBANK");
    // Every Ketenkaart classification is a taxonomy with Dutch labels.
    expect(document.taxonomies.map((taxonomy) => taxonomy.name)).toEqual(
      expect.arrayContaining([
        "Dienstverleningsmodule",
        "Fase",
        "Palet van nazorg",
        "Leefgebied",
        "Doelgroep",
        "Kanaal",
        "Uitgevoerd door",
      ]),
    );
    expect(document.taxonomy_terms).toContainEqual(
      expect.objectContaining({ code: "A7", name: "Waakvlamcontacten door vrijwilligers" }),
    );
  });

  it("exports one organisation with all HSDS can hold of it", async () => {
    const { organizationId, nazorg, verifiedAt } = await buildFullOrganization();
    const document = await exportDocument(organizationId);
    expect(document.organizations.map((organization) => organization.id)).toEqual([organizationId]);
    const service = document.services.find((s) => s.id === nazorg)!;
    expect(service).toMatchObject({
      organization_id: organizationId,
      status: "temporarily closed",
      fees_description: "Gratis",
      wait_time: "Binnen twee weken",
      assured_date: amsterdamDay(verifiedAt),
      languages: [
        expect.objectContaining({ code: "nl", name: "Nederlands" }),
        expect.objectContaining({ code: "ar", name: "Arabisch" }),
        expect.objectContaining({ code: "tr", name: "Turks" }),
      ],
      capacities: [
        expect.objectContaining({
          available: 3,
          maximum: 12,
          updated: "2026-01-15T10:30:45.123Z",
          unit: expect.objectContaining({ name: "Plek" }),
        }),
      ],
      cost_options: [expect.objectContaining({ amount: 0, currency: "EUR" })],
      contacts: [expect.objectContaining({ name: "Ahmed Bakker", email: "ahmed@maatje.example" })],
      service_areas: [
        expect.objectContaining({
          name: "Arnhem",
          uri: "https://identifier.overheid.nl/tooi/id/gemeente/gm0202",
        }),
        expect.objectContaining({ uri: "https://identifier.overheid.nl/tooi/id/gemeente/gm0226" }),
      ],
    });
    expect(service.service_at_locations).toHaveLength(2);
    expect(new Date(service.last_modified!).getTime()).toBeGreaterThan(Date.now() - 600_000);
  });

  it("never contains client data: an organisation with a case exports only its directory data", async () => {
    const worker = await loggedInUser();
    const clientName = `Inwoner ${uniqueWord()}`;
    const opened = await graphql(
      `
        mutation ($input: OpenCaseInput!) {
          openCase(input: $input) {
            id
          }
        }
      `,
      {
        input: {
          client: {
            displayName: clientName,
            birthYear: 1979,
            postcodeArea: "6825",
            contactPreferences: [],
          },
          role: "Casusregie",
        },
      },
      worker.headers,
    );
    expect(opened.errors).toBeUndefined();
    const text = JSON.stringify(await exportDocument(worker.organizationId));
    expect(text).not.toContain(clientName);
    expect(text).not.toContain("1979");
  });

  it("answers 404 for an organisation that does not exist", async () => {
    const response = await fetch(
      `${inject("baseUrl")}/open-referral/hsds.json?organisatie=${randomUUID()}`,
    );
    expect(response.status).toBe(404);
  });
});

describe("keeping the export per directory version", () => {
  /** The export of one organisation as sent: its ETag and its bytes. */
  async function download(
    organizationId: string,
    headers: Record<string, string> = {},
    baseUrl = inject("baseUrl"),
  ) {
    const response = await fetch(
      `${baseUrl}/open-referral/hsds.json?organisatie=${organizationId}`,
      {
        headers,
      },
    );
    return {
      status: response.status,
      etag: response.headers.get("etag"),
      body: await response.text(),
    };
  }
  const directoryVersion = async () => {
    const [{ version }] = (await (
      await database()
    ).query("SELECT change_count('directory')::text AS version")) as [{ version: string }];
    return version;
  };

  it("answers from the export built at the directory's version, and 304 to whoever has it", async () => {
    const { organizationId } = await buildFullOrganization();
    // Other test files change the directory meanwhile: looked at while its version held still.
    const { read: version, look } = await whileUnchanged(directoryVersion, async () => {
      const first = await download(organizationId);
      const second = await download(organizationId);
      const conditional = await download(organizationId, { "if-none-match": first.etag! });
      return { first, second, conditional };
    });
    expect(look.first).toMatchObject({ status: 200, etag: `W/"hsds-${version}"` });
    // The same bytes, to the moment it was generated: built once, answered twice.
    expect(look.second).toEqual(look.first);
    expect(look.conditional).toEqual({ status: 304, etag: look.first.etag, body: "" });
  });

  it("shows every change at once, whichever instance made it and whichever answers", async () => {
    const { organizationId } = await buildFullOrganization();
    const other = await startInstance();
    try {
      const before = await download(organizationId, {}, other.baseUrl);
      expect(before.status).toBe(200);
      // A change the sociale kaart's search does not read: the organisation's phone number,
      // through the lane's own server.
      const beheerder = await loggedInUser({ organizationId, roles: [Role.BEHEERDER] });
      const phone = `026 ${String(Date.now()).slice(-7)}`;
      const changed = await graphql(
        `
          mutation ($id: ID!, $input: OrganizationInput!) {
            updateOrganization(id: $id, input: $input) {
              id
            }
          }
        `,
        {
          id: organizationId,
          input: {
            name: `Schuldhulpmaatje ${uniqueWord()}`,
            gemeenten: ["GM0202"],
            nvvkMember: false,
            contactPoint: { phone },
          },
        },
        beheerder.headers,
      );
      expect(changed.errors).toBeUndefined();

      const after = await download(
        organizationId,
        { "if-none-match": before.etag! },
        other.baseUrl,
      );
      expect(after.status).toBe(200);
      expect(after.etag).not.toBe(before.etag);
      const document = JSON.parse(after.body) as HsdsDocument;
      expect(document.organizations[0]!.phones).toEqual([
        expect.objectContaining({ number: phone }),
      ]);
    } finally {
      await other.stop();
    }
  });

  it("lets changes to the directory go on beside one that is still open, and counts it at its commit", async () => {
    const [first, second] = [await buildOrganization(), await buildOrganization()];
    const rename = `UPDATE organization SET name = name || ' ' WHERE id = $1`;
    const open = (await database()).createQueryRunner();
    const beside = (await database()).createQueryRunner();
    try {
      await open.startTransaction();
      await open.query(rename, [first]);
      const before = await directoryVersion();
      // Waiting for the open change's commit would run into the limit and fail.
      await beside.startTransaction();
      await beside.query("SET LOCAL lock_timeout = '5s'");
      await beside.query(rename, [second]);
      await beside.commitTransaction();
      const besideCommitted = await directoryVersion();
      expect(besideCommitted).not.toBe(before);
      await open.commitTransaction();
      expect(await directoryVersion()).not.toBe(besideCommitted);
    } finally {
      if (open.isTransactionActive) await open.rollbackTransaction();
      if (beside.isTransactionActive) await beside.rollbackTransaction();
      await open.release();
      await beside.release();
    }
  });
});

describe("importing HSDS", () => {
  it("re-imports an export of the whole region without creating or changing anything", async () => {
    // On a database of its own: the whole region, with nobody else writing to it meanwhile.
    const instance = await startInstance({}, { ownDatabase: true });
    const own = new DataSource({ type: "postgres", url: instance.databaseUrl, entities: [] });
    await own.initialize();
    try {
      const administrator = await sessionHeaders(
        demoAccounts.regionalAdministrator,
        demoPassword,
        instance.baseUrl,
      );
      const first = await exportDocument(undefined, instance.baseUrl);
      const before = await rowCounts(own);
      const { status, report } = await importDocument(first, administrator, instance.baseUrl);
      expect(status).toBe(200);
      const expected = (count: number) => ({ created: 0, updated: 0, unchanged: count });
      expect(report).toEqual({
        imported: true,
        organizations: expected(first.organizations.length),
        locations: expected(first.organizations.flatMap((o) => o.locations ?? []).length),
        services: expected(first.services.length),
      });
      expect(await rowCounts(own)).toEqual(before);

      const second = await exportDocument(undefined, instance.baseUrl);
      const withoutTimestamps = ({ generated_at: _generated, ...document }: HsdsDocument) =>
        document;
      expect(withoutTimestamps(second)).toEqual(withoutTimestamps(first));
    } finally {
      await own.destroy();
      await instance.stop();
    }
  });

  it("brings back a deleted organisation exactly: offerings, locations, contact, taxonomy, checks", async () => {
    const { organizationId } = await buildFullOrganization();
    const shown = await organizationAsShown(organizationId);
    const document = await exportDocument(organizationId);
    await deleteOrganization(organizationId);
    expect(await organizationAsShown(organizationId)).toBeNull();

    const { status, report } = await importDocument(document);
    expect(status).toBe(200);
    expect(report).toEqual({
      imported: true,
      organizations: { created: 1, updated: 0, unchanged: 0 },
      locations: { created: 2, updated: 0, unchanged: 0 },
      services: { created: 2, updated: 0, unchanged: 0 },
    });

    // HSDS carries the day of the last check (assured_date), not the moment.
    const verifiedOn = (organization: typeof shown) =>
      (organization!.offerings as Array<Record<string, unknown>>).map((offering) => ({
        ...offering,
        lastVerifiedAt: amsterdamDay(offering.lastVerifiedAt as string),
      }));
    const restored = await organizationAsShown(organizationId);
    expect({ ...restored, offerings: verifiedOn(restored) }).toEqual({
      ...shown,
      offerings: verifiedOn(shown),
    });
    // And a second import of the same document changes nothing.
    const again = await importDocument(document);
    expect(again.report.services).toEqual({ created: 0, updated: 0, unchanged: 2 });
  });

  it("updates what changed in the document, and nothing else", async () => {
    const { organizationId, nazorg } = await buildFullOrganization();
    const document = await exportDocument(organizationId);
    const service = document.services.find((s) => s.id === nazorg)!;
    service.name = `Waakvlam nieuw ${uniqueWord()}`;
    service.capacities![0]!.available = 0;
    const { report } = await importDocument(document);
    expect(report).toMatchObject({
      organizations: { created: 0, updated: 0, unchanged: 1 },
      services: { created: 0, updated: 1, unchanged: 1 },
    });
    const shown = await organizationAsShown(organizationId);
    expect(shown!.offerings).toContainEqual(
      expect.objectContaining({
        id: nazorg,
        title: service.name,
        capacity: expect.objectContaining({ available: 0 }),
      }),
    );
  });

  it("moves a location, and its offerings can be used in the new gemeente", async () => {
    const { organizationId, nazorg, locations } = await buildFullOrganization();
    const document = await exportDocument(organizationId);
    const renkum = document.organizations[0]!.locations!.find((l) => l.id === locations[1])!;
    Object.assign(renkum.addresses![0]!, {
      address_1: "Hoofdstraat 1",
      postal_code: "6881 AA",
      city: "Velp",
    });
    const { report } = await importDocument(document);
    expect(report).toMatchObject({
      locations: { created: 0, updated: 1, unchanged: 1 },
      services: { created: 0, updated: 0, unchanged: 2 },
    });
    const shown = await organizationAsShown(organizationId);
    const offering = (shown!.offerings as Array<{ id: string; gemeenten: unknown }>).find(
      (o) => o.id === nazorg,
    )!;
    expect(offering.gemeenten).toEqual([
      { code: "GM0202" },
      { code: "GM0226" },
      { code: "GM0275" },
    ]);
  });

  it("never deletes: an organisation, location or service the document leaves out stays as it was", async () => {
    const partner = await buildFullOrganization();
    const neighbour = await buildFullOrganization();
    // The partner's own document, without its location in Renkum and its nazorg offering (the
    // one given there), and with one change, so that the import does write.
    const document = await exportDocument(partner.organizationId);
    const organization = document.organizations[0]!;
    organization.locations = organization.locations!.filter((l) => l.id !== partner.locations[1]);
    document.services = document.services.filter((service) => service.id !== partner.nazorg);
    const kept = document.services.find((service) => service.id === partner.ended)!;
    kept.name = `Budgetcursus nieuw ${uniqueWord()}`;

    const shownBefore = await organizationAsShown(partner.organizationId);
    const leftOut = storedRows({
      // The neighbour is not in the document at all; of the partner, its nazorg offering.
      organizations: [{ id: neighbour.organizationId }],
      services: [{ id: neighbour.nazorg }, { id: neighbour.ended }, { id: partner.nazorg }],
    });
    const before = await leftOut();
    // The neighbour with its two locations; its two offerings and the partner's nazorg, each of
    // those nazorg offerings given at two locations.
    expect(Object.values(before).map((rows) => rows?.length)).toEqual([1, 2, 3, 4]);
    const { status, report } = await importDocument(document);
    expect(status).toBe(200);
    expect(report).toEqual({
      imported: true,
      organizations: { created: 0, updated: 0, unchanged: 1 },
      locations: { created: 0, updated: 0, unchanged: 1 },
      services: { created: 0, updated: 1, unchanged: 0 },
    });

    expect(await leftOut()).toEqual(before);
    const shownAfter = await organizationAsShown(partner.organizationId);
    expect(shownAfter!.locations).toEqual(shownBefore!.locations);
    const offerings = (shown: typeof shownAfter) =>
      shown!.offerings as Array<{ id: string; title: string }>;
    expect(offerings(shownAfter).find((o) => o.id === partner.nazorg)).toEqual(
      offerings(shownBefore).find((o) => o.id === partner.nazorg),
    );
    expect(offerings(shownAfter).find((o) => o.id === partner.ended)?.title).toBe(kept.name);
  });

  it("reads fields left empty with null, as other publishers write them, as absent", async () => {
    const { organizationId, ended } = await buildFullOrganization();
    const document = await exportDocument(organizationId);
    const organization = document.organizations[0]! as unknown as Record<string, unknown>;
    organization.website = null;
    organization.contacts = null;
    const service = document.services.find((s) => s.id === ended)! as unknown as Record<
      string,
      unknown
    >;
    service.fees_description = null;
    service.capacities = null;
    const { status, report } = await importDocument(document);
    expect(status).toBe(200);
    expect(report).toMatchObject({ organizations: { updated: 1 }, services: { updated: 1 } });
    const shown = await organizationAsShown(organizationId);
    expect(shown).toMatchObject({ website: null, coordinator: null });
    expect(shown!.offerings).toContainEqual(
      expect.objectContaining({ id: ended, costs: null, capacity: null }),
    );
  });
});

describe("refusing a malformed HSDS document", () => {
  it("names every structural problem with its JSON path, in Dutch, and writes nothing", async () => {
    // With one organisation in order, which an import that is not all or nothing would write.
    const document = {
      taxonomies: [],
      taxonomy_terms: [],
      organizations: [
        { id: "geen-uuid", name: "", website: 12 },
        { id: randomUUID(), name: `Geldig ${uniqueWord()}`, description: "Wel in orde." },
      ],
      services: "geen lijst",
    };
    const stored = storedRows(document);
    const before = await stored();
    expect(before.organizations).toBeNull();
    const { status, report } = await importDocument(document);
    expect(status).toBe(422);
    expect(report.imported).toBe(false);
    expect(report.problems).toEqual(
      expect.arrayContaining([
        { path: "/organizations/0/id", message: "'id' is geen geldige UUID." },
        { path: "/organizations/0/name", message: "'name' mag niet leeg zijn." },
        { path: "/organizations/0/description", message: "Het veld 'description' ontbreekt." },
        { path: "/organizations/0/website", message: "'website' moet tekst zijn." },
        { path: "/services", message: "'services' moet een lijst zijn." },
      ]),
    );
    expect(await stored()).toEqual(before);
  });

  it("refuses a body that is not JSON", async () => {
    const { status, report } = await importDocument("{ dit is geen json");
    expect(status).toBe(400);
    expect(report.problems).toEqual([{ path: "/", message: "Het document is geen geldige JSON." }]);
  });

  it("refuses bad dates", async () => {
    const { organizationId, nazorg, ended } = await buildFullOrganization();
    const document = await exportDocument(organizationId);
    await deleteOrganization(organizationId);
    const stored = storedRows(document);
    const before = await stored();
    document.services.find((s) => s.id === nazorg)!.assured_date = "2026-02-30";
    document.services.find((s) => s.id === ended)!.capacities = [
      {
        id: randomUUID(),
        unit: { id: randomUUID(), name: "Plek" },
        available: 1,
        updated: "gisteren",
      },
    ];
    const { status, report } = await importDocument(document);
    expect(status).toBe(422);
    const index = (id: string) => document.services.findIndex((s) => s.id === id);
    expect(report.problems).toHaveLength(2);
    expect(report.problems).toEqual(
      expect.arrayContaining([
        {
          path: `/services/${index(nazorg)}/assured_date`,
          message: "'assured_date' is geen geldige datum (JJJJ-MM-DD).",
        },
        {
          path: `/services/${index(ended)}/capacities/0/updated`,
          message: "'updated' is geen geldige datum met tijd (ISO 8601).",
        },
      ]),
    );
    expect(await stored()).toEqual(before);
  });

  it("refuses unknown taxonomy terms, missing organisations and future checks, all at once", async () => {
    const { organizationId, nazorg, ended } = await buildFullOrganization();
    const document = await exportDocument(organizationId);
    await deleteOrganization(organizationId);
    const stored = storedRows(document);
    const before = await stored();

    const wizardry = {
      id: randomUUID(),
      code: "TOVENARIJ",
      name: "Tovenarij",
      description: "Geen module",
      taxonomy_id: taxonomyId("module"),
    };
    document.taxonomy_terms.push(wizardry);
    const first = document.services.find((s) => s.id === nazorg)!;
    const second = document.services.find((s) => s.id === ended)!;
    first.attributes![0]!.taxonomy_term_id = wizardry.id;
    const dangling = randomUUID();
    first.attributes![1]!.taxonomy_term_id = dangling;
    first.assured_date = "2999-01-01";
    const nowhere = randomUUID();
    second.organization_id = nowhere;

    const { status, report } = await importDocument(document);
    expect(status).toBe(422);
    const at = (id: string) => `/services/${document.services.findIndex((s) => s.id === id)}`;
    expect(report.problems).toEqual(
      expect.arrayContaining([
        {
          path: `${at(nazorg)}/attributes/0/taxonomy_term_id`,
          message: "Onbekende term 'TOVENARIJ' in de taxonomie 'Dienstverleningsmodule'.",
        },
        {
          path: `${at(nazorg)}/attributes/1/taxonomy_term_id`,
          message: `Onbekende taxonomieterm '${dangling}': die staat niet in 'taxonomy_terms'.`,
        },
        {
          path: `${at(nazorg)}/assured_date`,
          message: `Dienst '${first.name}' is gecontroleerd op 2999-01-01: die datum ligt in de toekomst.`,
        },
        {
          path: `${at(ended)}/organization_id`,
          message: `Dienst '${second.name}' verwijst naar organisatie '${nowhere}', die niet in het document en niet in Ketenkaart staat.`,
        },
      ]),
    );
    // The valid organisation in the same document is not half-imported either.
    expect(await stored()).toEqual(before);
    expect(await organizationAsShown(organizationId)).toBeNull();
  });
});

describe("refusing what breaks the rules of the sociale kaart", () => {
  it("refuses nazorg without a place on the palette, another's location and an unknown gemeente", async () => {
    const { organizationId, nazorg, ended } = await buildFullOrganization();
    const other = await buildOrganization();
    const othersLocation = await buildLocation(other);
    const document = await exportDocument(organizationId);
    const stored = storedRows(document);
    const before = await stored();
    const first = document.services.find((s) => s.id === nazorg)!;
    const paletteTerm = document.taxonomy_terms.find((t) => t.code === "A7")!;
    first.attributes = first.attributes!.filter((a) => a.taxonomy_term_id !== paletteTerm.id);
    first.service_at_locations![0]!.location_id = othersLocation;
    const second = document.services.find((s) => s.id === ended)!;
    second.service_areas = [
      { id: randomUUID(), uri: "https://identifier.overheid.nl/tooi/id/gemeente/gm9999" },
    ];
    second.id = first.id;

    const { status, report } = await importDocument(document);
    expect(status).toBe(422);
    const index = (service: typeof first) => document.services.indexOf(service);
    expect(report.problems).toEqual(
      expect.arrayContaining([
        {
          path: `/services/${index(first)}/attributes`,
          message: `Dienst '${first.name}': Kies bij nazorgaanbod een plek op het palet van nazorg.`,
        },
        {
          path: `/services/${index(first)}/service_at_locations/0/location_id`,
          message: `Dienst '${first.name}' verwijst naar locatie '${othersLocation}', die geen locatie van de eigen organisatie is.`,
        },
        {
          path: `/services/${index(second)}/service_areas/0/uri`,
          message: `Dienst '${second.name}': het werkgebied 'https://identifier.overheid.nl/tooi/id/gemeente/gm9999' is geen gemeente die Ketenkaart kent.`,
        },
        {
          path: `/services/${Math.max(index(first), index(second))}/id`,
          message: `Het id ${first.id} komt twee keer voor (ook bij /services/${Math.min(index(first), index(second))}).`,
        },
      ]),
    );
    expect(await stored()).toEqual(before);
  });
});

describe("the rules of the API, applied to an import", () => {
  it("refuses what a form would refuse, with the API's own messages, at their place in the document", async () => {
    const { organizationId, nazorg, locations } = await buildFullOrganization();
    const document = await exportDocument(organizationId);
    const stored = storedRows(document);
    const before = await stored();
    const organization = document.organizations[0]!;
    organization.website = "javascript:alert(document.cookie)";
    const outside = organization.locations!.findIndex((l) => l.id === locations[0]);
    organization.locations![outside]!.latitude = 48.85;
    const service = document.services.find((s) => s.id === nazorg)!;
    service.description = "Te kort.";
    service.capacities![0]!.available = 20;
    service.contacts![0]!.phones![0]!.number = "026 555 99 00 toestel 1234 of 5678";

    const { status, report } = await importDocument(document);
    expect(status).toBe(422);
    const at = `/services/${document.services.indexOf(service)}`;
    const place =
      organization.locations![outside]!.name ??
      organization.locations![outside]!.addresses![0]!.address_1;
    expect(report.problems).toEqual(
      expect.arrayContaining([
        {
          path: "/organizations/0/website",
          message: `Organisatie '${organization.name}': Vul een volledig webadres in, zoals https://www.voorbeeld.nl.`,
        },
        {
          path: `/organizations/0/locations/${outside}/latitude`,
          message: `Organisatie '${organization.name}', locatie '${place}': De breedtegraad ligt niet in Nederland.`,
        },
        {
          path: `${at}/description`,
          message: `Dienst '${service.name}': Beschrijf het aanbod in minstens 20 tekens.`,
        },
        {
          path: `${at}/capacities/0/available`,
          message: `Dienst '${service.name}': Er kunnen niet meer vrije plekken zijn dan plekken in totaal.`,
        },
        {
          path: `${at}/contacts/0/phones/0/number`,
          message: `Dienst '${service.name}': Het telefoonnummer mag hoogstens 30 tekens lang zijn.`,
        },
      ]),
    );
    expect(await stored()).toEqual(before);

    // The same website through the API: the same words.
    const beheerder = await loggedInUser({ organizationId, roles: [Role.BEHEERDER] });
    const shown = await organizationAsShown(organizationId);
    const refused = await graphql(
      `
        mutation ($id: ID!, $input: OrganizationInput!) {
          updateOrganization(id: $id, input: $input) {
            id
          }
        }
      `,
      {
        id: organizationId,
        input: {
          name: shown!.name,
          gemeenten: ["GM0202"],
          nvvkMember: false,
          contactPoint: {},
          website: organization.website,
        },
      },
      beheerder.headers,
    );
    expect(refused.errors?.[0]?.message).toBe(
      "Vul een volledig webadres in, zoals https://www.voorbeeld.nl.",
    );
  });

  it("never moves another organisation's offering to the organisation of the document", async () => {
    const owner = await buildFullOrganization();
    const other = await buildFullOrganization();
    const document = await exportDocument(other.organizationId);
    const taken = (await exportDocument(owner.organizationId)).services.find(
      (service) => service.id === owner.nazorg,
    )!;
    // The owner's offering, claimed by the other organisation, with its locations dropped.
    document.services.push({
      ...taken,
      organization_id: other.organizationId,
      service_at_locations: [],
    });
    const stored = storedRows({
      organizations: [{ id: owner.organizationId }, { id: other.organizationId }],
    });
    const before = await stored();

    const { status, report } = await importDocument(document);
    expect(status).toBe(422);
    expect(report.problems).toContainEqual({
      path: `/services/${document.services.length - 1}/organization_id`,
      message: `Dienst '${taken.name}' hoort in Ketenkaart bij een andere organisatie; een import zet aanbod niet over naar een andere organisatie.`,
    });
    expect(await stored()).toEqual(before);
  });
});

describe("who may import", () => {
  it("refuses anyone but a regiobeheerder, and a request without a session", async () => {
    const document = await exportDocument();
    for (const roles of [[Role.MEDEWERKER], [Role.BEHEERDER], [Role.COORDINATOR]]) {
      const user = await loggedInUser({ roles });
      const { status, report } = await importDocument(document, user.headers);
      expect(status).toBe(403);
      expect(report.error?.code).toBe("FORBIDDEN");
    }
    const anonymous = await importDocument(document, {});
    expect(anonymous.status).toBe(401);
    expect(anonymous.report.error?.code).toBe("UNAUTHENTICATED");
  });
});
