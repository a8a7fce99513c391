import type { OfferingSearchInput } from "../gql/graphql";

/** The filters that are lists of values, with their Dutch URL parameter names. */
export const listParameters = {
  gemeenten: "gemeente",
  modules: "module",
  phases: "fase",
  paletteLevels: "palet",
  lifeDomains: "levensgebied",
  targetGroups: "doelgroep",
  channels: "kanaal",
  deliveredBy: "door",
} as const satisfies Partial<Record<keyof OfferingSearchInput, string>>;

export type ListFilter = keyof typeof listParameters;

/**
 * The whole search lives in the URL (Dutch parameter names), so a search can be shared and the
 * back button works. Empty values are left out both ways.
 */
export function searchFromParams(params: URLSearchParams): OfferingSearchInput {
  const search: OfferingSearchInput = {};
  const text = params.get("q")?.trim();
  if (text) search.text = text;
  const postcode = params.get("postcode")?.trim();
  if (postcode) search.near = postcode;
  const distance = Number(params.get("afstand"));
  if (postcode && Number.isFinite(distance) && distance > 0) search.maxDistanceKm = distance;
  for (const [field, name] of Object.entries(listParameters) as Array<[ListFilter, string]>) {
    const values = params.getAll(name).filter(Boolean);
    if (values.length > 0) (search as Record<ListFilter, string[]>)[field] = values;
  }
  if (params.get("vrij") === "1") search.withCapacityOnly = true;
  return search;
}

export function paramsFromSearch(search: OfferingSearchInput): URLSearchParams {
  const params = new URLSearchParams();
  if (search.text) params.set("q", search.text);
  if (search.near) params.set("postcode", search.near);
  if (search.near && search.maxDistanceKm) params.set("afstand", String(search.maxDistanceKm));
  for (const [field, name] of Object.entries(listParameters) as Array<[ListFilter, string]>) {
    for (const value of (search[field] as string[] | null | undefined) ?? [])
      params.append(name, value);
  }
  if (search.withCapacityOnly) params.set("vrij", "1");
  return params;
}

/** The search with one value of a list filter switched on or off. */
export function toggleValue(
  search: OfferingSearchInput,
  field: ListFilter,
  value: string,
): OfferingSearchInput {
  const current = (search[field] as string[] | null | undefined) ?? [];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  return { ...search, [field]: next.length > 0 ? next : undefined };
}

export function hasFilters(search: OfferingSearchInput): boolean {
  return (
    Object.keys(listParameters).some(
      (field) => ((search[field as ListFilter] as string[] | undefined)?.length ?? 0) > 0,
    ) || Boolean(search.withCapacityOnly)
  );
}
