import type { DataSource } from "typeorm";
import type { Queryable } from "../db/queryable.js";
import { logger } from "../logger.js";
import { deleteExpiredCounters } from "../security/rate-limits.js";
import { deleteOldSecurityEvents } from "../auth/security-log.js";

export const anonymisedText = "Geanonimiseerd";

/**
 * Anonymises every client whose cases have all been closed (AFGESLOTEN) for longer than
 * `months`: what identifies the client or tells their story goes; what the chain did (phases,
 * dates, states, regie history, palette levels, the consents' purpose) stays, and so does the
 * access log, which holds ids only. One statement, so a client is anonymised entirely or not at
 * all. Answers how many clients were anonymised.
 */
export async function anonymiseExpiredClients(db: Queryable, months: number): Promise<number> {
  const rows = (await db.query(
    `WITH expired AS (
       SELECT cl.id FROM client cl
        WHERE cl.anonymised_at IS NULL
          AND EXISTS (SELECT 1 FROM care_case c WHERE c.client_id = cl.id)
          AND NOT EXISTS (SELECT 1 FROM care_case c
                           WHERE c.client_id = cl.id
                             AND (c.phase <> 'AFGESLOTEN' OR c.closed_at > now() - make_interval(months => $1)))
        FOR UPDATE OF cl SKIP LOCKED
     ), cases AS (
       SELECT c.id FROM care_case c WHERE c.client_id IN (SELECT id FROM expired)
     ), clients AS (
       UPDATE client SET display_name = $2, birth_year = NULL, postcode_area = NULL,
                         contact_preferences = '{}', language_needs = NULL,
                         anonymised_at = now(), updated_at = now()
        WHERE id IN (SELECT id FROM expired)
       RETURNING id
     ), referrals AS (
       UPDATE referral SET question = $2, handover_summary = $2, contact_preferences = '{}',
                           outcome = CASE WHEN outcome IS NULL THEN NULL ELSE $2 END
        WHERE case_id IN (SELECT id FROM cases)
       RETURNING id
     ), referral_events AS (
       UPDATE referral_event SET note = NULL
        WHERE note IS NOT NULL AND referral_id IN (SELECT r.id FROM referral r WHERE r.case_id IN (SELECT id FROM cases))
     ), zorgoverleggen AS (
       UPDATE zorgoverleg SET summary = CASE WHEN summary IS NULL THEN NULL ELSE $2 END,
                              communication_agreement = CASE WHEN communication_agreement IS NULL THEN NULL ELSE $2 END,
                              location = CASE WHEN location IS NULL THEN NULL ELSE $2 END,
                              video_link = NULL
        WHERE case_id IN (SELECT id FROM cases)
     ), agreements AS (
       UPDATE agreement SET description = $2 WHERE case_id IN (SELECT id FROM cases)
     ), regie AS (
       UPDATE regie_assignment SET reason = $2 WHERE case_id IN (SELECT id FROM cases)
     ), plans AS (
       UPDATE nazorg_plan SET client_wishes = NULL,
                              not_feasible_reason = CASE WHEN not_feasible_reason IS NULL THEN NULL ELSE $2 END
        WHERE case_id IN (SELECT id FROM cases)
     ), adjustments AS (
       UPDATE nazorg_plan_adjustment SET reason = $2
        WHERE plan_id IN (SELECT p.id FROM nazorg_plan p WHERE p.case_id IN (SELECT id FROM cases))
     ), contacts AS (
       UPDATE nazorg_contact SET note = NULL, follow_up = NULL
        WHERE plan_id IN (SELECT p.id FROM nazorg_plan p WHERE p.case_id IN (SELECT id FROM cases))
     )
     SELECT count(*)::int AS anonymised FROM clients`,
    [months, anonymisedText],
  )) as Array<{ anonymised: number }>;
  return rows[0]?.anonymised ?? 0;
}

// Any number of instances run the job; a transaction-scoped advisory lock lets one work at a
// time, and the job itself keeps no state outside PostgreSQL.
const retentionLockKey = 7_252_025;

export interface RetentionTerms {
  /** After how many months a closed case's client is anonymised. */
  closedCaseMonths: number;
  /** How many months the security log keeps its entries. */
  securityLogMonths: number;
}

/**
 * One run of the retention job, on `db` as the owner of the tables (it reads past row-level
 * security); false when another instance runs it.
 */
export async function runRetentionJob(db: DataSource, terms: RetentionTerms): Promise<boolean> {
  return db.transaction(async (manager) => {
    const [{ locked }] = (await manager.query("SELECT pg_try_advisory_xact_lock($1) AS locked", [
      retentionLockKey,
    ])) as [{ locked: boolean }];
    if (!locked) {
      logger.info("retention: another instance is running the job");
      return false;
    }
    const anonymised = await anonymiseExpiredClients(manager, terms.closedCaseMonths);
    if (anonymised > 0) logger.info({ anonymised }, "retention: clients anonymised");
    const counters = await deleteExpiredCounters(manager);
    if (counters > 0) logger.info({ counters }, "retention: expired rate limit counters deleted");
    const events = await deleteOldSecurityEvents(manager, terms.securityLogMonths);
    if (events > 0) logger.info({ events }, "retention: old security log entries deleted");
    return true;
  });
}

/** Runs the retention job now and then every `intervalMinutes`; answers a function to stop it. */
export function startRetentionJob(
  db: DataSource,
  config: {
    retentionClosedCaseMonths: number;
    retentionSecurityLogMonths: number;
    retentionJobIntervalMinutes: number;
  },
): () => void {
  const terms = {
    closedCaseMonths: config.retentionClosedCaseMonths,
    securityLogMonths: config.retentionSecurityLogMonths,
  };
  const run = () => {
    runRetentionJob(db, terms).catch((error: unknown) => {
      // The code only: a database error's detail may quote a row.
      logger.error({ code: (error as { code?: string }).code }, "retention job failed");
    });
  };
  run();
  const timer = setInterval(run, config.retentionJobIntervalMinutes * 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
