import type { Transporter } from "nodemailer";
import type { DataSource } from "typeorm";
import { type Queryable, returnedRows } from "../db/queryable.js";
import type { MailConfig } from "../config.js";
import { logger } from "../logger.js";

interface ClaimedMail {
  id: string;
  email: string;
  wanted: boolean;
  subject: string;
  text: string;
  html: string;
  attempts: number;
}

const batchSize = 20;
// The longest wait between two attempts, however many attempts came before.
const maxRetryDelaySeconds = 6 * 60 * 60;
// How long a claimed mail stays this instance's: longer than a send can take within the
// transport's timeouts below, so no other instance sends it a second time meanwhile.
const claimSeconds = 5 * 60;
const transportTimeouts = {
  connectionTimeout: 10_000,
  greetingTimeout: 10_000,
  socketTimeout: 30_000,
};

/**
 * Takes up to `batchSize` due mails for this instance. Claiming counts the attempt and moves
 * `next_attempt_at` past the longest a send can take, in one statement, so the row is this
 * instance's while the SMTP server answers, without holding a lock or a connection; a failed
 * send then sets the backoff, and an instance that dies mid-send leaves the mail to be retried
 * once the claim has run out. Mail that no longer makes sense is cancelled instead: its worker
 * has since been disabled or switched notifications off, the referral no longer waits for a
 * response (every referral mail is about that wait), or the invitation was used, withdrawn or
 * replaced, or has expired. An invitation is sent whatever the notification setting.
 */
async function claimDueMail(db: Queryable): Promise<ClaimedMail[]> {
  return returnedRows<ClaimedMail>(
    await db.query(
      `WITH due AS (
       SELECT o.id, u.email,
              (u.disabled_at IS NULL AND CASE
                 WHEN o.referral_id IS NOT NULL THEN u.email_notifications AND r.state = 'SENT'
                 ELSE l.used_at IS NULL AND l.revoked_at IS NULL AND l.expires_at > now()
               END) AS wanted
         FROM mail_outbox o
         JOIN app_user u ON u.id = o.user_id
         LEFT JOIN referral r ON r.id = o.referral_id
         LEFT JOIN account_link l ON l.id = o.account_link_id
        WHERE o.state = 'PENDING' AND o.next_attempt_at <= now()
        ORDER BY o.next_attempt_at, o.id
        LIMIT $1
        FOR UPDATE OF o SKIP LOCKED
     )
     UPDATE mail_outbox o
        SET attempts = o.attempts + CASE WHEN due.wanted THEN 1 ELSE 0 END,
            state = CASE WHEN due.wanted THEN 'PENDING' ELSE 'CANCELLED' END,
            finished_at = CASE WHEN due.wanted THEN NULL ELSE now() END,
            next_attempt_at = now() + make_interval(secs => $2)
       FROM due
      WHERE o.id = due.id
     RETURNING o.id, due.email, due.wanted, o.subject, o.text_body AS text, o.html_body AS html,
               o.attempts`,
      [batchSize, claimSeconds],
    ),
  );
}

/** What went wrong, safe to keep and log: the SMTP reply code or the error's code, no text. */
function failureCode(error: unknown): { code: string; permanent: boolean } {
  const { responseCode, code } = error as { responseCode?: number; code?: string };
  if (typeof responseCode === "number") {
    // 5xx: the server refuses this mail for good (unknown mailbox, policy); 4xx: try later.
    return { code: `SMTP_${responseCode}`, permanent: responseCode >= 500 };
  }
  return { code: typeof code === "string" ? code.slice(0, 50) : "UNKNOWN", permanent: false };
}

/** Sends what is due, batch after batch; answers how many mails went out. */
export async function sendDueMail(
  db: DataSource,
  transport: Transporter,
  mail: MailConfig,
): Promise<number> {
  let sent = 0;
  for (let batch = 0; batch < 10; batch++) {
    const claimed = await claimDueMail(db);
    for (const message of claimed.filter((row) => row.wanted)) {
      try {
        await transport.sendMail({
          from: mail.from,
          to: message.email,
          subject: message.subject,
          text: message.text,
          html: message.html,
        });
        await db.query(
          `UPDATE mail_outbox SET state = 'SENT', finished_at = now(), last_error = NULL WHERE id = $1`,
          [message.id],
        );
        sent++;
      } catch (error) {
        const { code, permanent } = failureCode(error);
        const failed = permanent || message.attempts >= mail.maxAttempts;
        await db.query(
          `UPDATE mail_outbox
              SET last_error = $2,
                  state = CASE WHEN $3 THEN 'FAILED' ELSE state END,
                  finished_at = CASE WHEN $3 THEN now() END,
                  next_attempt_at = now() + make_interval(secs => least($4 * 2 ^ ($5 - 1), $6))
            WHERE id = $1`,
          [message.id, code, failed, mail.retrySeconds, message.attempts, maxRetryDelaySeconds],
        );
        // The outbox id and the code only: never the address or the text.
        logger.warn(
          { outboxId: message.id, code, attempt: message.attempts, failed },
          failed ? "mail could not be sent; giving up" : "mail could not be sent; will retry",
        );
      }
    }
    if (claimed.length < batchSize) break;
  }
  return sent;
}

/** Deletes sent, failed and cancelled mail older than `days`: it names who was told what. */
export async function deleteOldMail(db: Queryable, days: number): Promise<number> {
  const rows = (await db.query(
    `WITH deleted AS (
       DELETE FROM mail_outbox
        WHERE state <> 'PENDING' AND finished_at < now() - make_interval(days => $1)
       RETURNING 1
     )
     SELECT count(*)::int AS deleted FROM deleted`,
    [days],
  )) as Array<{ deleted: number }>;
  return rows[0]?.deleted ?? 0;
}

/** Queues the reminders now due (the referral module's), answering what they were about. */
export type QueueReminders = (db: DataSource, mail: MailConfig) => Promise<string[]>;

/**
 * Every instance runs the mail job: queue overdue reminders, send due mail, forget old mail.
 * Nothing of it needs a lock: the reminder's key and SKIP LOCKED keep instances from doing the
 * same work twice. Without SMTP_URL it does not run (and nothing is queued). `db` works as the
 * owner of the tables: the job reads every organisation's referrals. Answers a function that
 * stops it.
 */
export function startMailJob(
  db: DataSource,
  mail: MailConfig,
  queueReminders: QueueReminders,
): () => void {
  if (!mail.smtpUrl) {
    logger.info("e-mail notifications are off: SMTP_URL is not set");
    return () => {};
  }
  // Loaded only by a server that sends mail.
  const smtpUrl = mail.smtpUrl;
  const transport = import("nodemailer").then(({ default: nodemailer }) =>
    nodemailer.createTransport({ url: smtpUrl, ...transportTimeouts }),
  );
  let running = false;
  const run = async () => {
    // A slow SMTP server must not make runs pile up.
    if (running) return;
    running = true;
    try {
      const reminded = await queueReminders(db, mail);
      if (reminded.length > 0)
        logger.info({ referrals: reminded.length }, "mail: reminders queued");
      await sendDueMail(db, await transport, mail);
      await deleteOldMail(db, mail.retentionDays);
    } catch (error) {
      // The code only: a database error's detail may quote a row.
      logger.error({ code: (error as { code?: string }).code }, "mail job failed");
    } finally {
      running = false;
    }
  };
  void run();
  const timer = setInterval(() => void run(), mail.jobIntervalSeconds * 1000);
  timer.unref();
  return () => {
    clearInterval(timer);
    void transport.then((opened) => opened.close());
  };
}
