import { randomBytes } from "node:crypto";
import { type Queryable, returnedRows } from "../db/queryable.js";
import { queryPrepared } from "../db/prepared-statement.js";
import { bindViewerToScope, withAnyViewer } from "../db/request-scope.js";
import type { RequestCounting } from "../security/rate-limits.js";
import type { Viewer } from "../security/viewer.js";
import { sha256 } from "../security/digest.js";

export type { Viewer };

/**
 * A new session of the account. `secondFactorByIssuer`: it began at the organisation's own issuer
 * (single sign-on), whose login stands in for Ketenkaart's second factor.
 */
export async function createSession(
  db: Queryable,
  userId: string,
  ttlHours: number,
  secondFactorByIssuer = false,
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const [{ expiresAt }] = (await db.query(
    `INSERT INTO user_session (user_id, token_hash, expires_at, second_factor_by_issuer)
     VALUES ($1, $2, now() + make_interval(hours => $3), $4) RETURNING expires_at AS "expiresAt"`,
    [userId, sha256(token), ttlHours, secondFactorByIssuer],
  )) as [{ expiresAt: Date }];
  return { token, expiresAt };
}

/**
 * The viewer of a request's token; the request's database work is scoped to them from here on.
 * With `countRequest`, the same statement counts the request against the user's limit.
 */
export async function findViewer(
  db: Queryable,
  token: string,
  countRequest?: RequestCounting,
): Promise<Viewer | null> {
  const viewerSql = `SELECT s.id AS "sessionId", s.expires_at AS "sessionExpiresAt", u.id AS "userId",
              u.organization_id AS "organizationId", u.roles,
              (s.second_factor_by_issuer OR has_second_factor(u.id)) AS "hasSecondFactor"
         FROM user_session s JOIN app_user u ON u.id = s.user_id
        WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now()
          AND u.disabled_at IS NULL`;
  const rows = (await withAnyViewer(() =>
    queryPrepared(
      db,
      countRequest
        ? `WITH viewer AS (${viewerSql}), counted AS (${countRequest.sql("viewer", `"userId"`)})
           SELECT viewer.*, counted.points, counted."msLeft" FROM viewer, counted`
        : viewerSql,
      [sha256(token)],
    ),
  )) as Array<Viewer & { points?: number; msLeft?: number }>;
  const row = rows[0];
  if (!row) return null;
  const { points, msLeft, ...viewer } = row;
  bindViewerToScope(viewer);
  if (countRequest) countRequest.check({ points: points!, msLeft: msLeft! });
  return viewer;
}

/**
 * "Ingelogd blijven": the session lasts `ttlHours` from now, but never past `maxHours` after the
 * login, so a stolen or forgotten session cannot be kept alive forever. The token stays the same
 * (it never leaves the server again, and API clients keep working); only a valid session can be
 * extended, which the WHERE clause checks again in case it was revoked since the request began.
 */
export async function extendSession(
  db: Queryable,
  sessionId: string,
  ttlHours: number,
  maxHours: number,
): Promise<SessionTimes | null> {
  const rows = returnedRows<SessionTimes>(
    await db.query(
      `UPDATE user_session
        SET expires_at = greatest(expires_at, least(now() + make_interval(hours => $2),
                                                    created_at + make_interval(hours => $3)))
      WHERE id = $1 AND revoked_at IS NULL AND expires_at > now()
      RETURNING expires_at AS "expiresAt",
                created_at + make_interval(hours => $3) AS "renewableUntil"`,
      [sessionId, ttlHours, maxHours],
    ),
  );
  return rows[0] ?? null;
}

export interface SessionTimes {
  expiresAt: Date;
  /** Past this moment no extension helps: log in again. */
  renewableUntil: Date;
}

/** When the viewer's session ends, and how far it can still be extended. */
export async function sessionTimes(
  db: Queryable,
  sessionId: string,
  maxHours: number,
): Promise<SessionTimes | null> {
  const rows = (await db.query(
    `SELECT expires_at AS "expiresAt",
            created_at + make_interval(hours => $2) AS "renewableUntil"
       FROM user_session WHERE id = $1 AND revoked_at IS NULL AND expires_at > now()`,
    [sessionId, maxHours],
  )) as SessionTimes[];
  return rows[0] ?? null;
}

export async function revokeSession(db: Queryable, sessionId: string): Promise<void> {
  await db.query(
    "UPDATE user_session SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL",
    [sessionId],
  );
}
