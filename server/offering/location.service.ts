import { queryByIds } from "../db/queryable.js";
import type { DataSource, EntityManager } from "typeorm";
import type { Viewer } from "../security/viewer.js";
import { NotFoundError, UserInputError } from "../common/errors.js";
import { findPostcodeArea } from "../geography/geography.service.js";
import { refreshServedGemeenten } from "./offering.service.js";
import type { LocationInput } from "../organization/location.inputs.js";
import { insertLocation, updateLocationRow } from "../organization/organization.service.js";
import { assertAllowed, mayEditOfferingsOf } from "../organization/organization.policy.js";
import { inTransaction } from "../common/transaction.js";

// Locations belong to an organisation and are where its offerings are given. Whoever may edit
// the organisation's offerings may maintain its locations.

export async function createLocation(
  db: DataSource,
  viewer: Viewer,
  input: LocationInput,
  organizationId = viewer.organizationId,
): Promise<string> {
  assertAllowed(mayEditOfferingsOf(viewer, organizationId));
  return inTransaction(db, async (manager) =>
    insertLocation(manager, organizationId, await withCoordinates(manager, input)),
  );
}

export async function editLocation(
  db: DataSource,
  viewer: Viewer,
  id: string,
  input: LocationInput,
) {
  await inTransaction(db, async (manager) => {
    await lockOwnedLocation(manager, viewer, id);
    const located = await withCoordinates(manager, input);
    await updateLocationRow(manager, id, located);
    // A move to another gemeente changes where its offerings can be used.
    await refreshServedGemeenten(manager, await offeringsAt(manager, id));
  });
}

export async function deleteLocation(db: DataSource, viewer: Viewer, id: string): Promise<void> {
  await inTransaction(db, async (manager) => {
    await lockOwnedLocation(manager, viewer, id);
    const offerings = await offeringsAt(manager, id);
    await manager.query("DELETE FROM location WHERE id = $1", [id]);
    await refreshServedGemeenten(manager, offerings);
  });
}

async function lockOwnedLocation(
  manager: EntityManager,
  viewer: Viewer,
  id: string,
): Promise<void> {
  const rows = await queryByIds<{
    organization_id: string;
  }>(manager, "SELECT organization_id FROM location WHERE id = $1 FOR UPDATE", [id]);
  if (rows.length === 0) throw new NotFoundError("Deze locatie bestaat niet (meer).");
  assertAllowed(mayEditOfferingsOf(viewer, rows[0]!.organization_id));
}

async function offeringsAt(manager: EntityManager, locationId: string): Promise<string[]> {
  const rows = (await manager.query(
    "SELECT offering_id FROM offering_location WHERE location_id = $1",
    [locationId],
  )) as Array<{ offering_id: string }>;
  return rows.map((row) => row.offering_id);
}

/** Without coordinates a location is placed at the middle of its PC4 area. */
async function withCoordinates(manager: EntityManager, input: LocationInput) {
  const hasLatitude = input.latitude != null;
  if (hasLatitude !== (input.longitude != null)) {
    throw new UserInputError(
      "Geef breedte- en lengtegraad allebei, of geen van beide.",
      "latitude",
    );
  }
  const area = await findPostcodeArea(manager, input.postcode, "postcode");
  return {
    ...input,
    latitude: input.latitude ?? area.latitude,
    longitude: input.longitude ?? area.longitude,
  };
}
