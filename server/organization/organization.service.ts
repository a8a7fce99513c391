import { randomUUID } from "node:crypto";
import type { DataSource } from "typeorm";
import type { Viewer } from "../security/viewer.js";
import { NotFoundError, UserInputError } from "../common/errors.js";
import { type Queryable, queryByIds } from "../db/queryable.js";
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

/** The details a partner maintains, by column. */
function detailColumns(input: Omit<NewOrganization, "id" | "kind">): Record<string, unknown> {
  return {
    name: input.name,
    description: input.description ?? null,
    gemeente_codes: input.gemeenteCodes,
    contact_phone: input.contactPoint.phone ?? null,
    contact_email: input.contactPoint.email ?? null,
    contact_address: input.contactPoint.address ?? null,
    opening_hours: input.contactPoint.openingHours ?? null,
    walk_in_hours: input.contactPoint.walkInHours ?? null,
    website: input.website ?? null,
    nvvk_member: input.nvvkMember,
    coordinator: input.coordinator ?? null,
  };
}

export async function insertOrganization(db: Queryable, input: NewOrganization): Promise<string> {
  const [id] = await insertOrganizations(db, [input]);
  return id!;
}

/** Adds organisations in one statement however many there are; returns their ids, in order. */
export async function insertOrganizations(
  db: Queryable,
  inputs: NewOrganization[],
): Promise<string[]> {
  if (inputs.length === 0) return [];
  const rows = inputs.map((input) => ({
    ...detailColumns(input),
    kind: input.kind,
    id: input.id ?? randomUUID(),
  }));
  const columns = Object.keys(rows[0]!);
  await db.query(
    `INSERT INTO organization (${columns.join(", ")})
     SELECT ${columns.map((column) => `r.${column}`).join(", ")}
       FROM jsonb_populate_recordset(NULL::organization, $1::jsonb) AS r`,
    [JSON.stringify(rows)],
  );
  return rows.map((row) => row.id);
}

type OrganizationDetails = Omit<NewOrganization, "id" | "kind"> & { kind?: OrganizationKind };

/** Replaces an organisation's own details; its kind only when given. */
export async function updateOrganizationRow(
  db: Queryable,
  id: string,
  input: OrganizationDetails,
): Promise<void> {
  await updateOrganizationRows(db, [{ ...input, id }]);
}

/** Replaces organisations' own details (their kind only when given) in one statement. */
export async function updateOrganizationRows(
  db: Queryable,
  inputs: Array<OrganizationDetails & { id: string }>,
): Promise<void> {
  if (inputs.length === 0) return;
  const rows = inputs.map((input) => ({
    ...detailColumns(input),
    kind: input.kind ?? null,
    id: input.id,
  }));
  const details = Object.keys(detailColumns(inputs[0]!));
  await db.query(
    `UPDATE organization o
        SET ${details.map((column) => `${column} = r.${column}`).join(", ")},
            kind = coalesce(r.kind, o.kind), updated_at = now()
       FROM jsonb_populate_recordset(NULL::organization, $1::jsonb) AS r
      WHERE o.id = r.id`,
    [JSON.stringify(rows)],
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

/** A location's row, with the PC4 area its gemeente follows from. */
function locationRow(id: string, input: Omit<NewLocation, "id">) {
  const postcode = parsePostcode(input.postcode, "postcode");
  return {
    id,
    name: input.name ?? null,
    street: input.street,
    postcode: postcode.full ?? input.postcode,
    city: input.city,
    latitude: input.latitude,
    longitude: input.longitude,
    pc4: postcode.pc4,
  };
}

const locationRecord = `jsonb_to_recordset($1::jsonb) AS r(id uuid, organization_id uuid,
  name text, street text, postcode text, city text, latitude float8, longitude float8, pc4 text)`;

/** Adds a location; its gemeente follows from the PC4 area of its postcode. */
export async function insertLocation(
  db: Queryable,
  organizationId: string,
  input: NewLocation,
): Promise<string> {
  const [id] = await insertLocations(db, [{ ...input, organizationId }]);
  return id!;
}

/** Adds locations in one statement however many there are; returns their ids, in order. */
export async function insertLocations(
  db: Queryable,
  inputs: Array<NewLocation & { organizationId: string }>,
): Promise<string[]> {
  if (inputs.length === 0) return [];
  const rows = inputs.map((input) => ({
    ...locationRow(input.id ?? randomUUID(), input),
    organization_id: input.organizationId,
  }));
  await db.query(
    `INSERT INTO location (id, organization_id, name, street, postcode, city, latitude, longitude, gemeente_code)
     SELECT r.id, r.organization_id, r.name, r.street, r.postcode, r.city, r.latitude, r.longitude,
            (SELECT gemeente_code FROM postcode_area WHERE code = r.pc4)
       FROM ${locationRecord}`,
    [JSON.stringify(rows)],
  );
  return rows.map((row) => row.id);
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
  await updateLocationRows(db, [{ ...input, id }]);
}

/** Replaces where locations are, in one statement (see updateLocationRow). */
export async function updateLocationRows(
  db: Queryable,
  inputs: Array<Omit<NewLocation, "id"> & { id: string }>,
): Promise<void> {
  if (inputs.length === 0) return;
  const rows = inputs.map((input) => locationRow(input.id, input));
  await db.query(
    `UPDATE location l
        SET name = r.name, street = r.street, postcode = r.postcode, city = r.city,
            latitude = r.latitude, longitude = r.longitude,
            gemeente_code = (SELECT gemeente_code FROM postcode_area WHERE code = r.pc4)
       FROM ${locationRecord}
      WHERE l.id = r.id`,
    [JSON.stringify(rows)],
  );
}

/** The region's administrator adds a partner; its own beheerder keeps it actual afterwards. */
export function createOrganization(db: DataSource, input: NewOrganizationInput): Promise<string> {
  return inTransaction(db, (manager) => addOrganization(manager, input));
}

/** Adds a partner within the caller's transaction: onboarding invites its first beheerder too. */
export async function addOrganization(db: Queryable, input: NewOrganizationInput): Promise<string> {
  await assertGemeentenExist(db, input.gemeenten);
  return insertOrganization(db, {
    ...input,
    gemeenteCodes: [...new Set(input.gemeenten)],
    coordinator: input.coordinator ? { ...input.coordinator } : null,
  });
}

async function assertGemeentenExist(db: Queryable, codes: string[]): Promise<void> {
  const known = (await db.query("SELECT code FROM gemeente WHERE code = ANY ($1)", [
    codes,
  ])) as unknown[];
  if (known.length !== new Set(codes).size) {
    throw new UserInputError("Een van de gekozen gemeenten kennen we niet.", "gemeenten");
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
