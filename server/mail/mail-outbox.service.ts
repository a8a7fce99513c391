import type { Queryable } from "../db/queryable.js";
import type { MailConfig } from "../config.js";
import { type MailKind, type ReferralMailFacts, renderReferralMail } from "./mail.templates.js";

interface Recipient extends ReferralMailFacts {
  userId: string;
}

/**
 * Puts the mails of `kind` about these referrals in the outbox, on `db`: call it inside the
 * transaction that changes the referral, so the mail stands or falls with the change. Who gets
 * it is decided now: the receiving organisation's active workers (medewerkers and coördinatoren,
 * not accounts that only administer), or for RESPONSE_OVERDUE_SENDER the worker who sent the
 * referral; never anyone who switched e-mail notifications off. With e-mail off (no SMTP_URL)
 * nothing is queued: rows that would never be sent would only hold on to data. Answers how
 * many mails were queued.
 *
 * No ON CONFLICT: the application role may add rows but not read them, and PostgreSQL checks
 * an upsert's row against the (absent) read policy. Each mail is queued once by construction
 * (a referral is sent once; a reminder once per referral_reminder row); the unique constraint
 * would make a second attempt fail loudly rather than mail twice.
 */
export async function enqueueReferralMail(
  db: Queryable,
  mail: MailConfig,
  kind: MailKind,
  referralIds: string[],
): Promise<number> {
  if (!mail.smtpUrl || referralIds.length === 0) return 0;
  const recipients = (await db.query(
    `SELECT r.id AS "referralId", r.response_due_at AS "responseDueAt", s.name AS "senderName",
            rc.name AS "receiverName", u.id AS "userId"
       FROM referral r
       JOIN organization s ON s.id = r.sender_organization_id
       JOIN organization rc ON rc.id = r.receiver_organization_id
       JOIN app_user u ON CASE WHEN $2 = 'RESPONSE_OVERDUE_SENDER' THEN u.id = r.sender_user_id
                               ELSE u.organization_id = r.receiver_organization_id
                                    AND u.roles && ARRAY['MEDEWERKER', 'COORDINATOR'] END
      WHERE r.id = ANY ($1) AND r.response_due_at IS NOT NULL
        AND u.disabled_at IS NULL AND u.email_notifications
      ORDER BY r.id, u.id`,
    [referralIds, kind],
  )) as Recipient[];
  if (recipients.length === 0) return 0;
  const rendered = recipients.map((recipient) =>
    renderReferralMail(kind, recipient, mail.publicUrl),
  );
  await db.query(
    `INSERT INTO mail_outbox (kind, referral_id, user_id, subject, text_body, html_body)
     SELECT $1, * FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[])`,
    [
      kind,
      recipients.map((recipient) => recipient.referralId),
      recipients.map((recipient) => recipient.userId),
      rendered.map((message) => message.subject),
      rendered.map((message) => message.text),
      rendered.map((message) => message.html),
    ],
  );
  return recipients.length;
}
