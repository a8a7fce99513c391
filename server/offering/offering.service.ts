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
  const columns: Array<[string, unknown]> = [
    ["organization_id", input.organizationId],
    ...columnValues(input),
    ["status", input.status],
    ["last_verified_at", input.lastVerifiedAt],
    ...(input.id ? [["id", input.id] as [string, unknown]] : []),
  ];
  const [{ id }] = (await db.query(
    `INSERT INTO offering (${columns.map(([column]) => column).join(", ")})
     VALUES (${columns.map((_, index) => `$${index + 1}`).join(", ")})
     RETURNING id`,
    columns.map(([, value]) => value),
  )) as [{ id: string }];
  await linkLocations(db, id, input.locationIds);
  await refreshServedGemeenten(db, [id]);
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
            updated_at = now(),
            -- Saving the description is checking it: the entry is verified as of now.
            last_verified_at = now()
      WHERE id = $1`,
    [id, ...columns.map(([, value]) => value)],
  );
  await db.query("DELETE FROM offering_location WHERE offering_id = $1", [id]);
  await linkLocations(db, id, fields.locationIds);
  await refreshServedGemeenten(db, [id]);
}

async function linkLocations(db: Queryable, offeringId: string, locationIds: string[]) {
  if (locationIds.length === 0) return;
  await db.query(
    `INSERT INTO offering_location (offering_id, location_id) SELECT $1, unnest($2::uuid[])`,
    [offeringId, locationIds],
  );
}
