import { LRUCache } from "lru-cache";
import type { DataSource } from "typeorm";
import type { Queryable } from "../db/queryable.js";
import {
  insertOfferings,
  refreshServedGemeenten,
  replaceOfferings,
} from "../offering/offering.service.js";
import {
  insertLocations,
  insertOrganizations,
  updateLocationRows,
  updateOrganizationRows,
} from "../organization/organization.service.js";
import { dutchDate, toHsds } from "./hsds.mapper.js";
import { checkHsdsDocument } from "./hsds.schema.js";
import { directoryProblems } from "./hsds.validation.js";
import type {
  Directory,
  DirectoryLocation,
  DirectoryOffering,
  DirectoryOrganization,
  HsdsDocument,
  Problem,
} from "./hsds.types.js";
import { inTransaction } from "../common/transaction.js";
import { fromHsds } from "./hsds-import.mapper.js";

// ── Export ───────────────────────────────────────────────────────────────────────────────────

/**
 * The directory as HSDS: every organisation with its locations and offerings, or one
 * organisation. Only what the public sociale kaart shows; no client data is read here.
 */
export async function exportHsds(db: Queryable, organizationId?: string): Promise<HsdsDocument> {
  const directory = await readDirectory(db, organizationId ? [organizationId] : null);
  const gemeenten = (await db.query("SELECT code, name FROM gemeente")) as Array<{
    code: string;
    name: string;
  }>;
  const regions = (await db.query("SELECT name FROM region ORDER BY code")) as Array<{
    name: string;
  }>;
  const title =
    organizationId && directory.organizations[0]
      ? `Sociale kaart: ${directory.organizations[0].name}`
      : directoryTitle(regions.map((region) => region.name));
  return toHsds(directory, new Map(gemeenten.map((g) => [g.code, g.name])), title);
}

// The HSDS title holds at most 300 characters: a platform for many regions says how many.
const titleLength = 300;

function directoryTitle(regionNames: string[]): string {
  const listed = `Sociale kaart ${regionNames.join(", ")}`.trim();
  return listed.length <= titleLength ? listed : `Sociale kaart van ${regionNames.length} regio's`;
}

/** Organisations (all, or these ids) with their locations and offerings, in a stable order. */
async function readDirectory(db: Queryable, organizationIds: string[] | null): Promise<Directory> {
  const organizationRows = (await db.query(
    `SELECT id, name, kind, description, gemeente_codes, contact_phone, contact_email,
            contact_address, opening_hours, walk_in_hours, website, nvvk_member, coordinator
       FROM organization
      WHERE $1::uuid[] IS NULL OR id = ANY ($1::uuid[])
      ORDER BY name, id`,
    [organizationIds],
  )) as Array<Record<string, never>>;
  const ids = organizationRows.map((row) => row.id as string);
  const locationRows = (await db.query(
    `SELECT id, organization_id, name, street, postcode, city, latitude, longitude, gemeente_code
       FROM location WHERE organization_id = ANY ($1::uuid[]) ORDER BY city, street, id`,
    [ids],
  )) as Array<Record<string, never>>;
  const offeringRows = (await db.query(
    `SELECT o.*, ARRAY(SELECT location_id::text FROM offering_location
                        WHERE offering_id = o.id ORDER BY location_id) AS location_ids
       FROM offering o WHERE organization_id = ANY ($1::uuid[]) ORDER BY title, id`,
    [ids],
  )) as Array<Record<string, never>>;

  const organizations = organizationRows.map((row): DirectoryOrganization => ({
    id: row.id,
    name: row.name,
    kind: row.kind,
    description: row.description,
    gemeenteCodes: [...(row.gemeente_codes as string[])].sort(),
    contactPoint: {
      phone: row.contact_phone,
      email: row.contact_email,
      address: row.contact_address,
      openingHours: row.opening_hours,
      walkInHours: row.walk_in_hours,
    },
    website: row.website,
    nvvkMember: row.nvvk_member,
    coordinator: row.coordinator,
    locations: locationRows
      .filter((location) => location.organization_id === row.id)
      .map((location) => ({
        id: location.id,
        name: location.name,
        street: location.street,
        postcode: location.postcode,
        city: location.city,
        latitude: location.latitude,
        longitude: location.longitude,
        gemeenteCode: location.gemeente_code,
      })),
  }));
  const offerings = offeringRows.map((row): DirectoryOffering => ({
    id: row.id,
    organizationId: row.organization_id,
    title: row.title,
    description: row.description,
    module: row.module,
    phases: row.phases,
    paletteLevel: row.palette_level,
    lifeDomains: row.life_domains,
    targetGroups: row.target_groups,
    channels: row.channels,
    deliveredBy: row.delivered_by,
    frequency: row.frequency,
    duration: row.duration,
    costs: row.costs,
    waitingTime: row.waiting_time,
    capacity:
      row.capacity_available === null
        ? null
        : {
            available: row.capacity_available,
            total: row.capacity_total,
            updatedAt: row.capacity_updated_at ?? row.last_verified_at,
          },
    documentsNeeded: row.documents_needed,
    documentsNote: row.documents_note,
    languages: row.languages,
    locationIds: row.location_ids,
    gemeenteCodes: [...(row.covered_gemeente_codes as string[])].sort(),
    contactPerson: row.contact_person,
    status: row.status,
    lastVerifiedAt: row.last_verified_at,
    updatedAt: row.updated_at,
  }));
  return { organizations, offerings };
}

// ── The export, kept per directory version ───────────────────────────────────────────────────

/**
 * The version of the public directory: it changes with every change to a table the export
 * reads, committed with that change (migration 1765500000000).
 */
export async function directoryVersion(db: Queryable): Promise<string> {
  const [{ version }] = (await db.query("SELECT change_count('directory')::text AS version")) as [
    { version: string },
  ];
  return version;
}

/** An export as the JSON bytes to send, and the directory version it shows. */
export interface BuiltExport {
  version: string;
  json: Buffer;
}

// Per data source: tests and the benchmark run more than one database in a process. Bounded by
// size: the whole directory of a region is about a megabyte, one organisation's a few kB.
const builtExports = new WeakMap<DataSource, LRUCache<string, Buffer>>();

/**
 * The HSDS export (of the directory, or of one organisation; null when that does not exist),
 * built once per directory version by each instance and kept only under that version: a pure
 * cache, never state. Building the whole region's export took 0.3 s of CPU, and anonymous
 * callers asking for it again and again slowed every search down; answering from what was
 * built costs a read of the version. The document is read in one snapshot with the version it
 * is kept under, so it is never filed under a version it does not show.
 */
export async function builtHsdsExport(
  db: DataSource,
  version: string,
  organizationId?: string,
): Promise<BuiltExport | null> {
  let kept = builtExports.get(db);
  if (!kept) {
    kept = new LRUCache({ maxSize: 64 * 1024 * 1024, sizeCalculation: (json) => json.length || 1 });
    builtExports.set(db, kept);
  }
  const key = (atVersion: string) => `${atVersion}:${organizationId ?? ""}`;
  const known = kept.get(key(version));
  if (known) return { version, json: known };
  const built = await db.transaction("REPEATABLE READ", async (manager) => ({
    version: await directoryVersion(manager),
    document: await exportHsds(manager, organizationId),
  }));
  if (organizationId && built.document.organizations.length === 0) return null;
  const json = Buffer.from(JSON.stringify(built.document));
  kept.set(key(built.version), json);
  return { version: built.version, json };
}

// ── Import ───────────────────────────────────────────────────────────────────────────────────

/** Objects written by one statement: well within the statement timeout on a busy machine. */
const importBatchSize = 250;

export interface Counts {
  created: number;
  updated: number;
  unchanged: number;
}

export type ImportReport =
  | { imported: true; organizations: Counts; locations: Counts; services: Counts }
  | { imported: false; problems: Problem[] };

/**
 * Where an import stands: checking the document, or writing its organisations, locations and
 * services (`processed` of `total`, inside the transaction: nothing is final before the report).
 */
export type ImportProgress =
  { phase: "checking" } | { phase: "writing"; processed: number; total: number };

/**
 * Reads an HSDS document into the directory: all of it in one transaction, or nothing with a
 * report of every problem. HSDS ids are Ketenkaart ids, so importing an export again updates
 * (or leaves alone) rather than duplicates. Nothing absent from the document is deleted.
 */
export async function importHsds(
  db: DataSource,
  input: unknown,
  onProgress: (progress: ImportProgress) => void = () => {},
): Promise<ImportReport> {
  onProgress({ phase: "checking" });
  const checked = checkHsdsDocument(input);
  if (!checked.document) return { imported: false, problems: checked.problems };
  const document = checked.document;

  return inTransaction(db, async (manager) => {
    // One import at a time: two documents creating the same ids would otherwise collide.
    await manager.query("SELECT pg_advisory_xact_lock(hashtext('ketenkaart-hsds-import'))");
    const read = fromHsds(document, await knownDirectory(manager, document));
    const problems = [...read.problems, ...directoryProblems(read.directory)];
    if (problems.length > 0) return { imported: false, problems };
    const { directory } = read;

    const existing = await readDirectory(
      manager,
      directory.organizations.map((organization) => organization.id),
    );
    const existingOfferings = await readOfferings(
      manager,
      directory.offerings.map((offering) => offering.id),
    );
    const counts = () => ({ created: 0, updated: 0, unchanged: 0 });
    const report = { organizations: counts(), locations: counts(), services: counts() };
    const total =
      directory.organizations.length +
      directory.organizations.reduce((sum, o) => sum + o.locations.length, 0) +
      directory.offerings.length;
    let processed = 0;
    const advance = (count: number) => {
      processed += count;
      onProgress({ phase: "writing", processed, total });
    };
    onProgress({ phase: "writing", processed, total });

    // What to write, compared with what Ketenkaart holds; what is the same counts as done.
    const before = new Map(existing.organizations.map((o) => [o.id, o]));
    const changes = {
      newOrganizations: [] as Array<Omit<DirectoryOrganization, "locations">>,
      changedOrganizations: [] as Array<Omit<DirectoryOrganization, "locations">>,
      newLocations: [] as Array<DirectoryLocation & { organizationId: string }>,
      changedLocations: [] as DirectoryLocation[],
      newOfferings: [] as DirectoryOffering[],
      changedOfferings: [] as Parameters<typeof replaceOfferings>[1],
    };
    for (const organization of directory.organizations) {
      const held = before.get(organization.id);
      const { locations, ...fields } = organization;
      if (!held) changes.newOrganizations.push(fields);
      else if (!sameOrganization(held, organization)) changes.changedOrganizations.push(fields);
      else report.organizations.unchanged++;
      const heldLocations = new Map((held?.locations ?? []).map((l) => [l.id, l]));
      for (const location of locations) {
        // A location of another organisation was refused by fromHsds.
        const previous = heldLocations.get(location.id);
        if (!previous) changes.newLocations.push({ ...location, organizationId: organization.id });
        else if (!sameLocation(previous, location)) changes.changedLocations.push(location);
        else report.locations.unchanged++;
      }
    }
    for (const offering of directory.offerings) {
      const held = existingOfferings.get(offering.id);
      if (!held) {
        changes.newOfferings.push(offering);
      } else if (!sameOffering(held, offering)) {
        // Never its organisation (fromHsds refused another). A check on the same day keeps its
        // exact moment; HSDS only carries the date.
        changes.changedOfferings.push({
          id: offering.id,
          fields: offering,
          status: offering.status,
          lastVerifiedAt:
            dutchDate(held.lastVerifiedAt) === dutchDate(offering.lastVerifiedAt)
              ? held.lastVerifiedAt
              : offering.lastVerifiedAt,
        });
      } else {
        report.services.unchanged++;
      }
    }
    advance(
      report.organizations.unchanged + report.locations.unchanged + report.services.unchanged,
    );

    // A few statements per batch rather than a few per object: thousands of statements in one
    // transaction each raise the directory's version, and the import slowed down with each one.
    const inBatches = async <T>(items: T[], write: (batch: T[]) => Promise<unknown>) => {
      for (let start = 0; start < items.length; start += importBatchSize) {
        const batch = items.slice(start, start + importBatchSize);
        await write(batch);
        advance(batch.length);
      }
    };
    await inBatches(changes.newOrganizations, (batch) => insertOrganizations(manager, batch));
    await inBatches(changes.changedOrganizations, (batch) =>
      updateOrganizationRows(manager, batch),
    );
    await inBatches(changes.newLocations, (batch) => insertLocations(manager, batch));
    await inBatches(changes.changedLocations, (batch) => updateLocationRows(manager, batch));
    await inBatches(changes.newOfferings, (batch) => insertOfferings(manager, batch));
    await inBatches(changes.changedOfferings, (batch) => replaceOfferings(manager, batch));
    report.organizations.created = changes.newOrganizations.length;
    report.organizations.updated = changes.changedOrganizations.length;
    report.locations.created = changes.newLocations.length;
    report.locations.updated = changes.changedLocations.length;
    report.services.created = changes.newOfferings.length;
    report.services.updated = changes.changedOfferings.length;
    const movedLocations = changes.changedLocations.map((location) => location.id);

    // Moved locations change where the offerings given there can be used.
    const atMovedLocations = (await manager.query(
      `SELECT DISTINCT offering_id FROM offering_location WHERE location_id = ANY ($1::uuid[])`,
      [movedLocations],
    )) as Array<{ offering_id: string }>;
    await refreshServedGemeenten(
      manager,
      atMovedLocations.map((row) => row.offering_id),
    );
    return { imported: true, ...report };
  });
}

async function knownDirectory(db: Queryable, document: HsdsDocument) {
  const serviceOrganizations = document.services.map((service) => service.organization_id);
  const locationIds = [
    ...document.organizations.flatMap((o) => (o.locations ?? []).map((l) => l.id)),
    ...document.services.flatMap((s) => (s.service_at_locations ?? []).map((l) => l.location_id)),
  ];
  // One after the other: a transaction is one connection.
  const gemeenten = (await db.query("SELECT code FROM gemeente")) as Array<{ code: string }>;
  const organizations = (await db.query("SELECT id FROM organization WHERE id = ANY ($1::uuid[])", [
    serviceOrganizations,
  ])) as Array<{ id: string }>;
  const locations = (await db.query(
    "SELECT id, organization_id FROM location WHERE id = ANY ($1::uuid[])",
    [locationIds],
  )) as Array<{ id: string; organization_id: string }>;
  const offerings = (await db.query(
    "SELECT id, organization_id FROM offering WHERE id = ANY ($1::uuid[])",
    [document.services.map((service) => service.id)],
  )) as Array<{ id: string; organization_id: string }>;
  return {
    gemeenteCodes: new Set(gemeenten.map((row) => row.code)),
    organizationIds: new Set(organizations.map((row) => row.id)),
    locationOwners: new Map(locations.map((row) => [row.id, row.organization_id])),
    offeringOwners: new Map(offerings.map((row) => [row.id, row.organization_id])),
  };
}

async function readOfferings(db: Queryable, ids: string[]) {
  const rows = (await db.query(
    "SELECT DISTINCT organization_id FROM offering WHERE id = ANY ($1::uuid[])",
    [ids],
  )) as Array<{ organization_id: string }>;
  const directory = await readDirectory(
    db,
    rows.map((row) => row.organization_id),
  );
  const wanted = new Set(ids);
  return new Map(
    directory.offerings.filter((o) => wanted.has(o.id)).map((offering) => [offering.id, offering]),
  );
}

// What a document says, compared with what Ketenkaart holds: only the fields HSDS carries,
// and the check by its calendar day.

function sameOrganization(a: DirectoryOrganization, b: DirectoryOrganization): boolean {
  const { locations: _a, ...left } = a;
  const { locations: _b, ...right } = b;
  return canonical(left) === canonical(right);
}

function sameLocation(a: DirectoryOrganization["locations"][number], b: typeof a): boolean {
  return canonical({ ...a, gemeenteCode: null }) === canonical({ ...b, gemeenteCode: null });
}

function sameOffering(a: DirectoryOffering, b: DirectoryOffering): boolean {
  const comparable = ({ updatedAt: _updated, lastVerifiedAt, ...rest }: DirectoryOffering) => ({
    ...rest,
    verifiedOn: dutchDate(lastVerifiedAt),
  });
  return canonical(comparable(a)) === canonical(comparable(b));
}

/** JSON with sorted keys and without empty fields, so equal content compares equal. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === "object" && !Array.isArray(inner)
      ? Object.fromEntries(
          Object.entries(inner as Record<string, unknown>)
            // Absent and empty are the same to HSDS.
            .filter(([, v]) => v !== undefined && v !== null)
            .sort(([x], [y]) => String(x).localeCompare(String(y))),
        )
      : inner,
  );
}
