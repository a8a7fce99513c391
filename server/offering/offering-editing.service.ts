import { queryByIds } from "../db/queryable.js";
import type { DataSource, EntityManager } from "typeorm";
import type { Viewer } from "../security/viewer.js";
import { NotFoundError, UserInputError } from "../common/errors.js";
import { isUuid } from "../common/ids.js";
import { assertAllowed, mayEditOfferingsOf } from "../organization/organization.policy.js";
import { OfferingStatus, Phase } from "../taxonomy/taxonomy.js";
import type { OfferingInput } from "./offering.inputs.js";
import { offeringRuleProblems } from "./offering.rules.js";
import { insertOffering, type OfferingFields, updateOffering } from "./offering.service.js";
import { inTransaction } from "../common/transaction.js";

/**
 * Partners keep their own offerings actual: create, edit, pause, end and mark as checked.
 * Each operation checks the policy, validates what the database cannot say in Dutch, and runs
 * in one transaction.
 */
export async function createOffering(
  db: DataSource,
  viewer: Viewer,
  input: OfferingInput,
  organizationId = viewer.organizationId,
): Promise<string> {
  assertAllowed(mayEditOfferingsOf(viewer, organizationId));
  return inTransaction(db, async (manager) => {
    const fields = await checkedFields(manager, organizationId, input);
    return insertOffering(manager, {
      ...fields,
      organizationId,
      status: OfferingStatus.ACTIVE,
      lastVerifiedAt: new Date(),
    });
  });
}

export async function editOffering(
  db: DataSource,
  viewer: Viewer,
  id: string,
  input: OfferingInput,
): Promise<void> {
  await inTransaction(db, async (manager) => {
    const organizationId = await lockOwnedOffering(manager, viewer, id);
    await updateOffering(manager, id, await checkedFields(manager, organizationId, input));
  });
}

export async function setOfferingStatus(
  db: DataSource,
  viewer: Viewer,
  id: string,
  status: OfferingStatus,
): Promise<void> {
  await inTransaction(db, async (manager) => {
    await lockOwnedOffering(manager, viewer, id);
    await manager.query("UPDATE offering SET status = $2, updated_at = now() WHERE id = $1", [
      id,
      status,
    ]);
  });
}

/** "Gegevens gecontroleerd": the partner confirms the entry is still right. */
export async function markOfferingVerified(
  db: DataSource,
  viewer: Viewer,
  id: string,
): Promise<void> {
  await inTransaction(db, async (manager) => {
    await lockOwnedOffering(manager, viewer, id);
    await manager.query("UPDATE offering SET last_verified_at = now() WHERE id = $1", [id]);
  });
}

/** The owning organisation of an offering the viewer may edit, locked for this transaction. */
async function lockOwnedOffering(
  manager: EntityManager,
  viewer: Viewer,
  id: string,
): Promise<string> {
  const rows = await queryByIds<{
    organization_id: string;
  }>(manager, "SELECT organization_id FROM offering WHERE id = $1 FOR UPDATE", [id]);
  if (rows.length === 0) throw new NotFoundError("Dit aanbod bestaat niet (meer).");
  assertAllowed(mayEditOfferingsOf(viewer, rows[0]!.organization_id));
  return rows[0]!.organization_id;
}

async function checkedFields(
  manager: EntityManager,
  organizationId: string,
  input: OfferingInput,
): Promise<OfferingFields> {
  const [broken] = offeringRuleProblems(input);
  if (broken) throw new UserInputError(broken.message, broken.field);
  const ownLocations = (await manager.query(
    "SELECT id FROM location WHERE organization_id = $1 AND id = ANY ($2::uuid[])",
    [organizationId, input.locationIds.filter(isUuid)],
  )) as Array<{ id: string }>;
  if (ownLocations.length !== new Set(input.locationIds).size) {
    throw new UserInputError("Kies alleen locaties van uw eigen organisatie.", "locationIds");
  }
  const knownGemeenten = (await manager.query("SELECT code FROM gemeente WHERE code = ANY ($1)", [
    input.gemeenten,
  ])) as Array<{ code: string }>;
  if (knownGemeenten.length !== new Set(input.gemeenten).size) {
    throw new UserInputError("Een van de gekozen gemeenten kennen we niet.", "gemeenten");
  }
  return {
    ...input,
    // Only nazorg has a place on the palette.
    paletteLevel: input.phases.includes(Phase.NAZORG) ? (input.paletteLevel ?? null) : null,
    capacity: input.capacity
      ? {
          available: input.capacity.available,
          total: input.capacity.total ?? null,
          updatedAt: new Date(),
        }
      : null,
    gemeenteCodes: [...new Set(input.gemeenten)],
    locationIds: [...new Set(input.locationIds)],
    contactPerson: input.contactPerson ? { ...input.contactPerson } : null,
  };
}
