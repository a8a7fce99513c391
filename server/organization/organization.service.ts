import type { Queryable } from "../common/queryable.js";
import type { OrganizationKind } from "../taxonomy/taxonomy.js";
import type { ContactPerson } from "./contact.types.js";
import { parsePostcode } from "../geography/postcode.js";

export interface NewOrganization {
  name: string;
  kind: OrganizationKind;
  description?: string | null;
  gemeenteCodes: string[];
  contactPoint: {
    phone?: string | null;
    email?: string | null;
    address?: string | null;
    openingHours?: string | null;
    walkInHours?: string | null;
  };
  website?: string | null;
  nvvkMember: boolean;
  coordinator?: ContactPerson | null;
}

export async function insertOrganization(db: Queryable, input: NewOrganization): Promise<string> {
  const [{ id }] = (await db.query(
    `INSERT INTO organization (name, kind, description, gemeente_codes, contact_phone, contact_email,
       contact_address, opening_hours, walk_in_hours, website, nvvk_member, coordinator)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
    [
      input.name,
      input.kind,
      input.description ?? null,
      input.gemeenteCodes,
      input.contactPoint.phone ?? null,
      input.contactPoint.email ?? null,
      input.contactPoint.address ?? null,
      input.contactPoint.openingHours ?? null,
      input.contactPoint.walkInHours ?? null,
      input.website ?? null,
      input.nvvkMember,
      input.coordinator ?? null,
    ],
  )) as [{ id: string }];
  return id;
}

export interface NewLocation {
  name?: string | null;
  street: string;
  postcode: string;
  city: string;
  latitude: number;
  longitude: number;
}

/** Adds a location; its gemeente follows from the PC4 area of its postcode. */
export async function insertLocation(
  db: Queryable,
  organizationId: string,
  input: NewLocation,
): Promise<string> {
  const postcode = parsePostcode(input.postcode, "postcode");
  const [{ id }] = (await db.query(
    `INSERT INTO location (organization_id, name, street, postcode, city, latitude, longitude, gemeente_code)
     VALUES ($1, $2, $3, $4, $5, $6, $7, (SELECT gemeente_code FROM postcode_area WHERE code = $8))
     RETURNING id`,
    [
      organizationId,
      input.name ?? null,
      input.street,
      postcode.full ?? input.postcode,
      input.city,
      input.latitude,
      input.longitude,
      postcode.pc4,
    ],
  )) as [{ id: string }];
  return id;
}
