import type { Viewer } from "../security/viewer.js";
import type { Queryable } from "../db/queryable.js";
import { queryPrepared } from "../db/prepared-statement.js";
import { currentRequestId } from "../db/request-scope.js";

/**
 * What a write of client data logs. A read is logged by the statement that reads
 * (`selectLogged`), never by a statement of its own: what is logged is then exactly what was
 * read, all or nothing.
 */
export type WriteAction = "CREATE" | "UPDATE";
export type AccessObject =
  | "CLIENT"
  | "CASE"
  | "CONSENT"
  | "REFERRAL"
  | "ZORGOVERLEG"
  | "AGREEMENT"
  | "NAZORG_PLAN"
  | "NAZORG_CONTACT"
  /** The access log of a client itself: who looked at whom is client data too. */
  | "ACCESS_LOG";

// An item is logged once per request and action, however often the request reaches it: the
// unique index of migrations/1765300000002-AccessLogOncePerRequest.ts is the only one an entry
// can conflict with. No conflict target: naming one would make PostgreSQL check the new entry
// against the log's read policy, which a receiver closing a referral after its consent ended
// no longer passes.
const oncePerRequest = "ON CONFLICT DO NOTHING";

/**
 * Records one write of client data: who (user, organisation, roles), what, when and on what
 * basis, in the write's transaction. The log lives in the database only; nothing of it goes to
 * stdout.
 */
export async function logAccess(
  db: Queryable,
  viewer: Viewer,
  action: WriteAction,
  object: { type: AccessObject; id: string; clientId: string },
  basis: string,
): Promise<void> {
  await db.query(
    `INSERT INTO access_log (user_id, organization_id, roles, action, object_type, object_id, client_id,
       basis, request_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ${oncePerRequest}`,
    [
      viewer.userId,
      viewer.organizationId,
      viewer.roles,
      action,
      object.type,
      object.id,
      object.clientId,
      basis,
      currentRequestId(),
    ],
  );
}

/**
 * Runs the query `select` and logs reading each row it returns, in the same statement: the
 * log is written with the read (one statement is all or nothing), each item once per request,
 * and a list page spends no round trip of its own on it. `select` returns the object's id as "id" and its
 * client as `clientId` (a column of `select`); its parameters come first, the log's after them.
 * `basis` is that of every row, or a column of `select` that holds each row's own.
 */
export async function selectLogged<T>(
  db: Queryable,
  viewer: Viewer,
  object: { type: AccessObject; clientId: string },
  basis: string | { column: string },
  select: string,
  parameters: unknown[],
  orderBy?: string,
): Promise<T[]> {
  const n = parameters.length;
  const basisOf = typeof basis === "string" ? `$${n + 6}` : `f.${basis.column}`;
  return (await queryPrepared(
    db,
    `WITH found AS (${select}),
     logged AS (
       INSERT INTO access_log (user_id, organization_id, roles, action, object_type, object_id, client_id,
         basis, request_id)
       SELECT $${n + 1}, $${n + 2}, $${n + 3}, 'READ', $${n + 4}, f."id", f.${object.clientId}, ${basisOf},
              $${n + 5}::uuid
         FROM found f
       ${oncePerRequest}
     )
     SELECT * FROM found${orderBy ? ` ORDER BY ${orderBy}` : ""}`,
    [
      ...parameters,
      viewer.userId,
      viewer.organizationId,
      viewer.roles,
      object.type,
      currentRequestId(),
      ...(typeof basis === "string" ? [basis] : []),
    ],
  )) as T[];
}

/**
 * A `run` for `entityRowsWhereIn` over an entity of a case (one with a "caseId"): reads the
 * rows and logs reading each one in the same statement (`selectLogged`), for the client of its
 * case. `basis` is that of every row, or SQL over the row (`entity`) for a basis per row. The
 * join with the case loses the statement's order; `orderBy` (over properties) restores it.
 */
export function readLoggedByCase(
  db: Queryable,
  viewer: Viewer,
  type: AccessObject,
  basis: string | { sql: string },
  orderBy?: string,
): (sql: string, parameters: unknown[]) => Promise<unknown> {
  const ownBasis = typeof basis === "string" ? "" : `, ${basis.sql} AS "accessBasis"`;
  return (sql, parameters) =>
    selectLogged(
      db,
      viewer,
      { type, clientId: `"clientId"` },
      typeof basis === "string" ? basis : { column: `"accessBasis"` },
      `SELECT entity.*, c.client_id AS "clientId"${ownBasis}
         FROM (${sql}) entity JOIN care_case c ON c.id = entity."caseId"`,
      parameters,
      orderBy,
    );
}

/**
 * The access log of a client, newest first (at most 1000 entries), for a beheerder of its case
 * team. Who looked at whom is client data too: the statement that reads the log logs that
 * read (once per request), as every other read.
 */
export async function readClientAccessLog(db: Queryable, viewer: Viewer, clientId: string) {
  return db.query(
    `WITH found AS (
       SELECT a.id AS position, a.at, u.name AS "userName", o.name AS "organizationName", a.roles,
              a.action, a.object_type AS "objectType", a.object_id AS "objectId", a.basis
         FROM access_log a
         JOIN app_user u ON u.id = a.user_id
         JOIN organization o ON o.id = a.organization_id
        WHERE a.client_id = $1
        ORDER BY a.id DESC
        LIMIT 1000
     ), logged AS (
       INSERT INTO access_log (user_id, organization_id, roles, action, object_type, object_id, client_id,
         basis, request_id)
       VALUES ($2, $3, $4, 'READ', 'ACCESS_LOG', $1, $1, 'CASE_TEAM', $5)
       ${oncePerRequest}
     )
     SELECT * FROM found ORDER BY position DESC`,
    [clientId, viewer.userId, viewer.organizationId, viewer.roles, currentRequestId()],
  );
}
