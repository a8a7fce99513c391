import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Every instance hears at once when a user's session ends (logout, a session ended from the
 * list, a password change or reset) or their account is disabled, so it can close that user's
 * open WebSockets rather than wait for the next event. Triggers, so that no code path that
 * ends a session can forget it; PostgreSQL sends the notice only when the transaction commits,
 * and identical notices of one transaction once.
 */
export class SessionEndNotices1766000000000 implements MigrationInterface {
  name = "SessionEndNotices1766000000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION announce_session_end() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- The argument names the column that holds the user's id.
        PERFORM pg_notify('ketenkaart_sessions',
          json_build_object('userId', to_jsonb(NEW) ->> TG_ARGV[0])::text);
        RETURN NULL;
      END $$;

      CREATE TRIGGER user_session_ended AFTER UPDATE OF revoked_at ON user_session
        FOR EACH ROW WHEN (OLD.revoked_at IS NULL AND NEW.revoked_at IS NOT NULL)
        EXECUTE FUNCTION announce_session_end('user_id');

      CREATE TRIGGER app_user_disabled AFTER UPDATE OF disabled_at ON app_user
        FOR EACH ROW WHEN (OLD.disabled_at IS NULL AND NEW.disabled_at IS NOT NULL)
        EXECUTE FUNCTION announce_session_end('id');
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TRIGGER app_user_disabled ON app_user;
      DROP TRIGGER user_session_ended ON user_session;
      DROP FUNCTION announce_session_end();
    `);
  }
}
