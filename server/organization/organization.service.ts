import type { DataSource } from "typeorm";
import type { Viewer } from "../auth/session.service.js";
import { NotFoundError, UserInputError } from "../common/errors.js";
import { queryByIds } from "../common/ids.js";
import type { Queryable } from "../common/queryable.js";
import type { NewOrganizationInput, OrganizationInput } from "./organization.inputs.js";
import { assertAllowed, mayEditOrganization } from "./organization.policy.js";
import type { OrganizationKind } from "../taxonomy/taxonomy.js";
import type { ContactPerson } from "./contact.types.js";
import { parsePostcode } from "../geography/postcode.js";
import { inTransaction } from "../common/transaction.js";

export interface NewOrganization {
  /** Given when the organisation comes from elsewhere with its own id (an HSDS import). */
  id?: string;
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

/** The details a partner maintains, in the order the INSERT and UPDATE below name them. */
function detailValues(input: Omit<NewOrganization, "id" | "kind">): unknown[] {
  return [
    input.name,
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
  ];
}

export async function insertOrganization(db: Queryable, input: NewOrganization): Promise<string> {
  const [{ id }] = (await db.query(
    `INSERT INTO organization (name, description, gemeente_codes, contact_phone, contact_email,
       contact_address, opening_hours, walk_in_hours, website, nvvk_member, coordinator, kind, id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, coalesce($13::uuid, gen_random_uuid()))
     RETURNING id`,
    [...detailValues(input), input.kind, input.id ?? null],
  )) as [{ id: string }];
  return id;
}

/** Replaces an organisation's own details; its kind only when given. */
export async function updateOrganizationRow(
  db: Queryable,
  id: string,
  input: Omit<NewOrganization, "id" | "kind"> & { kind?: OrganizationKind },
): Promise<void> {
  await db.query(
    `UPDATE organization
        SET name = $1, description = $2, gemeente_codes = $3, contact_phone = $4, contact_email = $5,
            contact_address = $6, opening_hours = $7, walk_in_hours = $8, website = $9,
            nvvk_member = $10, coordinator = $11, kind = coalesce($12, kind), updated_at = now()
      WHERE id = $13`,
    [...detailValues(input), input.kind ?? null, id],
  );
}

export interface NewLocation {
  /** Given when the location comes from elsewhere with its own id (an HSDS import). */
  id?: string;
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
    `INSERT INTO location (organization_id, name, street, postcode, city, latitude, longitude, gemeente_code, id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, (SELECT gemeente_code FROM postcode_area WHERE code = $8),
             coalesce($9::uuid, gen_random_uuid()))
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
      input.id ?? null,
    ],
  )) as [{ id: string }];
  return id;
}

/**
 * Replaces where a location is; its gemeente follows from the PC4 area. The caller refreshes
 * where the offerings given there can be used.
 */
export async function updateLocationRow(
  db: Queryable,
  id: string,
  input: Omit<NewLocation, "id">,
): Promise<void> {
  const postcode = parsePostcode(input.postcode, "postcode");
  await db.query(
    `UPDATE location SET name = $2, street = $3, postcode = $4, city = $5, latitude = $6, longitude = $7,
            gemeente_code = (SELECT gemeente_code FROM postcode_area WHERE code = $8)
      WHERE id = $1`,
    [
      id,
      input.name ?? null,
      input.street,
      postcode.full ?? input.postcode,
      input.city,
      input.latitude,
      input.longitude,
      postcode.pc4,
    ],
  );
}

/** The region's administrator adds a partner; its own beheerder keeps it actual afterwards. */
export async function createOrganization(
  db: DataSource,
  input: NewOrganizationInput,
): Promise<string> {
  return inTransaction(db, async (manager) => {
    await assertGemeentenExist(manager, input.gemeenten);
    return insertOrganization(manager, {
      ...input,
      gemeenteCodes: [...new Set(input.gemeenten)],
      coordinator: input.coordinator ? { ...input.coordinator } : null,
    });
  });
}

async function assertGemeentenExist(db: Queryable, codes: string[]): Promise<void> {
  const known = (await db.query("SELECT code FROM gemeente WHERE code = ANY ($1)", [
    codes,
  ])) as unknown[];
  if (known.length !== new Set(codes).size) {
    throw new UserInputError(
      "Een van de gekozen gemeenten kennen we niet ('gemeenten').",
      "gemeenten",
    );
  }
}

/** A partner's beheerder (or the region's) keeps the organisation's own details actual. */
export async function updateOrganization(
  db: DataSource,
  viewer: Viewer,
  id: string,
  input: OrganizationInput,
): Promise<void> {
  await inTransaction(db, async (manager) => {
    const exists = await queryByIds<unknown>(
      manager,
      "SELECT 1 FROM organization WHERE id = $1 FOR UPDATE",
      [id],
    );
    if (exists.length === 0) throw new NotFoundError("Deze organisatie bestaat niet (meer).");
    assertAllowed(mayEditOrganization(viewer, id));
    await assertGemeentenExist(manager, input.gemeenten);
    await updateOrganizationRow(manager, id, {
      ...input,
      gemeenteCodes: [...new Set(input.gemeenten)],
      coordinator: input.coordinator ? { ...input.coordinator } : null,
    });
  });
}
