import type { DataSource, EntityManager } from "typeorm";
import { logAccess } from "../access-log/access-log.service.js";
import type { Viewer } from "../auth/session.service.js";
import { NotFoundError, UserInputError } from "../common/errors.js";
import { isUuid, queryByIds } from "../common/ids.js";
import type { Queryable } from "../common/queryable.js";
import type { ConsentInput } from "./consent.inputs.js";
import { inTransaction } from "../common/transaction.js";
import { amsterdamToday, amsterdamTodaySql } from "../common/amsterdam-time.js";
import { ChangeKind } from "../live/live-change.js";
import { announceChange } from "../live/live.service.js";

const clientNotFound = () =>
  new NotFoundError("Deze inwoner bestaat niet of u heeft geen toegang.");

/** Client data is for organisations on the team of one of the client's cases. */
export async function isOnClientTeam(
  db: Queryable,
  viewer: Viewer,
  clientId: string,
): Promise<boolean> {
  if (!isUuid(clientId)) return false;
  const rows = (await db.query(
    `SELECT 1 FROM care_case c JOIN case_member m ON m.case_id = c.id
      WHERE c.client_id = $1 AND m.organization_id = $2 LIMIT 1`,
    [clientId, viewer.organizationId],
  )) as unknown[];
  return rows.length > 0;
}

/**
 * The client's consent that now covers sharing with this organisation (not withdrawn, not
 * expired, the organisation among its recipients), or null when there is none.
 */
export async function validConsentFor(
  db: Queryable,
  clientId: string,
  organizationId: string,
): Promise<string | null> {
  if (!isUuid(clientId) || !isUuid(organizationId)) return null;
  const rows = (await db.query(
    `SELECT id FROM consent
      WHERE client_id = $1 AND $2 = ANY (recipient_organization_ids)
        AND withdrawn_at IS NULL AND given_on <= ${amsterdamTodaySql} AND valid_until >= ${amsterdamTodaySql}
      ORDER BY valid_until DESC, id LIMIT 1`,
    [clientId, organizationId],
  )) as Array<{ id: string }>;
  return rows[0]?.id ?? null;
}

/** Records the client's consent as the worker heard or received it. */
export async function recordConsent(
  db: DataSource,
  viewer: Viewer,
  clientId: string,
  input: ConsentInput,
): Promise<string> {
  return inTransaction(db, async (manager) => {
    if (!(await isOnClientTeam(manager, viewer, clientId))) throw clientNotFound();
    if (input.validUntil < input.givenOn) {
      throw new UserInputError(
        "De einddatum ('validUntil') ligt vóór de datum van de toestemming.",
        "validUntil",
      );
    }
    if (input.givenOn > amsterdamToday()) {
      throw new UserInputError(
        "De datum van de toestemming ('givenOn') ligt in de toekomst.",
        "givenOn",
      );
    }
    await assertOrganizationsExist(manager, input.recipientOrganizationIds);
    const [{ id }] = (await manager.query(
      `INSERT INTO consent (client_id, recipient_organization_ids, purpose, data_categories, method, given_on,
         valid_until, recorded_by_user_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        clientId,
        [...new Set(input.recipientOrganizationIds)],
        input.purpose,
        [...new Set(input.dataCategories)],
        input.method,
        input.givenOn,
        input.validUntil,
        viewer.userId,
      ],
    )) as [{ id: string }];
    await logAccess(manager, viewer, "CREATE", { type: "CONSENT", id, clientId }, "CASE_TEAM");
    return id;
  });
}

/** From the moment of withdrawal nothing more is shared on this consent's basis. */
export async function withdrawConsent(
  db: DataSource,
  viewer: Viewer,
  consentId: string,
): Promise<void> {
  await inTransaction(db, async (manager) => {
    const rows = await queryByIds<{
      client_id: string;
      withdrawn_at: Date | null;
      recipient_organization_ids: string[];
    }>(
      manager,
      `SELECT client_id, withdrawn_at, recipient_organization_ids
         FROM consent WHERE id = $1 FOR UPDATE`,
      [consentId],
    );
    const consent = rows[0];
    if (!consent || !(await isOnClientTeam(manager, viewer, consent.client_id))) {
      throw new NotFoundError("Deze toestemming bestaat niet of u heeft geen toegang.");
    }
    if (consent.withdrawn_at) {
      throw new UserInputError("Deze toestemming is al ingetrokken.", "consentId");
    }
    await manager.query(
      "UPDATE consent SET withdrawn_at = now(), withdrawn_by_user_id = $2 WHERE id = $1",
      [consentId, viewer.userId],
    );
    // Referrals resting on this consent leave the recipients' inboxes.
    await announceChange(manager, ChangeKind.REFERRAL, {
      organizationIds: consent.recipient_organization_ids,
    });
    await logAccess(
      manager,
      viewer,
      "UPDATE",
      { type: "CONSENT", id: consentId, clientId: consent.client_id },
      "CASE_TEAM",
    );
  });
}

async function assertOrganizationsExist(manager: EntityManager, ids: string[]): Promise<void> {
  const valid = ids.filter(isUuid);
  const found = (await manager.query("SELECT id FROM organization WHERE id = ANY ($1::uuid[])", [
    valid,
  ])) as unknown[];
  if (valid.length !== ids.length || found.length !== new Set(ids).size) {
    throw new UserInputError(
      "Een van de gekozen organisaties kennen we niet ('recipientOrganizationIds').",
      "recipientOrganizationIds",
    );
  }
}
