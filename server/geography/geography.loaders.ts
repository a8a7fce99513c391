import DataLoader from "dataloader";
import { entityRowsWhereIn } from "../db/entity-rows.js";
import { type LoaderScope, manyByKey, oneByKey } from "../request/loaders.js";
import { Gemeente } from "./gemeente.entity.js";
import { PostcodeArea } from "./postcode-area.entity.js";
import { type GeoPoint, regionOutlines } from "./region-outline.js";
import { Region } from "./region.entity.js";

/** The request's loaders of regions, gemeenten and postcode areas (see server/request/loaders.ts). */
export function geographyLoaders({ db }: LoaderScope) {
  return {
    regionById: oneByKey(
      (ids) => entityRowsWhereIn(db, Region, "id", ids),
      (r) => r.id,
    ),

    regionOutlineById: new DataLoader<string, GeoPoint[]>(async (ids) => {
      const outlines = await regionOutlines(db, ids);
      return ids.map((id) => outlines.get(id) ?? []);
    }),

    gemeenteByCode: oneByKey(
      (codes) => entityRowsWhereIn(db, Gemeente, "code", codes),
      (g) => g.code,
    ),

    gemeentenByRegionId: manyByKey(
      (ids) => entityRowsWhereIn(db, Gemeente, "regionId", ids, { name: "ASC" }),
      (g) => g.regionId ?? "",
    ),

    postcodeAreasByGemeenteCode: manyByKey(
      (codes) => entityRowsWhereIn(db, PostcodeArea, "gemeenteCode", codes, { code: "ASC" }),
      (p) => p.gemeenteCode,
    ),
  };
}

type GeographyLoaders = ReturnType<typeof geographyLoaders>;

declare module "../request/loaders.js" {
  interface Loaders extends GeographyLoaders {}
}
