import type { DataSource } from "typeorm";
import { readLoggedByCase, selectLogged } from "../access-log/access-log.service.js";
import type { Viewer } from "../security/viewer.js";
import { teamAccessSql } from "../case/case.policy.js";
import { consentSharesCaseSql } from "../inwoner/consent.service.js";
import { isUuid } from "../common/ids.js";
import { type Queryable } from "../db/queryable.js";
import { Referral } from "./referral.entity.js";
import { accessOf, closingStates, ownReferralBasis, referralRow } from "./referral.service.js";

// Reading referrals: one, the lists of the inbox and the outbox, and what the consent left.
export type ReferralBasis = "CASE_TEAM" | "CONSENT" | "AFTER_CONSENT";

/**
 * Opens a referral the viewer may see, returning how it is to be read (and logged), or null;
 * the receiver opening it is recorded (receivedAt).
 */
export async function openReferral(
  db: DataSource,
  viewer: Viewer,
  id: string,
): Promise<ReferralBasis | null> {
  const referral = await referralRow(db, viewer, id);
  const access = referral && accessOf(viewer, referral);
  if (!referral || !access) return null;
  if (access === "RECEIVER") {
    await db.query(
      "UPDATE referral SET received_at = now() WHERE id = $1 AND received_at IS NULL",
      [id],
    );
  }
  return access === "SENDER" ? "CASE_TEAM" : access === "RECEIVER" ? "CONSENT" : "AFTER_CONSENT";
}

/**
 * Referrals the viewer receives whose consent no longer holds, as the receiver may still see
 * them: only what closing them needs (`consentEnded` set; question, summary, life domains and
 * contact preferences null). With `logged`, each is logged as read in the same statement.
 */
export async function referralsAfterConsent(
  db: Queryable,
  viewer: Viewer,
  ids: readonly string[],
  logged: boolean,
): Promise<Referral[]> {
  const usable = ids.filter(isUuid);
  if (usable.length === 0) return [];
  const select = `SELECT * FROM ketenkaart_referrals_after_consent($1::uuid[])`;
  const rows = (
    logged
      ? await selectLogged(
          db,
          viewer,
          { type: "REFERRAL", clientId: `"clientId"` },
          ownReferralBasis,
          select,
          [usable],
        )
      : await db.query(select, [usable])
  ) as Array<Omit<Referral, "consentEnded"> & { consentWithdrawn: boolean; clientId?: string }>;
  return rows.map(({ consentWithdrawn, clientId: _clientId, ...row }) =>
    Object.assign(new Referral(), row, {
      question: null,
      handoverSummary: null,
      lifeDomains: null,
      contactPreferences: null,
      consentEnded: consentWithdrawn ? "WITHDRAWN" : "EXPIRED",
    }),
  );
}

/**
 * Logs reading referrals in the statement that reads them (a `run` for `entityRowsWhereIn`):
 * on the case team's basis, or, for their receiver, on the consent each one rests on, as
 * `readReferral` does. `orderBy` as `readLoggedByCase`.
 */
export function readReferralsLogged(
  db: Queryable,
  viewer: Viewer,
  basis: "CASE_TEAM" | "CONSENT",
  orderBy?: string,
) {
  return readLoggedByCase(
    db,
    viewer,
    "REFERRAL",
    basis === "CASE_TEAM" ? basis : { sql: `'CONSENT:' || entity."consentId"` },
    orderBy,
  );
}

// What the receiver ($1) sees: sent to it, on a consent that still holds for it. The consent
// is tested by a probe of its key per referral (OFFSET 0 keeps the planner from joining):
// misjudging the ANY test, it read every consent for a hash join (2 ms at 10 000 cases).
const inboxSql = `referral r
  WHERE r.receiver_organization_id = $1 AND r.state <> 'DRAFT'
    AND EXISTS (SELECT 1 FROM consent k
                 WHERE k.id = r.consent_id AND ${consentSharesCaseSql("k", "r.receiver_organization_id")}
                OFFSET 0)`;

/** The SQL twin of `isResponseOverdue`: sent and not answered by the response deadline. */
export const responseOverdueSql = "r.state = 'SENT' AND r.response_due_at < now()";

/**
 * Incoming referrals with a valid consent, and open ones whose consent ended (for the receiver
 * to close), the most urgent deadline first.
 */
export async function inboxReferralIds(db: Queryable, viewer: Viewer): Promise<string[]> {
  const rows = (await db.query(
    `SELECT x.id FROM (
       SELECT r.id, r.state, r.response_due_at FROM ${inboxSql}
       UNION ALL
       SELECT v.id, v.state, v."responseDueAt" FROM ketenkaart_referrals_after_consent(NULL) v
        WHERE v.state <> ALL ($2::text[])
     ) x
     ORDER BY (x.state IN ('SENT', 'ACCEPTED')) DESC, x.response_due_at, x.id
     LIMIT 500`,
    [viewer.organizationId, [...closingStates]],
  )) as Array<{ id: string }>;
  return rows.map((row) => row.id);
}

/** Incoming referrals still waiting for our accept or decline, the earliest deadline first. */
export async function awaitingResponseReferralIds(
  db: Queryable,
  viewer: Viewer,
  limit: number,
): Promise<{ ids: string[]; total: number }> {
  const rows = (await db.query(
    `SELECT r.id, count(*) OVER () AS total FROM ${inboxSql} AND r.state = 'SENT'
      ORDER BY r.response_due_at, r.id LIMIT $2`,
    [viewer.organizationId, limit],
  )) as Array<{ id: string; total: string }>;
  return { ids: rows.map((row) => row.id), total: Number(rows[0]?.total ?? 0) };
}

/** Referrals we sent that the receiver has not answered within the norm, oldest deadline first. */
export async function unansweredOutgoingReferralIds(
  db: Queryable,
  viewer: Viewer,
  limit: number,
): Promise<{ ids: string[]; total: number }> {
  const rows = (await db.query(
    `SELECT r.id, count(*) OVER () AS total FROM referral r
      WHERE r.sender_organization_id = $1 AND ${responseOverdueSql}
      ORDER BY r.response_due_at, r.id LIMIT $2`,
    [viewer.organizationId, limit],
  )) as Array<{ id: string; total: string }>;
  return { ids: rows.map((row) => row.id), total: Number(rows[0]?.total ?? 0) };
}

/** Referrals the viewer's organisation sent from cases it may still see, newest first. */
export async function outboxReferralIds(db: Queryable, viewer: Viewer): Promise<string[]> {
  const rows = (await db.query(
    `SELECT r.id FROM referral r
      WHERE r.sender_organization_id = $1 AND ${teamAccessSql("r.case_id", "$1::uuid")}
      ORDER BY r.created_at DESC, r.id LIMIT 500`,
    [viewer.organizationId],
  )) as Array<{ id: string }>;
  return rows.map((row) => row.id);
}

/**
 * Sending a referral shares its question and handover summary. A consent that does not cover
 * them (contact details only, say) cannot carry it: the worker is told so when choosing it, and
 * again when sending, rather than the receiver getting a referral without its question.
 */
