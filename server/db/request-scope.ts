import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import type { DataSource } from "typeorm";

/**
 * Who the database should see as the viewer of the work in progress. Row-level security
 * (migrations/1764600000000-RowLevelSecurity.ts) reads it from the connection's settings.
 *
 * Why this design: the services take a DataSource and run their reads on whatever pooled
 * connection TypeORM hands out, and their writes in `db.transaction`. Rather than thread a
 * per-request transaction through every service (a connection held for the whole request), the
 * scope of the request lives in AsyncLocalStorage and every connection is set to it at the
 * moment it is taken from the pool: `SET ROLE ketenkaart_app` plus the viewer's organisation and
 * roles. A connection serves one caller between taking and release, so the settings hold for
 * exactly that caller's queries or transaction. Code outside any scope gets the application
 * role without an organisation, which sees no case data at all: forgetting the scope fails
 * closed. The pool's login is a member of ketenkaart_app only (./application-login.ts), so
 * nothing run on it can become more than that role; the owner's work (startup and the
 * background jobs) runs on DataSources of its own.
 */
interface Scope {
  organizationId: string | null;
  roles: readonly string[];
  /** Any application-role connection will do, whichever viewer it was last set to. */
  anyViewer?: boolean;
  /** The request's id in the access log, made when it first logs (`currentRequestId`). */
  requestId?: string;
}

export const applicationRole = "ketenkaart_app";

const storage = new AsyncLocalStorage<Scope>();

/** Express middleware: everything after it in the request runs in a fresh, anonymous scope. */
export function requestScope(_req: Request, _res: Response, next: NextFunction): void {
  storage.run({ organizationId: null, roles: [] }, next);
}

/** What row-level security needs to know of a viewer. */
export interface ScopedViewer {
  organizationId: string;
  roles: readonly string[];
}

/** Binds the viewer found for this request to its scope; connections taken from now on see it. */
export function bindViewerToScope(viewer: ScopedViewer | null): void {
  const scope = storage.getStore();
  if (!scope || !viewer) return;
  scope.organizationId = viewer.organizationId;
  scope.roles = viewer.roles;
}

/**
 * The id of the request in progress, for the access log: the same for all its work, another
 * for every request; null outside a request (a background job).
 */
export function currentRequestId(): string | null {
  const scope = storage.getStore();
  if (!scope || scope.anyViewer) return null;
  return (scope.requestId ??= randomUUID());
}

/**
 * Runs `work`, which reads no table under row-level security (the session lookup), on a
 * connection as the application role with whatever viewer it was last set to. Resetting the
 * connection to the anonymous viewer for it, and back for the rest of the request, cost two
 * round trips per request.
 */
export function withAnyViewer<T>(work: () => Promise<T>): Promise<T> {
  return storage.run({ organizationId: null, roles: [], anyViewer: true }, work);
}

interface PooledClient {
  query(sql: string, parameters: unknown[]): Promise<unknown>;
  release(error?: Error | boolean): void;
}
type ConnectCallback = (
  error: Error | undefined,
  client?: PooledClient,
  release?: PooledClient["release"],
) => void;
interface Pool {
  connect(): Promise<PooledClient>;
  connect(callback: ConnectCallback): void;
}

/**
 * Makes every connection taken from the DataSource's pool carry the current scope: TypeORM's
 * queries and transactions, and anything else that takes a connection from that pool. The
 * settings are session-wide (not SET LOCAL) so that single queries outside a transaction are
 * covered too; they are rewritten whenever a connection changes hands to a different scope.
 */
export function scopeConnections(db: DataSource): void {
  const pool = (db.driver as unknown as { master: Pool }).master;
  const connect = pool.connect.bind(pool) as () => Promise<PooledClient>;
  const current = new WeakMap<PooledClient, string>();

  const scoped = async (scope: Scope): Promise<PooledClient> => {
    const settings = [applicationRole, scope.organizationId ?? "", scope.roles.join(",")];
    const key = settings.join("|");
    const client = await connect();
    const was = current.get(client);
    if (was === key || (scope.anyViewer && was?.startsWith(`${applicationRole}|`))) return client;
    try {
      current.delete(client);
      await client.query(
        `SELECT set_config('role', $1, false), set_config('ketenkaart.organization_id', $2, false),
                set_config('ketenkaart.roles', $3, false)`,
        settings,
      );
      current.set(client, key);
      return client;
    } catch (error) {
      client.release(error as Error);
      throw error;
    }
  };

  pool.connect = ((callback?: ConnectCallback) => {
    // Read the scope now: a caller waiting for a free connection may be resumed from another
    // request's asynchronous context.
    const taken = scoped(storage.getStore() ?? { organizationId: null, roles: [] });
    if (!callback) return taken;
    taken.then(
      (client) => callback(undefined, client, client.release.bind(client)),
      (error: Error) => callback(error),
    );
    return undefined;
  }) as Pool["connect"];
}
