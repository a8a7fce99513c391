import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * An item read, created or changed several times within one request (a case on "mijn casussen"
 * and on the dashboard, a zorgoverleg behind each of its agreements) is logged once. Every entry
 * carries the request it was made in; a unique index per request, action and item lets the
 * logging statements skip an entry the request already wrote (ON CONFLICT DO NOTHING), also when
 * two of its statements run at once. Entries made outside a request (none today) keep a NULL
 * request and are never merged.
 */
export class AccessLogOncePerRequest1765300000002 implements MigrationInterface {
  name = "AccessLogOncePerRequest1765300000002";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE access_log ADD COLUMN request_id uuid;
      CREATE UNIQUE INDEX access_log_once_per_request_idx
        ON access_log (request_id, action, object_type, object_id) WHERE request_id IS NOT NULL;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP INDEX access_log_once_per_request_idx;
      ALTER TABLE access_log DROP COLUMN request_id;
    `);
  }
}
