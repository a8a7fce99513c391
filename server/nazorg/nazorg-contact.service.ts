import type { DataSource, EntityManager } from "typeorm";
import { amsterdamToday } from "../common/amsterdam-time.js";
import { logAccess } from "../access-log/access-log.service.js";
import type { Viewer } from "../security/viewer.js";
import { teamAccessSql } from "../case/case.policy.js";
import { ConflictError, UserInputError } from "../common/errors.js";
import { isUuid } from "../common/ids.js";
import { queryByIds, returnedRows } from "../db/queryable.js";
import { InBalance } from "./nazorg-contact.entity.js";
import type { RegisterNazorgContactInput } from "./nazorg.inputs.js";
import { planOfContact, planOfTeam } from "./nazorg.policy.js";
import { inTransaction } from "../common/transaction.js";
import { ChangeKind } from "../live/live-change.js";
import { announceChange } from "../live/live.service.js";
import { assertActive, planContacts, teamBasis, touchPlan } from "./nazorg.service.js";

/** Adds a planned contact moment. */
export async function planNazorgContact(
  db: DataSource,
  viewer: Viewer,
  planId: string,
  plannedOn: string,
): Promise<void> {
  await inTransaction(db, async (manager) => {
    const plan = await planOfTeam(manager, viewer, planId, true);
    assertActive(plan);
    await planContacts(manager, plan.planId, [plannedOn]);
    await touchPlan(manager, viewer, plan);
  });
}

/** Moves a planned moment that has not been held yet to another date. */
export async function moveNazorgContact(
  db: DataSource,
  viewer: Viewer,
  contactId: string,
  plannedOn: string,
): Promise<void> {
  await inTransaction(db, async (manager) => {
    const plan = await planOfContact(manager, viewer, contactId, true);
    assertActive(plan);
    const moved = returnedRows(
      await manager.query(
        "UPDATE nazorg_contact SET planned_on = $2 WHERE id = $1 AND held_on IS NULL RETURNING id",
        [contactId, plannedOn],
      ),
    );
    if (moved.length === 0) throw heldAlready();
    await touchPlan(manager, viewer, plan);
  });
}

/** Removes a planned moment that has not been held; a held contact stays on record. */
export async function removeNazorgContact(
  db: DataSource,
  viewer: Viewer,
  contactId: string,
): Promise<void> {
  await inTransaction(db, async (manager) => {
    const plan = await planOfContact(manager, viewer, contactId, true);
    const removed = returnedRows(
      await manager.query(
        "DELETE FROM nazorg_contact WHERE id = $1 AND held_on IS NULL RETURNING id",
        [contactId],
      ),
    );
    if (removed.length === 0) throw heldAlready();
    await touchPlan(manager, viewer, plan);
  });
}

const heldAlready = () =>
  new ConflictError("Dit contact is al vastgelegd; een gehouden contact blijft bewaard.");

/**
 * Registers a held contact (a planned moment, or an unplanned one). Out of balance marks the
 * case at risk of relapse, from the day of the contact; a later contact in balance clears it,
 * and both stay in the risk history.
 */
export async function registerNazorgContact(
  db: DataSource,
  viewer: Viewer,
  input: RegisterNazorgContactInput,
): Promise<string> {
  return inTransaction(db, async (manager) => {
    const plan = await planOfTeam(manager, viewer, input.planId, true);
    assertActive(plan);
    if (input.heldOn > amsterdamToday()) {
      throw new UserInputError("De datum van het contact ligt in de toekomst.", "heldOn");
    }
    const heldBy = input.heldByUserId ?? viewer.userId;
    const worker = await queryByIds<unknown>(
      manager,
      `SELECT 1 FROM app_user u WHERE u.id = $1 AND ${teamAccessSql("$2::uuid", "u.organization_id")}`,
      [heldBy, plan.caseId],
    );
    if (worker.length === 0) {
      throw new UserInputError(
        "Kies een medewerker van een organisatie uit het casusteam.",
        "heldByUserId",
      );
    }
    const values = [
      input.heldOn,
      input.channel,
      heldBy,
      input.inBalance,
      [...new Set(input.signals)],
      input.note?.trim() || null,
      input.followUp?.trim() || null,
      viewer.userId,
    ];
    let contactId: string;
    if (input.contactId) {
      const updated = isUuid(input.contactId)
        ? returnedRows<{ id: string }>(
            await manager.query(
              `UPDATE nazorg_contact SET held_on = $3, channel = $4, held_by_user_id = $5, in_balance = $6,
                      signals = $7, note = $8, follow_up = $9, registered_by_user_id = $10,
                      registered_at = clock_timestamp()
                WHERE id = $1 AND plan_id = $2 AND held_on IS NULL
                RETURNING id`,
              [input.contactId, plan.planId, ...values],
            ),
          )
        : [];
      if (updated.length === 0) {
        const exists = await queryByIds<unknown>(
          manager,
          "SELECT 1 FROM nazorg_contact WHERE id = $1 AND plan_id = $2",
          [input.contactId, plan.planId],
        );
        if (exists.length > 0) throw heldAlready();
        throw new UserInputError("Kies een gepland contactmoment van dit plan.", "contactId");
      }
      contactId = updated[0]!.id;
    } else {
      const [{ id }] = (await manager.query(
        `INSERT INTO nazorg_contact (plan_id, held_on, channel, held_by_user_id, in_balance, signals, note,
           follow_up, registered_by_user_id, registered_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, clock_timestamp()) RETURNING id`,
        [plan.planId, ...values],
      )) as [{ id: string }];
      contactId = id;
    }
    await updateRelapseRisk(manager, plan.caseId, contactId, input.inBalance, input.heldOn);
    await announceChange(manager, ChangeKind.NAZORG, { caseId: plan.caseId });
    await logAccess(
      manager,
      viewer,
      input.contactId ? "UPDATE" : "CREATE",
      { type: "NAZORG_CONTACT", id: contactId, clientId: plan.clientId },
      teamBasis,
    );
    return contactId;
  });
}

async function updateRelapseRisk(
  manager: EntityManager,
  caseId: string,
  contactId: string,
  inBalance: InBalance,
  heldOn: string,
): Promise<void> {
  if (inBalance === InBalance.NO) {
    // An open risk stays open from its first day; the plan lock makes this race-free.
    await manager.query(
      `INSERT INTO relapse_risk (case_id, since, raised_by_contact_id)
       SELECT $1, $2, $3 WHERE NOT EXISTS (
         SELECT 1 FROM relapse_risk WHERE case_id = $1 AND cleared_on IS NULL)`,
      [caseId, heldOn, contactId],
    );
  } else if (inBalance === InBalance.YES) {
    // Only a contact on or after the risk's day can say things are back in balance.
    await manager.query(
      `UPDATE relapse_risk SET cleared_on = $2, cleared_by_contact_id = $3
        WHERE case_id = $1 AND cleared_on IS NULL AND since <= $2`,
      [caseId, heldOn, contactId],
    );
  }
}
