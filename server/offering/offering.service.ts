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

export interface NewOffering {
  organizationId: string;
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
  status: OfferingStatus;
  lastVerifiedAt: Date;
}

export async function insertOffering(db: Queryable, input: NewOffering): Promise<string> {
  // The gemeenten where it can be used always include those of its locations, so a search by
  // gemeente never misses an offering that has a place there.
  const [{ id }] = (await db.query(
    `INSERT INTO offering (organization_id, title, description, module, phases, palette_level,
       life_domains, target_groups, channels, delivered_by, frequency, duration, costs,
       waiting_time, capacity_available, capacity_total, capacity_updated_at, documents_needed,
       documents_note, languages, gemeente_codes, contact_person, status, last_verified_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19,
       $20,
       ARRAY(SELECT DISTINCT code FROM (
         SELECT unnest($21::text[]) AS code
         UNION SELECT gemeente_code FROM location WHERE id = ANY($22::uuid[]) AND gemeente_code IS NOT NULL
       ) c ORDER BY code),
       $23, $24, $25)
     RETURNING id`,
    [
      input.organizationId,
      input.title,
      input.description,
      input.module,
      input.phases,
      input.paletteLevel,
      input.lifeDomains,
      input.targetGroups,
      input.channels,
      input.deliveredBy,
      input.frequency ?? null,
      input.duration ?? null,
      input.costs ?? null,
      input.waitingTime ?? null,
      input.capacity?.available ?? null,
      input.capacity?.total ?? null,
      input.capacity?.updatedAt ?? null,
      input.documentsNeeded,
      input.documentsNote ?? null,
      input.languages,
      input.gemeenteCodes,
      input.locationIds,
      input.contactPerson ?? null,
      input.status,
      input.lastVerifiedAt,
    ],
  )) as [{ id: string }];
  if (input.locationIds.length > 0) {
    await db.query(
      `INSERT INTO offering_location (offering_id, location_id) SELECT $1, unnest($2::uuid[])`,
      [id, input.locationIds],
    );
  }
  return id;
}
