import type { DeliveredBy, NazorgMapFilter, Phase, TargetGroup } from "../gql/graphql";

/** The map's filters as they stand in the address bar and in the CSV links. */
export interface MapFilter {
  targetGroups: TargetGroup[];
  deliveredBy: DeliveredBy[];
  phases: Phase[];
}

export const filterFields = ["targetGroups", "deliveredBy", "phases"] as const;

export function filterFromParams(params: URLSearchParams): MapFilter {
  return {
    targetGroups: params.getAll("targetGroups") as TargetGroup[],
    deliveredBy: params.getAll("deliveredBy") as DeliveredBy[],
    phases: params.getAll("phases") as Phase[],
  };
}

/** The filters a form submits, each checkbox group under its field's name. */
export function filterFromForm(form: FormData): MapFilter {
  const params = new URLSearchParams();
  for (const field of filterFields)
    for (const value of form.getAll(field)) params.append(field, String(value));
  return filterFromParams(params);
}

/** Repeated parameters, the form both the page and the CSV routes read. */
export function paramsFromFilter(filter: MapFilter, extra: Record<string, string> = {}) {
  const params = new URLSearchParams(extra);
  for (const field of filterFields) for (const value of filter[field]) params.append(field, value);
  return params;
}

/** The GraphQL filter: empty lists left out, so "no filter" means everything. */
export function graphqlFilter(filter: MapFilter): NazorgMapFilter {
  return Object.fromEntries(
    filterFields.filter((field) => filter[field].length > 0).map((f) => [f, filter[f]]),
  );
}

export function matrixCsvUrl(filter: MapFilter, regionId: string): string {
  return `/export/nazorgkaart.csv?${paramsFromFilter(filter, { regionId }).toString()}`;
}

export function offeringsCsvUrl(
  filter: MapFilter,
  cell: { gemeente: string; paletteLevel: string },
): string {
  const extra = { gemeente: cell.gemeente, paletteLevel: cell.paletteLevel };
  return `/export/aanbod.csv?${paramsFromFilter(filter, extra).toString()}`;
}

/** "33 %": whole percentages are enough on screen; the CSV keeps one decimal. */
export function formatShare(share: number | null | undefined): string {
  return share === null || share === undefined ? "–" : `${Math.round(share * 100)} %`;
}
