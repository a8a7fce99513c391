import { Role } from "../security/viewer.js";
import type { Viewer } from "../security/viewer.js";
import { ForbiddenError } from "../common/errors.js";
import type { Queryable } from "../db/queryable.js";

// Network agreements are maintained by the region's administrators and by coordinators, who map
// local nazorg. A region administrator may do so for any gemeente; a coordinator for the
// gemeenten their own organisation works in, so one coordinator cannot rewrite another
// region's agreements.

/** The roles that may maintain network agreements at all (for `@Authorized`). */
export const networkAgreementMaintainers = [Role.REGIO_BEHEERDER, Role.COORDINATOR];

export async function assertMayMaintainAgreementsIn(
  db: Queryable,
  viewer: Viewer,
  gemeenteCodes: string[],
): Promise<void> {
  if (viewer.roles.includes(Role.REGIO_BEHEERDER)) return;
  if (viewer.roles.includes(Role.COORDINATOR)) {
    const [{ served }] = (await db.query(
      "SELECT gemeente_codes @> $2::text[] AS served FROM organization WHERE id = $1",
      [viewer.organizationId, gemeenteCodes],
    )) as [{ served: boolean }];
    if (served) return;
    throw new ForbiddenError(
      "Als coördinator legt u alleen afspraken vast voor gemeenten waar uw organisatie werkt.",
    );
  }
  throw new ForbiddenError(
    "Alleen een regiobeheerder of coördinator kan samenwerkingsafspraken vastleggen.",
  );
}
