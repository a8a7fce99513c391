import { entityRowsWhereIn } from "../db/entity-rows.js";
import { type LoaderScope, manyByKey, oneByKey } from "../request/loaders.js";
import type { Location } from "../organization/location.entity.js";
import { Offering } from "./offering.entity.js";

/** The request's loaders of offerings and where they are given (see server/request/loaders.ts). */
export function offeringLoaders({ db }: LoaderScope) {
  return {
    offeringById: oneByKey(
      (ids) => entityRowsWhereIn(db, Offering, "id", ids),
      (o) => o.id,
    ),

    offeringsByOrganizationId: manyByKey(
      (ids) => entityRowsWhereIn(db, Offering, "organizationId", ids, { title: "ASC" }),
      (o) => o.organizationId,
    ),

    locationsByOfferingId: manyByKey(
      // Plain SQL: one location may serve several offerings of the batch.
      (ids): Promise<Array<Location & { offeringId: string }>> =>
        db.query(
          `SELECT link.offering_id AS "offeringId", l.id, l.organization_id AS "organizationId",
                  l.name, l.street, l.postcode, l.city, l.latitude, l.longitude,
                  l.gemeente_code AS "gemeenteCode"
             FROM offering_location link JOIN location l ON l.id = link.location_id
            WHERE link.offering_id = ANY($1)
            ORDER BY l.city, l.street`,
          [ids],
        ),
      (l) => l.offeringId,
    ),
  };
}

type OfferingLoaders = ReturnType<typeof offeringLoaders>;

declare module "../request/loaders.js" {
  interface Loaders extends OfferingLoaders {}
}
