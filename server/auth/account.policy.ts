import type { EntityManager } from "typeorm";
import { ConflictError, ForbiddenError, NotFoundError } from "../common/errors.js";
import { Role } from "./role.js";
import type { Viewer } from "./session.service.js";

// ── Who may manage which accounts ────────────────────────────────────────────────────────────

/** A beheerder manages the accounts of their own organisation; the regiobeheerder any. */
export function mayManageAccountsOf(viewer: Viewer, organizationId: string): boolean {
  return (
    viewer.roles.includes(Role.REGIO_BEHEERDER) ||
    (viewer.organizationId === organizationId && viewer.roles.includes(Role.BEHEERDER))
  );
}

export function assertManages(viewer: Viewer, organizationId: string): void {
  if (!mayManageAccountsOf(viewer, organizationId)) {
    throw new ForbiddenError("U kunt alleen de accounts van uw eigen organisatie beheren.");
  }
}

/** Nobody grants more than they hold: the regiobeheerder's role only a regiobeheerder gives. */
export function assertGrantable(viewer: Viewer, roles: Role[]): void {
  if (roles.includes(Role.REGIO_BEHEERDER) && !viewer.roles.includes(Role.REGIO_BEHEERDER)) {
    throw new ForbiddenError("Alleen een regiobeheerder kan iemand regiobeheerder maken.");
  }
}

interface AccountRow {
  id: string;
  organizationId: string;
  roles: Role[];
  disabled: boolean;
  invited: boolean;
}

/** The account, locked for the change, with every active beheerder of its organisation. */
export async function lockedAccount(manager: EntityManager, viewer: Viewer, userId: string) {
  const rows = (await manager.query(
    `SELECT id, organization_id AS "organizationId", roles, disabled_at IS NOT NULL AS disabled,
            password_hash IS NULL
              AND NOT EXISTS (SELECT 1 FROM sso_identity i WHERE i.user_id = app_user.id) AS invited
       FROM app_user
      WHERE organization_id = (SELECT organization_id FROM app_user WHERE id = $1)
      ORDER BY id
        FOR UPDATE`,
    [userId],
  )) as AccountRow[];
  const account = rows.find((row) => row.id === userId);
  if (!account) throw new NotFoundError("Dit account bestaat niet.");
  assertManages(viewer, account.organizationId);
  const activeBeheerders = rows.filter(
    (row) => !row.disabled && !row.invited && row.roles.includes(Role.BEHEERDER),
  );
  return { account, activeBeheerders };
}

export function assertNotLastBeheerder(
  account: AccountRow,
  activeBeheerders: AccountRow[],
  remains: boolean,
): void {
  const isActiveBeheerder = activeBeheerders.some((row) => row.id === account.id);
  if (isActiveBeheerder && !remains && activeBeheerders.length === 1) {
    throw new ConflictError(
      "Dit is de laatste actieve beheerder van de organisatie. Maak eerst iemand anders beheerder.",
    );
  }
}
