import { randomUUID } from "node:crypto";
import type { Queryable } from "../db/queryable.js";
import type { ContactPerson } from "../organization/contact.types.js";
import type {
  Channel,
  DeliveredBy,
  LifeDomain,
  OfferingStatus,
  PaletteLevel,
  Phase,
  ServiceModule,
  TargetGroup,
} from "../taxonomy/taxonomy.js";

/** Everything a partner describes about an offering. */
export interface OfferingFields {
  title: string;
  description: string;
  module: ServiceModule;
  phases: Phase[];
  paletteLevel: PaletteLevel | null;
  lifeDomains: LifeDomain[];
  targetGroups: TargetGroup[];
  channels: Channel[];
  deliveredBy: DeliveredBy[];
  frequency?: string | null;
  duration?: string | null;
  costs?: string | null;
  waitingTime?: string | null;
  capacity?: { available: number; total: number | null; updatedAt: Date } | null;
  documentsNeeded: boolean;
  documentsNote?: string | null;
  languages: string[];
  locationIds: string[];
  /** Gemeenten covered besides those of the locations. */
  gemeenteCodes: string[];
  contactPerson?: ContactPerson | null;
}

export interface NewOffering extends OfferingFields {
  /** Given when the offering comes from elsewhere with its own id (an HSDS import). */
  id?: string;
  organizationId: string;
  status: OfferingStatus;
  lastVerifiedAt: Date;
}

/** Column → value for the described fields, shared by insert and update. */
function columnValues(fields: OfferingFields): Array<[string, unknown]> {
  return [
    ["title", fields.title],
    ["description", fields.description],
    ["module", fields.module],
    ["phases", fields.phases],
    ["palette_level", fields.paletteLevel],
    ["life_domains", fields.lifeDomains],
    ["target_groups", fields.targetGroups],
    ["channels", fields.channels],
    ["delivered_by", fields.deliveredBy],
    ["frequency", fields.frequency ?? null],
    ["duration", fields.duration ?? null],
    ["costs", fields.costs ?? null],
    ["waiting_time", fields.waitingTime ?? null],
    ["capacity_available", fields.capacity?.available ?? null],
    ["capacity_total", fields.capacity?.total ?? null],
    ["capacity_updated_at", fields.capacity?.updatedAt ?? null],
    ["documents_needed", fields.documentsNeeded],
    ["documents_note", fields.documentsNote ?? null],
    ["languages", fields.languages],
    ["contact_person", fields.contactPerson ?? null],
    ["covered_gemeente_codes", fields.gemeenteCodes],
  ];
}

/**
 * Recomputes where offerings can be used: the gemeenten they cover plus those of their
 * locations, so a search by gemeente never misses an offering that has a place there. Called
 * whenever coverage or a location changes.
 */
export async function refreshServedGemeenten(db: Queryable, offeringIds: string[]): Promise<void> {
  if (offeringIds.length === 0) return;
  await db.query(
    `UPDATE offering o
        SET gemeente_codes = ARRAY(
          SELECT DISTINCT code FROM (
            SELECT unnest(o.covered_gemeente_codes) AS code
            UNION SELECT l.gemeente_code FROM offering_location link JOIN location l ON l.id = link.location_id
                   WHERE link.offering_id = o.id AND l.gemeente_code IS NOT NULL
          ) c ORDER BY code)
      WHERE o.id = ANY ($1::uuid[])`,
    [offeringIds],
  );
}

export async function insertOffering(db: Queryable, input: NewOffering): Promise<string> {
  const [id] = await insertOfferings(db, [input]);
  return id!;
}

/**
 * Adds offerings, with their locations and where they can be used, in a few statements however
 * many there are (an HSDS import adds thousands). Returns their ids, in order.
 */
export async function insertOfferings(db: Queryable, offerings: NewOffering[]): Promise<string[]> {
  if (offerings.length === 0) return [];
  const rows = offerings.map((offering) => ({
    ...Object.fromEntries(columnValues(offering)),
    organization_id: offering.organizationId,
    status: offering.status,
    last_verified_at: offering.lastVerifiedAt,
    id: offering.id ?? randomUUID(),
  }));
  const columns = Object.keys(rows[0]!);
  await db.query(
    `INSERT INTO offering (${columns.join(", ")})
     SELECT ${columns.map((column) => `r.${column}`).join(", ")}
       FROM jsonb_populate_recordset(NULL::offering, $1::jsonb) AS r`,
    [JSON.stringify(rows)],
  );
  const ids = rows.map((row) => row.id);
  await linkLocations(db, ids, offerings);
  await refreshServedGemeenten(db, ids);
  return ids;
}

/** Replaces what the partner describes; status and verification have their own operations. */
export async function updateOffering(
  db: Queryable,
  id: string,
  fields: OfferingFields,
): Promise<void> {
  await replaceOfferings(db, [{ id, fields }]);
}

/**
 * Replaces what partners describe of offerings, in a few statements however many there are.
 * Saving the description is checking it: an offering is verified as of now, unless a moment of
 * its own is given (an HSDS import carries the day of the last check), and keeps its status
 * unless one is given. Never its organisation.
 */
export async function replaceOfferings(
  db: Queryable,
  offerings: Array<{
    id: string;
    fields: OfferingFields;
    status?: OfferingStatus;
    lastVerifiedAt?: Date;
  }>,
): Promise<void> {
  if (offerings.length === 0) return;
  const rows = offerings.map(({ id, fields, status, lastVerifiedAt }) => ({
    ...Object.fromEntries(columnValues(fields)),
    id,
    status: status ?? null,
    last_verified_at: lastVerifiedAt ?? null,
  }));
  const described = columnValues(offerings[0]!.fields).map(([column]) => column);
  await db.query(
    `UPDATE offering o
        SET ${described.map((column) => `${column} = r.${column}`).join(", ")},
            status = coalesce(r.status, o.status),
            last_verified_at = coalesce(r.last_verified_at, now()),
            updated_at = now()
       FROM jsonb_populate_recordset(NULL::offering, $1::jsonb) AS r
      WHERE o.id = r.id`,
    [JSON.stringify(rows)],
  );
  const ids = offerings.map((offering) => offering.id);
  await db.query("DELETE FROM offering_location WHERE offering_id = ANY ($1::uuid[])", [ids]);
  await linkLocations(
    db,
    ids,
    offerings.map((offering) => offering.fields),
  );
  await refreshServedGemeenten(db, ids);
}

/** Links each offering (by id, in order) to its locations. */
async function linkLocations(db: Queryable, ids: string[], offerings: OfferingFields[]) {
  const links = offerings.flatMap((offering, index) =>
    offering.locationIds.map((locationId) => ({
      offering_id: ids[index],
      location_id: locationId,
    })),
  );
  if (links.length === 0) return;
  await db.query(
    `INSERT INTO offering_location (offering_id, location_id)
     SELECT offering_id, location_id
       FROM jsonb_to_recordset($1::jsonb) AS l(offering_id uuid, location_id uuid)`,
    [JSON.stringify(links)],
  );
}
