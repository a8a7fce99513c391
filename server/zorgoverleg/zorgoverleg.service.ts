import { queryByIds } from "../db/queryable.js";
import type { DataSource, EntityManager } from "typeorm";
import { logAccess } from "../access-log/access-log.service.js";
import type { Viewer } from "../security/viewer.js";
import {
  assertCaseMember,
  isCaseMember,
  isTeamMemberWithAccess,
  mayJoinTeam,
  teamAccessSql,
} from "../case/case.policy.js";
import { joinCaseTeam, transferRegieWithin } from "../case/case.service.js";
import { ConflictError, UserInputError } from "../common/errors.js";
import { amsterdamToday, isCalendarDate } from "../common/amsterdam-time.js";
import { type Agreement, AgreementStatus } from "./zorgoverleg.entity.js";
import type {
  AgreementInput,
  RecordZorgoverlegInput,
  ScheduleZorgoverlegInput,
  SetAgreementStatusInput,
  ZorgoverlegInviteeInput,
} from "./zorgoverleg.inputs.js";
import {
  agreementNotFound,
  assertMayChangeAgreement,
  isActiveWorkerOf,
  zorgoverlegOfTeam,
} from "./zorgoverleg.policy.js";
import { inTransaction } from "../common/transaction.js";
import { ChangeKind } from "../live/live-change.js";
import { announceChange } from "../live/live.service.js";

const teamBasis = "CASE_TEAM";

/** The role of an organisation that joins the case team through an invitation. */
export const invitedRole = "Deelnemer zorgoverleg";

/**
 * Plans a zorgoverleg for a case of the viewer's team. Invitees outside the team join it, but
 * only on a valid consent of the client that names them: sharing the case needs that consent.
 */
export async function scheduleZorgoverleg(
  db: DataSource,
  viewer: Viewer,
  input: ScheduleZorgoverlegInput,
): Promise<string> {
  const location = input.location?.trim() || null;
  const videoLink = input.videoLink?.trim() || null;
  if (!location && !videoLink) {
    throw new UserInputError("Vul een plaats of een videolink in.", "location");
  }
  if (Number.isNaN(input.startsAt.getTime())) {
    throw new UserInputError("Kies datum en tijd van het overleg.", "startsAt");
  }
  return inTransaction(db, async (manager) => {
    await assertCaseMember(manager, viewer, input.caseId);
    const clientId = await clientOfCase(manager, input.caseId);
    for (const invitee of uniqueInvitees(input.invitees)) {
      await admitInvitee(manager, viewer, input.caseId, clientId, invitee);
    }
    const endsAt = new Date(input.startsAt.getTime() + input.durationMinutes * 60_000);
    const [{ id }] = (await manager.query(
      `INSERT INTO zorgoverleg (case_id, starts_at, ends_at, location, video_link, client_participates,
         scheduled_by_user_id, scheduled_by_organization_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        input.caseId,
        input.startsAt,
        endsAt,
        location,
        videoLink,
        input.clientParticipates,
        viewer.userId,
        viewer.organizationId,
      ],
    )) as [{ id: string }];
    for (const invitee of uniqueInvitees(input.invitees)) {
      await manager.query(
        `INSERT INTO zorgoverleg_invitee (zorgoverleg_id, case_id, organization_id, user_id)
         VALUES ($1, $2, $3, $4)`,
        [id, input.caseId, invitee.organizationId, invitee.userId ?? null],
      );
    }
    await logAccess(manager, viewer, "CREATE", { type: "ZORGOVERLEG", id, clientId }, teamBasis);
    await announceChange(manager, ChangeKind.ZORGOVERLEG, { caseId: input.caseId });
    return id;
  });
}

/**
 * Records a held zorgoverleg: summary, communication agreement, agreements and the regie
 * decision, all in one transaction: a refused agreement or regie decision writes nothing.
 */
export async function recordZorgoverleg(
  db: DataSource,
  viewer: Viewer,
  input: RecordZorgoverlegInput,
): Promise<void> {
  await inTransaction(db, async (manager) => {
    const meeting = await zorgoverlegOfTeam(manager, viewer, input.zorgoverlegId, { lock: true });
    if (meeting.recordedAt) {
      throw new ConflictError(
        "Dit zorgoverleg is al vastgelegd. Bekijk het verslag en de afspraken opnieuw.",
      );
    }
    for (const [index, agreement] of input.agreements.entries()) {
      await assertAgreementOwner(manager, meeting.caseId, agreement, index);
    }
    await manager.query(
      `UPDATE zorgoverleg SET summary = $2, communication_agreement = $3,
              client_participates = coalesce($4, client_participates),
              recorded_at = now(), recorded_by_user_id = $5
        WHERE id = $1`,
      [
        meeting.id,
        input.summary.trim(),
        input.communicationAgreement.trim(),
        input.clientParticipated ?? null,
        viewer.userId,
      ],
    );
    for (const agreement of input.agreements) {
      const [{ id }] = (await manager.query(
        `INSERT INTO agreement (zorgoverleg_id, case_id, description, owner_organization_id, owner_user_id, due_on)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [
          meeting.id,
          meeting.caseId,
          agreement.description.trim(),
          agreement.ownerOrganizationId,
          agreement.ownerUserId || null,
          agreement.dueOn,
        ],
      )) as [{ id: string }];
      await logAccess(
        manager,
        viewer,
        "CREATE",
        { type: "AGREEMENT", id, clientId: meeting.clientId },
        teamBasis,
      );
    }
    if (input.regieDecision) {
      const { toOrganizationId, toUserId, reason } = input.regieDecision;
      const assignmentId = await transferRegieWithin(manager, viewer, {
        caseId: meeting.caseId,
        toOrganizationId,
        toUserId: toUserId || null,
        reason: reason.trim(),
      });
      await manager.query("UPDATE regie_assignment SET zorgoverleg_id = $2 WHERE id = $1", [
        assignmentId,
        meeting.id,
      ]);
    }
    await logAccess(
      manager,
      viewer,
      "UPDATE",
      { type: "ZORGOVERLEG", id: meeting.id, clientId: meeting.clientId },
      teamBasis,
    );
    await announceChange(manager, ChangeKind.AGREEMENT, { caseId: meeting.caseId });
  });
}

/**
 * "Mijn afspraken": open agreements the viewer owns, or their organisation owns without a named
 * worker, on cases their organisation may still see. Overdue first, then by due date. Not
 * logged: the caller reads (and so logs) those it shows.
 */
export async function findMyAgreements(db: DataSource, viewer: Viewer): Promise<MyAgreement[]> {
  return (await db.query(
    `SELECT a.id, a.status, a.due_on::text AS "dueOn"
       FROM agreement a
      WHERE a.status = 'OPEN' AND ${teamAccessSql("a.case_id", "$2::uuid")}
        AND (a.owner_user_id = $1 OR (a.owner_user_id IS NULL AND a.owner_organization_id = $2))
      ORDER BY (a.due_on < $3::date) DESC, a.due_on, a.created_at, a.id
      LIMIT 500`,
    [viewer.userId, viewer.organizationId, amsterdamToday()],
  )) as MyAgreement[];
}

/** What "mijn afspraken" knows of an agreement before it is read: enough to count it. */
export type MyAgreement = Pick<Agreement, "id" | "status" | "dueOn">;

/** Ticks an agreement off (or cancels or reopens it): the owner organisation's call. */
export async function setAgreementStatus(
  db: DataSource,
  viewer: Viewer,
  input: SetAgreementStatusInput,
): Promise<void> {
  await inTransaction(db, async (manager) => {
    const rows = await queryByIds<{
      ownerOrganizationId: string;
      caseId: string;
      clientId: string;
      status: AgreementStatus;
    }>(
      manager,
      `SELECT a.owner_organization_id AS "ownerOrganizationId", a.case_id AS "caseId",
                  c.client_id AS "clientId", a.status
             FROM agreement a JOIN care_case c ON c.id = a.case_id
            WHERE a.id = $1 FOR UPDATE OF a`,
      [input.agreementId],
    );
    const agreement = rows[0];
    if (!agreement || !(await isCaseMember(manager, viewer, agreement.caseId))) {
      throw agreementNotFound();
    }
    assertMayChangeAgreement(viewer, agreement);
    // The row is locked: of two workers ticking it off at once, the second finds it done and
    // is told so, rather than overwriting who did it and when.
    if (agreement.status === input.status) {
      throw new ConflictError(
        "Iemand anders heeft deze afspraak net gewijzigd. Bekijk de nieuwe stand en probeer het opnieuw.",
      );
    }
    await manager.query(
      `UPDATE agreement SET status = $2, status_changed_at = now(), status_changed_by_user_id = $3
        WHERE id = $1`,
      [input.agreementId, input.status, viewer.userId],
    );
    await announceChange(manager, ChangeKind.AGREEMENT, { caseId: agreement.caseId });
    await logAccess(
      manager,
      viewer,
      "UPDATE",
      { type: "AGREEMENT", id: input.agreementId, clientId: agreement.clientId },
      teamBasis,
    );
  });
}

/** Open and past its due date (in Amsterdam). */
export function isOverdue(
  agreement: Pick<Agreement, "status" | "dueOn">,
  today = amsterdamToday(),
): boolean {
  return agreement.status === AgreementStatus.OPEN && agreement.dueOn < today;
}

async function clientOfCase(manager: EntityManager, caseId: string): Promise<string> {
  const [{ client_id: clientId }] = (await manager.query(
    "SELECT client_id FROM care_case WHERE id = $1",
    [caseId],
  )) as [{ client_id: string }];
  return clientId;
}

function uniqueInvitees(invitees: ZorgoverlegInviteeInput[]): ZorgoverlegInviteeInput[] {
  const seen = new Set<string>();
  return invitees.filter((invitee) => {
    const key = `${invitee.organizationId}/${invitee.userId ?? ""}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * A team member is invited as is; an organisation outside the team joins it on the client's
 * valid consent (as accepting a referral does), and is refused without one.
 */
async function admitInvitee(
  manager: EntityManager,
  viewer: Viewer,
  caseId: string,
  clientId: string,
  invitee: ZorgoverlegInviteeInput,
): Promise<void> {
  const organization = await queryByIds<{ id: string }>(
    manager,
    "SELECT id FROM organization WHERE id = $1",
    [invitee.organizationId],
  );
  if (!organization[0]) {
    throw new UserInputError(
      "Een van de uitgenodigde organisaties kennen we niet.",
      "organizationId",
    );
  }
  if (
    invitee.userId &&
    !(await isActiveWorkerOf(manager, invitee.userId, invitee.organizationId))
  ) {
    throw new UserInputError("Kies een medewerker van de uitgenodigde organisatie.", "userId");
  }
  if (await isTeamMemberWithAccess(manager, caseId, invitee.organizationId)) return;
  if (!(await mayJoinTeam(manager, caseId, invitee.organizationId))) {
    throw new UserInputError(
      "Een organisatie buiten het casusteam kan alleen deelnemen met een geldige toestemming van de inwoner voor die organisatie.",
      "organizationId",
    );
  }
  await joinCaseTeam(manager, caseId, invitee.organizationId, invitedRole);
  await logAccess(manager, viewer, "UPDATE", { type: "CASE", id: caseId, clientId }, teamBasis);
}

async function assertAgreementOwner(
  manager: EntityManager,
  caseId: string,
  agreement: AgreementInput,
  index: number,
): Promise<void> {
  const which = `afspraak ${index + 1}`;
  if (!isCalendarDate(agreement.dueOn)) {
    throw new UserInputError(`Vul een bestaande datum in bij ${which}.`, "dueOn");
  }
  if (!(await isTeamMemberWithAccess(manager, caseId, agreement.ownerOrganizationId))) {
    throw new UserInputError(
      `Kies bij ${which} een organisatie uit het casusteam.`,
      "ownerOrganizationId",
    );
  }
  if (
    agreement.ownerUserId &&
    !(await isActiveWorkerOf(manager, agreement.ownerUserId, agreement.ownerOrganizationId))
  ) {
    throw new UserInputError(
      `Kies bij ${which} een medewerker van die organisatie.`,
      "ownerUserId",
    );
  }
}
