import type { EntityManager } from "typeorm";
import { database } from "./factories.js";

/**
 * Works as the application role with the given organisation as the viewer, the way the server's
 * connections are set up (server/db/request-scope.ts), in a transaction of the owner's
 * connection that commits when `work` succeeds: what row-level security lets the server do when
 * a check in code is missing.
 */
export async function asApplication<T>(
  organizationId: string | null,
  work: (manager: EntityManager) => Promise<T>,
  roles: string[] = ["MEDEWERKER"],
): Promise<T> {
  const db = await database();
  return db.transaction(async (manager) => {
    await manager.query("SET LOCAL ROLE ketenkaart_app");
    await manager.query(
      `SELECT set_config('ketenkaart.organization_id', $1, true),
              set_config('ketenkaart.roles', $2, true)`,
      [organizationId ?? "", roles.join(",")],
    );
    return work(manager);
  });
}
