import type { EntityManager } from "typeorm";
import { logger } from "../logger.js";

/** Anything that can run a transaction: a DataSource or an EntityManager. */
export interface TransactionRunner {
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T>;
}

// PostgreSQL aborts one side of a deadlock (40P01) or of a serialization conflict (40001); the
// whole transaction can then simply run again. Anything else is the caller's to handle.
const retryableCodes = new Set(["40001", "40P01"]);
const maxAttempts = 3;

/** The SQLSTATE of a database error (TypeORM copies the driver's `code` onto its own error). */
export function sqlState(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

/**
 * Runs `work` in one transaction; when PostgreSQL aborts it for a deadlock or serialization
 * failure, runs it again (at most three attempts in all, after a short jittered pause so the
 * two sides do not collide again). `work` must only have effects inside the transaction.
 */
export async function inTransaction<T>(
  db: TransactionRunner,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(work);
    } catch (error) {
      const code = sqlState(error);
      if (!code || !retryableCodes.has(code) || attempt >= maxAttempts) throw error;
      logger.warn({ code, attempt }, "transaction aborted by the database; retrying");
      await new Promise((resolve) => setTimeout(resolve, 10 * attempt + Math.random() * 40));
    }
  }
}
