import type { Queryable } from "../common/queryable.js";
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
  ];
}

// The gemeenten where an offering can be used always include those of its locations, so a
// search by gemeente never misses an offering that has a place there.
const servedGemeenten = (covered: string, locations: string) => `ARRAY(
  SELECT DISTINCT code FROM (
    SELECT unnest(${covered}::text[]) AS code
    UNION SELECT gemeente_code FROM location WHERE id = ANY (${locations}::uuid[]) AND gemeente_code IS NOT NULL
  ) c ORDER BY code)`;

export async function insertOffering(db: Queryable, input: NewOffering): Promise<string> {
  const columns: Array<[string, unknown]> = [
    ["organization_id", input.organizationId],
    ...columnValues(input),
    ["status", input.status],
    ["last_verified_at", input.lastVerifiedAt],
  ];
  const values = columns.map((_, index) => `$${index + 1}`);
  const [{ id }] = (await db.query(
    `INSERT INTO offering (${columns.map(([column]) => column).join(", ")}, gemeente_codes)
     VALUES (${values.join(", ")}, ${servedGemeenten(`$${columns.length + 1}`, `$${columns.length + 2}`)})
     RETURNING id`,
    [...columns.map(([, value]) => value), input.gemeenteCodes, input.locationIds],
  )) as [{ id: string }];
  await linkLocations(db, id, input.locationIds);
  return id;
}

/** Replaces what the partner describes; status and verification have their own operations. */
export async function updateOffering(
  db: Queryable,
  id: string,
  fields: OfferingFields,
): Promise<void> {
  const columns = columnValues(fields);
  await db.query(
    `UPDATE offering
        SET ${columns.map(([column], index) => `${column} = $${index + 2}`).join(", ")},
            gemeente_codes = ${servedGemeenten(`$${columns.length + 2}`, `$${columns.length + 3}`)},
            updated_at = now(),
            -- Saving the description is checking it: the entry is verified as of now.
            last_verified_at = now()
      WHERE id = $1`,
    [id, ...columns.map(([, value]) => value), fields.gemeenteCodes, fields.locationIds],
  );
  await db.query("DELETE FROM offering_location WHERE offering_id = $1", [id]);
  await linkLocations(db, id, fields.locationIds);
}

async function linkLocations(db: Queryable, offeringId: string, locationIds: string[]) {
  if (locationIds.length === 0) return;
  await db.query(
    `INSERT INTO offering_location (offering_id, location_id) SELECT $1, unnest($2::uuid[])`,
    [offeringId, locationIds],
  );
}
