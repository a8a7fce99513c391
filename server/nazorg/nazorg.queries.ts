import { amsterdamTodaySql } from "../common/amsterdam-time.js";
import { type NazorgContact } from "./nazorg-contact.entity.js";

// The SQL that reads nazorg, shared by the loaders, the dashboard and the services.
// Open: planned, not held, and nazorg still runs (not recorded as not feasible, case not closed).
const openContactSql = `c.held_on IS NULL AND c.planned_on IS NOT NULL AND p.status = 'ACTIVE'
  AND cc.phase <> 'AFGESLOTEN'`;

/**
 * For queries that join nazorg_contact c, nazorg_plan p and care_case cc (as contactSelectSql).
 * Overdue: not registered and the planned date plus the grace has passed (on the last day of
 * the grace it is not overdue yet). Due this week: still open, not overdue, planned up to and
 * including this Sunday. Both in SQL, so every list can filter and count on them.
 */
export function contactIsOverdueSql(graceParam: string): string {
  return `(${openContactSql} AND c.planned_on + ${graceParam}::int < ${amsterdamTodaySql})`;
}

export function contactIsDueThisWeekSql(graceParam: string): string {
  return `(${openContactSql} AND c.planned_on + ${graceParam}::int >= ${amsterdamTodaySql}
           AND c.planned_on <= date_trunc('week', ${amsterdamTodaySql})::date + 6)`;
}

/** Contacts with their plan's case and status; `$1` must be the grace in days. */
export const contactSelectSql = `
  SELECT c.id, c.plan_id AS "planId", p.case_id AS "caseId", cc.client_id AS "clientId",
         c.planned_on::text AS "plannedOn", c.held_on::text AS "heldOn", c.channel,
         c.held_by_user_id AS "heldByUserId", c.in_balance AS "inBalance", c.signals, c.note,
         c.follow_up AS "followUp", c.registered_at AS "registeredAt",
         p.responsible_user_id AS "responsibleUserId",
         ${contactIsOverdueSql("$1")} AS "isOverdue", ${contactIsDueThisWeekSql("$1")} AS "dueThisWeek"
    FROM nazorg_contact c
    JOIN nazorg_plan p ON p.id = c.plan_id
    JOIN care_case cc ON cc.id = p.case_id`;

export type ContactRow = NazorgContact & { clientId: string };

/**
 * Whether the follow-up a relapse risk asks for has been made, on or after the day of the risk:
 * a referral from the case that was sent and not cancelled, declined or failed, or a
 * zorgoverleg planned for the case.
 */
export function relapseFollowUpMadeSql(risk: string): string {
  const since = `(${risk}.since::timestamp AT TIME ZONE 'Europe/Amsterdam')`;
  return `(EXISTS (
    SELECT 1 FROM referral f
     WHERE f.case_id = ${risk}.case_id
       AND f.created_at >= ${since}
       AND f.sent_at IS NOT NULL
       AND f.state NOT IN ('CANCELLED', 'DECLINED', 'FAILED'))
    OR EXISTS (
    SELECT 1 FROM zorgoverleg z WHERE z.case_id = ${risk}.case_id AND z.created_at >= ${since}))`;
}

export const relapseRiskSelectSql = `
  SELECT r.id, r.case_id AS "caseId", r.since::text AS since,
         r.raised_by_contact_id AS "raisedByContactId", r.cleared_on::text AS "clearedOn",
         r.cleared_by_contact_id AS "clearedByContactId",
         (r.cleared_on IS NULL AND NOT ${relapseFollowUpMadeSql("r")}) AS "followUpNeeded"
    FROM relapse_risk r`;
