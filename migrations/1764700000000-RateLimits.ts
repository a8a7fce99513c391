import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Rate limit counters (login failures per account and per IP, requests per user), shared by
 * every instance through the database. The shape is the one rate-limiter-flexible's PostgreSQL
 * store reads and writes: a key, the points used and when the window ends (ms since epoch).
 */
export class RateLimits1764700000000 implements MigrationInterface {
  name = "RateLimits1764700000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE rate_limit (
        key varchar(255) PRIMARY KEY,
        points integer NOT NULL DEFAULT 0 CHECK (points >= 0),
        expire bigint
      );
      CREATE INDEX rate_limit_expire ON rate_limit (expire);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE rate_limit`);
  }
}
