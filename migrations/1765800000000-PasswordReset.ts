import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * "Wachtwoord vergeten": a single-use link by e-mail to choose a new password, kept as a hash
 * like an invitation's, and its steps in the security log.
 */
export class PasswordReset1765800000000 implements MigrationInterface {
  name = "PasswordReset1765800000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE account_link DROP CONSTRAINT account_link_purpose_check;
      ALTER TABLE account_link ADD CONSTRAINT account_link_purpose_check
        CHECK (purpose IN ('INVITATION', 'PASSWORD_RESET'));

      ALTER TABLE mail_outbox DROP CONSTRAINT mail_outbox_kind_check;
      ALTER TABLE mail_outbox ADD CONSTRAINT mail_outbox_kind_check CHECK (kind IN
        ('NEW_REFERRAL', 'RESPONSE_OVERDUE', 'RESPONSE_OVERDUE_SENDER', 'INVITATION',
         'PASSWORD_RESET'));

      ALTER TABLE security_event DROP CONSTRAINT security_event_kind_check;
      ALTER TABLE security_event ADD CONSTRAINT security_event_kind_check CHECK (kind IN
        ('LOGIN', 'LOGIN_FAILED', 'INVITED', 'INVITATION_RESENT', 'INVITATION_REVOKED',
         'INVITATION_ACCEPTED', 'ROLES_CHANGED', 'DISABLED', 'ENABLED', 'PASSWORD_CHANGED',
         'SESSION_ENDED', 'PASSWORD_RESET_REQUESTED', 'PASSWORD_RESET'));
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DELETE FROM security_event WHERE kind IN ('PASSWORD_RESET_REQUESTED', 'PASSWORD_RESET');
      ALTER TABLE security_event DROP CONSTRAINT security_event_kind_check;
      ALTER TABLE security_event ADD CONSTRAINT security_event_kind_check CHECK (kind IN
        ('LOGIN', 'LOGIN_FAILED', 'INVITED', 'INVITATION_RESENT', 'INVITATION_REVOKED',
         'INVITATION_ACCEPTED', 'ROLES_CHANGED', 'DISABLED', 'ENABLED', 'PASSWORD_CHANGED',
         'SESSION_ENDED'));
      DELETE FROM mail_outbox WHERE kind = 'PASSWORD_RESET';
      ALTER TABLE mail_outbox DROP CONSTRAINT mail_outbox_kind_check;
      ALTER TABLE mail_outbox ADD CONSTRAINT mail_outbox_kind_check CHECK (kind IN
        ('NEW_REFERRAL', 'RESPONSE_OVERDUE', 'RESPONSE_OVERDUE_SENDER', 'INVITATION'));
      DELETE FROM account_link WHERE purpose = 'PASSWORD_RESET';
      ALTER TABLE account_link DROP CONSTRAINT account_link_purpose_check;
      ALTER TABLE account_link ADD CONSTRAINT account_link_purpose_check
        CHECK (purpose IN ('INVITATION'));
    `);
  }
}
