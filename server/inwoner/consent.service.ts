import type { DataSource, EntityManager } from "typeorm";
import { logAccess } from "../access-log/access-log.service.js";
import type { Viewer } from "../security/viewer.js";
import { NotFoundError, UserInputError } from "../common/errors.js";
import { isUuid } from "../common/ids.js";
import { type Queryable, queryByIds } from "../db/queryable.js";
import type { ConsentInput } from "./consent.inputs.js";
import { ConsentDataCategory } from "./consent.entity.js";
import { inTransaction } from "../common/transaction.js";
import { amsterdamToday, amsterdamTodaySql } from "../common/amsterdam-time.js";
import { ChangeKind } from "../live/live-change.js";
import { announceChange } from "../live/live.service.js";

const clientNotFound = () =>
  new NotFoundError("Deze inwoner bestaat niet of u heeft geen toegang.");

/**
 * SQL: the consent `consent` (a table alias) is in force today, in Amsterdam: given, not
 * withdrawn and not expired.
 */
export function consentInForceSql(consent: string): string {
  return `(${consent}.withdrawn_at IS NULL AND ${consent}.given_on <= ${amsterdamTodaySql}
           AND ${consent}.valid_until >= ${amsterdamTodaySql})`;
}

/**
 * The data category a consent must cover before a case is shared: the question for help and
 * the handover summary. The case team's work (referrals, zorgoverleg, agreements, nazorg) is
 * about that question; a consent for contact details only shares no case.
 */
export const caseSharingCategory = ConsentDataCategory.HULPVRAAG;

/**
 * SQL: the consent `consent` (a table alias) shares the case with `organization` now: it names
 * the organisation, is in force, and covers the question for help. Row-level security asks the
 * same (`ketenkaart_consent_holds`, migrations/1765300000000-ConsentBoundCaseTeams.ts).
 */
export function consentSharesCaseSql(consent: string, organization: string): string {
  return `(${organization} = ANY (${consent}.recipient_organization_ids) AND ${consentInForceSql(consent)}
           AND '${caseSharingCategory}' = ANY (${consent}.data_categories))`;
}

/**
 * SQL: some consent of the client `client` shares the case with `organization` now. With
 * "registered the client", this is what lets an organisation be on a case team.
 */
export function clientSharesCaseSql(client: string, organization: string): string {
  return `EXISTS (SELECT 1 FROM consent shared
                   WHERE shared.client_id = ${client} AND ${consentSharesCaseSql("shared", organization)})`;
}

/**
 * Client data is for organisations on the team of one of the client's cases that may still see
 * it: the organisation that registered the client, or one a consent shares the case with.
 */
export async function isOnClientTeam(
  db: Queryable,
  viewer: Viewer,
  clientId: string,
): Promise<boolean> {
  if (!isUuid(clientId)) return false;
  const rows = (await db.query(
    `SELECT 1 FROM client cl
      WHERE cl.id = $1
        AND (cl.created_by_organization_id = $2 OR ${clientSharesCaseSql("cl.id", "$2")})
        AND EXISTS (SELECT 1 FROM care_case c JOIN case_member m ON m.case_id = c.id
                     WHERE c.client_id = cl.id AND m.organization_id = $2)`,
    [clientId, viewer.organizationId],
  )) as unknown[];
  return rows.length > 0;
}

/**
 * The client's consent that now shares the case with this organisation (see
 * `consentSharesCaseSql`), the longest valid first, or null when there is none.
 */
export async function consentSharingCaseWith(
  db: Queryable,
  clientId: string,
  organizationId: string,
): Promise<string | null> {
  if (!isUuid(clientId) || !isUuid(organizationId)) return null;
  const rows = (await db.query(
    `SELECT id FROM consent k
      WHERE k.client_id = $1 AND ${consentSharesCaseSql("k", "$2::uuid")}
      ORDER BY k.valid_until DESC, k.id LIMIT 1`,
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
      throw new UserInputError("De einddatum ligt vóór de datum van de toestemming.", "validUntil");
    }
    if (input.givenOn > amsterdamToday()) {
      throw new UserInputError("De datum van de toestemming ligt in de toekomst.", "givenOn");
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
      "Een van de gekozen organisaties kennen we niet.",
      "recipientOrganizationIds",
    );
  }
}
