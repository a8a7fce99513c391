import { entityRowsWhereIn } from "../db/entity-rows.js";
import { type LoaderScope, manyByKey, oneByKey } from "../request/loaders.js";
import { Location } from "./location.entity.js";
import { Organization } from "./organization.entity.js";

/** The request's loaders of organisations and their locations (see server/request/loaders.ts). */
export function organizationLoaders({ db }: LoaderScope) {
  return {
    organizationById: oneByKey(
      (ids) => entityRowsWhereIn(db, Organization, "id", ids),
      (o) => o.id,
    ),

    locationsByOrganizationId: manyByKey(
      (ids) =>
        entityRowsWhereIn(db, Location, "organizationId", ids, { city: "ASC", street: "ASC" }),
      (l) => l.organizationId,
    ),
  };
}

type OrganizationLoaders = ReturnType<typeof organizationLoaders>;

declare module "../request/loaders.js" {
  interface Loaders extends OrganizationLoaders {}
}
