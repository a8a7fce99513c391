import type { DataSource, EntityManager } from "typeorm";
import { logAccess, selectLogged } from "../access-log/access-log.service.js";
import type { Viewer } from "../security/viewer.js";
import { ConflictError, UserInputError } from "../common/errors.js";
import { isUuid } from "../common/ids.js";
import { queryByIds, returnedRows } from "../db/queryable.js";
import type { CasePhase } from "./case.entity.js";
import type { OpenCaseInput, TransferRegieInput } from "./case.inputs.js";
import {
  assertCaseMember,
  caseNotFound,
  isTeamMemberWithAccess,
  mayJoinTeam,
  teamAccessSql,
} from "./case.policy.js";
import { inTransaction } from "../common/transaction.js";
import { ChangeKind } from "../live/live-change.js";
import { announceChange } from "../live/live.service.js";

const teamBasis = "CASE_TEAM";

/**
 * Opens a case for a new client: the worker's organisation forms the case team and holds regie,
 * with the worker as the named regie holder. Client, case, team and regie are one transaction.
 */
export async function openCase(
  db: DataSource,
  viewer: Viewer,
  input: OpenCaseInput,
): Promise<string> {
  return inTransaction(db, async (manager) => {
    const { client } = input;
    const [{ id: clientId }] = (await manager.query(
      `INSERT INTO client (display_name, birth_year, postcode_area, gemeente_code, contact_preferences,
         language_needs, created_by_organization_id)
       VALUES ($1, $2, $3, (SELECT gemeente_code FROM postcode_area WHERE code = $3), $4, $5, $6)
       RETURNING id`,
      [
        client.displayName,
        client.birthYear ?? null,
        client.postcodeArea ?? null,
        [...new Set(client.contactPreferences)],
        client.languageNeeds ?? null,
        viewer.organizationId,
      ],
    )) as [{ id: string }];
    const [{ id: caseId }] = (await manager.query(
      "INSERT INTO care_case (client_id, phase) VALUES ($1, $2) RETURNING id",
      [clientId, input.phase],
    )) as [{ id: string }];
    await manager.query(
      "INSERT INTO case_member (case_id, organization_id, role) VALUES ($1, $2, $3)",
      [caseId, viewer.organizationId, input.role],
    );
    await manager.query(
      `INSERT INTO regie_assignment (case_id, organization_id, user_id, decided_by_user_id, reason)
       VALUES ($1, $2, $3, $3, 'Casus geopend')`,
      [caseId, viewer.organizationId, viewer.userId],
    );
    await announceChange(manager, ChangeKind.CASE, { caseId });
    await logAccess(
      manager,
      viewer,
      "CREATE",
      { type: "CLIENT", id: clientId, clientId },
      teamBasis,
    );
    await logAccess(manager, viewer, "CREATE", { type: "CASE", id: caseId, clientId }, teamBasis);
    return caseId;
  });
}

/** A case the viewer's organisation is on the team of, logged as read; else null. */
export async function readCase(db: DataSource, viewer: Viewer, caseId: string) {
  if (!isUuid(caseId)) return null;
  const [found] = await readTeamCases(db, viewer, "AND c.id = $2", [caseId]);
  return found ?? null;
}

/** "Mijn casussen": the cases of the viewer's organisation, newest first, each logged as read. */
export function readOwnCases(db: DataSource, viewer: Viewer) {
  return readTeamCases(db, viewer, "ORDER BY c.created_at DESC, c.id LIMIT 500", []);
}

/** These cases, those of the viewer's organisation's teams only, each logged as read. */
export function readTeamCasesById(db: DataSource, viewer: Viewer, caseIds: readonly string[]) {
  return readTeamCases(db, viewer, "AND c.id = ANY ($2::uuid[])", [caseIds.filter(isUuid)]);
}

/**
 * Cases of the viewer's organisation's teams, while it may see them, that `condition` picks
 * ($1 is the organisation), newest first, each logged as read by the same statement.
 */
function readTeamCases(db: DataSource, viewer: Viewer, condition: string, parameters: unknown[]) {
  return selectLogged<{ id: string; clientId: string; phase: CasePhase; createdAt: Date }>(
    db,
    viewer,
    { type: "CASE", clientId: `"clientId"` },
    teamBasis,
    `SELECT c.id, c.client_id AS "clientId", c.phase, c.created_at AS "createdAt"
       FROM care_case c JOIN case_member m ON m.case_id = c.id AND m.organization_id = $1
      WHERE ${teamAccessSql("c.id", "$1::uuid")}
      ${condition}`,
    [viewer.organizationId, ...parameters],
    `"createdAt" DESC, id`,
  );
}

/**
 * Hands regie to another member of the case team (and usually a named worker there). The case
 * row is locked, so concurrent transfers run one after the other and exactly one holder remains.
 */
export async function transferRegie(
  db: DataSource,
  viewer: Viewer,
  input: TransferRegieInput,
): Promise<void> {
  await inTransaction(db, (manager) => transferRegieWithin(manager, viewer, input));
}

/**
 * `transferRegie` inside a transaction the caller already holds, so a regie decision can be one
 * write with whatever decided it (a zorgoverleg). Returns the new assignment's id.
 */
export async function transferRegieWithin(
  manager: EntityManager,
  viewer: Viewer,
  input: TransferRegieInput,
): Promise<string> {
  const locked = await queryByIds<{
    client_id: string;
  }>(manager, "SELECT client_id FROM care_case WHERE id = $1 FOR UPDATE", [input.caseId]);
  if (locked.length === 0) throw caseNotFound();
  await assertCaseMember(manager, viewer, input.caseId);
  if (input.expectedAssignmentId) {
    // Under the case lock: of two workers who saw the same holder, the second is told that
    // regie moved meanwhile instead of silently overruling the first.
    const current = (await manager.query(
      "SELECT id FROM regie_assignment WHERE case_id = $1 AND ended_at IS NULL",
      [input.caseId],
    )) as Array<{ id: string }>;
    if (current[0]?.id !== input.expectedAssignmentId) {
      throw new ConflictError(
        "Iemand anders heeft de regie van deze casus net overgedragen. Bekijk de nieuwe stand en probeer het opnieuw.",
      );
    }
  }

  if (!(await isTeamMemberWithAccess(manager, input.caseId, input.toOrganizationId))) {
    throw new UserInputError(
      "Alleen een organisatie uit het casusteam kan de regie krijgen.",
      "toOrganizationId",
    );
  }
  if (input.toUserId) {
    const worker = await queryByIds<unknown>(
      manager,
      "SELECT 1 FROM app_user WHERE id = $1 AND organization_id = $2 AND disabled_at IS NULL",
      [input.toUserId, input.toOrganizationId],
    );
    if (worker.length === 0) {
      throw new UserInputError("Kies een medewerker van die organisatie.", "toUserId");
    }
  }
  await manager.query(
    "UPDATE regie_assignment SET ended_at = clock_timestamp() WHERE case_id = $1 AND ended_at IS NULL",
    [input.caseId],
  );
  const [{ id }] = (await manager.query(
    `INSERT INTO regie_assignment (case_id, organization_id, user_id, decided_by_user_id, reason, started_at)
     VALUES ($1, $2, $3, $4, $5, clock_timestamp()) RETURNING id`,
    [input.caseId, input.toOrganizationId, input.toUserId ?? null, viewer.userId, input.reason],
  )) as [{ id: string }];
  await manager.query("UPDATE care_case SET updated_at = now() WHERE id = $1", [input.caseId]);
  await announceChange(manager, ChangeKind.CASE, { caseId: input.caseId });
  await logAccess(
    manager,
    viewer,
    "UPDATE",
    { type: "CASE", id: input.caseId, clientId: locked[0]!.client_id },
    teamBasis,
  );
  return id;
}

/**
 * Adds an organisation to the case team (or changes its role). Only an organisation that may
 * join: the viewer's own when it registered the client, or one a consent of the client shares
 * the case with; anyone else would read the client without the client's consent.
 */
export async function addCaseMember(
  db: DataSource,
  viewer: Viewer,
  caseId: string,
  organizationId: string,
  role: string,
): Promise<void> {
  await inTransaction(db, async (manager) => {
    await assertCaseMember(manager, viewer, caseId);
    const exists = await queryByIds<unknown>(manager, "SELECT 1 FROM organization WHERE id = $1", [
      organizationId,
    ]);
    if (exists.length === 0) {
      throw new UserInputError("Deze organisatie kennen we niet.", "organizationId");
    }
    if (role.trim().length < 2 || role.length > 200) {
      throw new UserInputError("Beschrijf de rol van de organisatie in de casus.", "role");
    }
    const clientId = await joinCaseTeam(manager, caseId, organizationId, role.trim(), {
      changeRole: true,
    });
    await announceChange(manager, ChangeKind.CASE, { caseId });
    await logAccess(manager, viewer, "UPDATE", { type: "CASE", id: caseId, clientId }, teamBasis);
  });
}

/** Why an organisation cannot join a case team: a message for the worker who tried. */
export const noConsentToJoin = (field: string) =>
  new UserInputError(
    "Deze organisatie kan pas in het casusteam als de inwoner toestemming heeft gegeven om de hulpvraag met haar te delen. Leg die toestemming eerst vast.",
    field,
  );

/**
 * The one way into a case team, for every module (adding a member, accepting a referral, an
 * invitation to a zorgoverleg): refused with `noConsentToJoin` unless the organisation may
 * join (`mayJoinTeam`). An existing member keeps its role unless `changeRole`. Returns the
 * case's client. Call it inside the transaction of the step that joins.
 */
export async function joinCaseTeam(
  manager: EntityManager,
  caseId: string,
  organizationId: string,
  role: string,
  options: { changeRole?: boolean; field?: string } = {},
): Promise<string> {
  if (!(await mayJoinTeam(manager, caseId, organizationId))) {
    throw noConsentToJoin(options.field ?? "organizationId");
  }
  const [{ client_id: clientId }] = (await manager.query(
    "SELECT client_id FROM care_case WHERE id = $1",
    [caseId],
  )) as [{ client_id: string }];
  await manager.query(
    `INSERT INTO case_member (case_id, organization_id, role) VALUES ($1, $2, $3)
     ON CONFLICT (case_id, organization_id) DO ${options.changeRole ? "UPDATE SET role = EXCLUDED.role" : "NOTHING"}`,
    [caseId, organizationId, role],
  );
  return clientId;
}

/** Moves the case to another phase (stabilisatie, ontwikkeling, nazorg, afgesloten). */
export async function setCasePhase(
  db: DataSource,
  viewer: Viewer,
  caseId: string,
  phase: CasePhase,
): Promise<void> {
  await inTransaction(db, async (manager) => {
    await assertCaseMember(manager, viewer, caseId);
    const [{ client_id: clientId }] = returnedRows<{ client_id: string }>(
      await manager.query(
        "UPDATE care_case SET phase = $2, updated_at = now() WHERE id = $1 RETURNING client_id",
        [caseId, phase],
      ),
    );
    await announceChange(manager, ChangeKind.CASE, { caseId });
    await logAccess(manager, viewer, "UPDATE", { type: "CASE", id: caseId, clientId }, teamBasis);
  });
}

/**
 * SQL over `$1` ("caseId/organizationId" keys): the active workers of each organisation who are
 * named on that case or acted on it (regie, agreements, zorgoverleg, nazorg, referrals), by
 * name, with the key they were asked for. Columns as the User entity, without the password hash.
 */
export const contactPersonsSql = `
  WITH wanted AS (
    SELECT key, split_part(key, '/', 1)::uuid AS case_id, split_part(key, '/', 2)::uuid AS organization_id
      FROM unnest($1::text[]) key
     WHERE key ~ '^[0-9a-f-]{36}/[0-9a-f-]{36}$'
  ), cases AS (SELECT DISTINCT case_id FROM wanted), named AS (
    SELECT case_id, user_id FROM regie_assignment WHERE case_id IN (SELECT case_id FROM cases)
    UNION SELECT case_id, decided_by_user_id FROM regie_assignment WHERE case_id IN (SELECT case_id FROM cases)
    UNION SELECT case_id, owner_user_id FROM agreement WHERE case_id IN (SELECT case_id FROM cases)
    UNION SELECT case_id, user_id FROM zorgoverleg_invitee WHERE case_id IN (SELECT case_id FROM cases)
    UNION SELECT case_id, scheduled_by_user_id FROM zorgoverleg WHERE case_id IN (SELECT case_id FROM cases)
    UNION SELECT case_id, responsible_user_id FROM nazorg_plan WHERE case_id IN (SELECT case_id FROM cases)
    UNION SELECT case_id, sender_user_id FROM referral WHERE case_id IN (SELECT case_id FROM cases)
    UNION SELECT r.case_id, e.user_id FROM referral_event e JOIN referral r ON r.id = e.referral_id
           WHERE r.case_id IN (SELECT case_id FROM cases)
  )
  SELECT DISTINCT ON (w.key, u.name, u.id) w.key, u.id, u.organization_id AS "organizationId", u.email,
         u.name, u.roles, u.disabled_at AS "disabledAt"
    FROM wanted w
    JOIN named n ON n.case_id = w.case_id
    JOIN app_user u ON u.id = n.user_id AND u.organization_id = w.organization_id AND u.disabled_at IS NULL
   ORDER BY w.key, u.name, u.id`;
