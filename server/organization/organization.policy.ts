import type { Viewer } from "../security/viewer.js";
import { Role } from "../security/viewer.js";
import { ForbiddenError } from "../common/errors.js";

// Partners keep their own entries on the sociale kaart actual; the region's administrator may
// correct any of them.

export function mayEditOfferingsOf(viewer: Viewer, organizationId: string): boolean {
  return viewer.roles.includes(Role.REGIO_BEHEERDER) || viewer.organizationId === organizationId;
}

export function mayEditOrganization(viewer: Viewer, organizationId: string): boolean {
  return (
    viewer.roles.includes(Role.REGIO_BEHEERDER) ||
    (viewer.organizationId === organizationId && viewer.roles.includes(Role.BEHEERDER))
  );
}

export function assertAllowed(allowed: boolean): void {
  if (!allowed) {
    throw new ForbiddenError("U kunt alleen de gegevens van uw eigen organisatie wijzigen.");
  }
}
