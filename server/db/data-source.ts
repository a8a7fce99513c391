import { DataSource } from "typeorm";
import { migrations } from "../../migrations/index.js";
import { BoundedClient } from "./bounded-client.js";
import { sqlTraceLogger } from "./sql-trace.js";

/**
 * How long a request may wait for the database: a new connection opened within 3 s, its turn
 * for one of the pool's within 15 s (a request with many fields can take several at once, so at
 * a busy moment requests queue), a statement done within 5 s, a transaction left idle (a stuck
 * request) ended after 30 s (a server busy with many requests can keep a healthy transaction
 * waiting for seconds). A database that is down then fails a request quickly instead of letting
 * it hang. Those limits are kept by PostgreSQL;
 * a connection that stops answering altogether (a frozen network, a hung server) is given up
 * by the server itself 10 s after the longest statement a request may run (the statement
 * timeout, or a first search count: 20 s). Migrations and seeding run without these limits
 * (`requestTimeouts: false`): a long index build is not a stuck request.
 */
const statementTimeoutMs = Number(process.env.DATABASE_STATEMENT_TIMEOUT_MS ?? 5000);
export const requestTimeouts = {
  // Waiting for a connection of the pool, turn included: a busy moment is waited out.
  connectionTimeoutMillis: Number(process.env.DATABASE_POOL_WAIT_MS ?? 15_000),
  // Opening one: a database that does not answer is noticed quickly (bounded-client.ts).
  connectAttemptTimeoutMillis: Number(process.env.DATABASE_CONNECT_TIMEOUT_MS ?? 3000),
  statement_timeout: statementTimeoutMs,
  idle_in_transaction_session_timeout: 30_000,
  query_timeout: Number(
    process.env.DATABASE_QUERY_TIMEOUT_MS ?? Math.max(statementTimeoutMs, 20_000) + 10_000,
  ),
};

export interface DataSourceOptions {
  /** The entities of the domain modules (server/modules.ts): the database layer knows none. */
  entities: EntityList;
  requestTimeouts?: boolean;
  poolSize?: number;
  applicationName?: string;
}

type EntityList = NonNullable<ConstructorParameters<typeof DataSource>[0]["entities"]>;

export function createDataSource(url: string, options: DataSourceOptions): DataSource {
  return new DataSource({
    type: "postgres",
    url,
    entities: options.entities,
    migrations,
    // What the connections are for, in pg_stat_activity.
    applicationName: options.applicationName ?? "ketenkaart",
    // The schema is owned by the reviewed SQL migrations, never by the entities: no
    // synchronising, and no extensions TypeORM would install for the entities' column types.
    synchronize: false,
    installExtensions: false,
    migrationsRun: false,
    migrationsTransactionMode: "each",
    logger: sqlTraceLogger(),
    extra: {
      max: options.poolSize ?? Number(process.env.DATABASE_POOL_SIZE ?? 10),
      keepAlive: true,
      Client: BoundedClient,
      ...(options.requestTimeouts === false ? {} : requestTimeouts),
    },
  });
}

// All instances that start against one database take this lock before migrating or seeding,
// so a rolling deploy of several instances applies each migration once.
const startupLockKey = 7_252_024;

export async function withStartupLock<T>(
  dataSource: DataSource,
  work: () => Promise<T>,
): Promise<T> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query("SELECT pg_advisory_lock($1)", [startupLockKey]);
    return await work();
  } finally {
    await runner.query("SELECT pg_advisory_unlock($1)", [startupLockKey]).catch(() => undefined);
    await runner.release();
  }
}
