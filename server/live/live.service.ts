import type { Queryable } from "../db/queryable.js";
import { changeChannel, type ChangeKind } from "./live-change.js";

// A NOTIFY payload must stay below 8000 bytes: 100 ids of 36 characters leave ample room.
const organizationsPerNotification = 100;

/**
 * Tells every instance that something changed for these organisations: the ones named and,
 * with `caseId`, every organisation on that case team. Call it inside the write's transaction:
 * PostgreSQL delivers a NOTIFY only when the transaction commits, so a write that is rolled back
 * announces nothing (and identical notifications of one transaction arrive once).
 */
export async function announceChange(
  manager: Queryable,
  kind: ChangeKind,
  to: { organizationIds?: string[]; caseId?: string },
): Promise<void> {
  await manager.query(
    `WITH affected AS (
       SELECT unnest($3::uuid[]) AS organization_id
       UNION
       SELECT organization_id FROM case_member WHERE case_id = $4::uuid
     ), numbered AS (
       SELECT organization_id, (row_number() OVER (ORDER BY organization_id) - 1) / $5 AS part
         FROM affected
     )
     SELECT pg_notify($1, json_build_object('kind', $2::text, 'organizationIds', array_agg(organization_id))::text)
       FROM numbered GROUP BY part`,
    [
      changeChannel,
      kind,
      to.organizationIds ?? [],
      to.caseId ?? null,
      organizationsPerNotification,
    ],
  );
}
