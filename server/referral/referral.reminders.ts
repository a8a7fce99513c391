import type { DataSource } from "typeorm";
import { inTransaction } from "../common/transaction.js";
import type { MailConfig } from "../config.js";
import { enqueueReferralMail } from "../mail/mail-outbox.service.js";
import { responseOverdueSql } from "./referral.queries.js";

// A reminder is about a deadline that just passed: a referral overdue for longer when the job
// first sees it (e-mail switched on later, every instance down for a week) gets no mail out of
// the blue.
const reminderWindowDays = 7;

/**
 * Queues one reminder for every referral whose response deadline has passed while it still
 * waits in SENT: to the receiver's workers, who have to respond, and to the worker who sent
 * it, who has to follow up (call the partner, or choose another offering with the client). The
 * reminder's primary key makes it once per referral however many instances run this at the
 * same moment; the mails are queued in the same transaction. Answers the referrals reminded of.
 */
export async function enqueueOverdueReminders(db: DataSource, mail: MailConfig): Promise<string[]> {
  return inTransaction(db, async (manager) => {
    const rows = (await manager.query(
      `INSERT INTO referral_reminder (referral_id, kind)
       SELECT r.id, 'RESPONSE_OVERDUE' FROM referral r
        WHERE ${responseOverdueSql}
          AND r.response_due_at > now() - make_interval(days => $1)
          -- A receiver whose consent was withdrawn no longer sees the referral.
          AND ketenkaart_consent_holds(r.consent_id, r.receiver_organization_id)
       ON CONFLICT DO NOTHING
       RETURNING referral_id AS "referralId"`,
      [reminderWindowDays],
    )) as Array<{ referralId: string }>;
    const ids = rows.map((row) => row.referralId);
    await enqueueReferralMail(manager, mail, "RESPONSE_OVERDUE", ids);
    await enqueueReferralMail(manager, mail, "RESPONSE_OVERDUE_SENDER", ids);
    return ids;
  });
}
