import type { Viewer } from "../auth/session.service.js";
import type { Queryable } from "../common/queryable.js";
import { queryPrepared } from "../db/prepared-statement.js";

export type AccessAction = "READ" | "CREATE" | "UPDATE";
export type AccessObject =
  | "CLIENT"
  | "CASE"
  | "CONSENT"
  | "REFERRAL"
  | "ZORGOVERLEG"
  | "AGREEMENT"
  | "NAZORG_PLAN"
  | "NAZORG_CONTACT";

/**
 * Records one access to client data: who (user, organisation, roles), what, when and on what
 * basis. Written before the data is returned, so a failed log write fails the request. The
 * log lives in the database only; nothing of it goes to stdout.
 */
export async function logAccess(
  db: Queryable,
  viewer: Viewer,
  action: AccessAction,
  object: { type: AccessObject; id: string; clientId: string },
  basis: string,
): Promise<void> {
  await db.query(
    `INSERT INTO access_log (user_id, organization_id, roles, action, object_type, object_id, client_id, basis)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      viewer.userId,
      viewer.organizationId,
      viewer.roles,
      action,
      object.type,
      object.id,
      object.clientId,
      basis,
    ],
  );
}

/**
 * Runs the query `select` and logs reading each row it returns, in the same statement: the
 * log is written with the read (one statement is all or nothing) and a list page spends no
 * round trip of its own on it. `select` returns the object's id as "id" and its
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
  const basisOf = typeof basis === "string" ? `$${n + 5}` : `f.${basis.column}`;
  return (await queryPrepared(
    db,
    `WITH found AS (${select}),
     logged AS (
       INSERT INTO access_log (user_id, organization_id, roles, action, object_type, object_id, client_id, basis)
       SELECT $${n + 1}, $${n + 2}, $${n + 3}, 'READ', $${n + 4}, f."id", f.${object.clientId}, ${basisOf}
         FROM found f
     )
     SELECT * FROM found${orderBy ? ` ORDER BY ${orderBy}` : ""}`,
    [
      ...parameters,
      viewer.userId,
      viewer.organizationId,
      viewer.roles,
      object.type,
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
 * Logs reading each of `objects` in one statement: for a list that was read before it was
 * known to be shown (the dashboard reads its lists for their counts).
 */
export async function logReads(
  db: Queryable,
  viewer: Viewer,
  type: AccessObject,
  objects: ReadonlyArray<{ id: string; clientId: string }>,
  basis: string,
): Promise<void> {
  if (objects.length === 0) return;
  await db.query(
    `INSERT INTO access_log (user_id, organization_id, roles, action, object_type, object_id, client_id, basis)
     SELECT $1, $2, $3, 'READ', $4, o.id, o.client_id, $5
       FROM unnest($6::uuid[], $7::uuid[]) AS o (id, client_id)`,
    [
      viewer.userId,
      viewer.organizationId,
      viewer.roles,
      type,
      basis,
      objects.map((object) => object.id),
      objects.map((object) => object.clientId),
    ],
  );
}
