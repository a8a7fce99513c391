import { CombinedGraphQLErrors } from "@apollo/client";
import { useQuery } from "@apollo/client/react";
import { type FormEvent, useMemo, useState } from "react";
import { useSearchParams } from "react-router";
import { graphql } from "../gql";
import type { OfferingSearchInput } from "../gql/graphql";
import { type FormProblem, ProblemArea } from "../shared/form";
import { SelectField, TextField } from "../shared/fields";
import { normalizePostcode } from "../shared/format";
import { PlacesMap } from "../map/PlacesMap";
import { placesOf } from "../map/places";
import { useTaxonomyLabels } from "../shared/taxonomy";
import { useDocumentTitle } from "../shared/useDocumentTitle";
import { FilterGroup, type FilterOption } from "./FilterGroup";
import { ResultCard } from "./ResultCard";
import {
  hasFilters,
  type ListFilter,
  paramsFromSearch,
  searchFromParams,
  toggleValue,
} from "./searchParams";

const SearchOfferingsQuery = graphql(`
  query SearchOfferings($search: OfferingSearchInput, $first: Int, $after: String) {
    offerings(search: $search, first: $first, after: $after) {
      totalCount
      edges {
        cursor
        distanceKm
        node {
          id
          title
          locations {
            id
            name
            street
            city
            latitude
            longitude
          }
          ...ResultCard_offering
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      facets {
        field
        values {
          value
          label
          count
        }
      }
    }
  }
`);

const pageSize = 20;

/** The filters in display order: facet field, its input field and its legend. */
const filters: Array<{ facet: string; input: ListFilter; legend: string }> = [
  { facet: "gemeenten", input: "gemeenten", legend: "Gemeente" },
  { facet: "paletteLevel", input: "paletteLevels", legend: "Palet van nazorg" },
  { facet: "module", input: "modules", legend: "Dienstverlening" },
  { facet: "phases", input: "phases", legend: "Fase" },
  { facet: "lifeDomains", input: "lifeDomains", legend: "Levensgebied" },
  { facet: "targetGroups", input: "targetGroups", legend: "Doelgroep" },
  { facet: "channels", input: "channels", legend: "Kanaal" },
  { facet: "deliveredBy", input: "deliveredBy", legend: "Uitgevoerd door" },
];

const distances = [2, 5, 10, 25];

export function SearchPage() {
  const [params, setParams] = useSearchParams();
  const search = searchFromParams(params);
  const labels = useTaxonomyLabels();
  useDocumentTitle(search.text ? `Zoeken naar ${search.text}` : "Zoeken in het aanbod");

  const { data, previousData, loading, error, fetchMore } = useQuery(SearchOfferingsQuery, {
    variables: { search, first: pageSize },
    notifyOnNetworkStatusChange: true,
  });
  const [loadingMore, setLoadingMore] = useState(false);
  const connection = (data ?? previousData)?.offerings;

  // A refused search term or postcode goes to the form's error summary; anything else is a
  // failed search, said in the results.
  const problem = useMemo(() => searchProblem(error), [error]);
  const generalError = error && !problem;

  const update = (next: OfferingSearchInput) => setParams(paramsFromSearch(next));

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const postcode = normalizePostcode(String(form.get("postcode") ?? ""));
    const distance = Number(form.get("afstand"));
    update({
      ...search,
      text: String(form.get("q") ?? "").trim() || undefined,
      near: postcode || undefined,
      maxDistanceKm: postcode && distance > 0 ? distance : undefined,
    });
  };

  const loadMore = async () => {
    if (!connection?.pageInfo.endCursor) return;
    setLoadingMore(true);
    try {
      await fetchMore({ variables: { after: connection.pageInfo.endCursor } });
    } finally {
      setLoadingMore(false);
    }
  };

  const facetOptions = (facetField: string): FilterOption[] => {
    const facet = connection?.facets.find((f) => f.field === facetField);
    if (!facet) return [];
    if (facetField !== "paletteLevel") return facet.values;
    // The palette reads from passive to active; label each part once.
    return facet.values.map((value, index) => {
      const mode = value.value.startsWith("P") ? "Passieve nazorg" : "Actieve nazorg";
      const previous = facet.values[index - 1];
      const previousMode =
        previous && (previous.value.startsWith("P") ? "Passieve nazorg" : "Actieve nazorg");
      return {
        ...value,
        label: `${value.value} · ${value.label}`,
        groupLabel: mode !== previousMode ? mode : undefined,
      };
    });
  };

  return (
    <div className="kk-search">
      <h1 className="utrecht-heading-1">Zoek aanbod voor schuldhulp en nazorg</h1>
      <ProblemArea problem={problem}>
        <form className="kk-search-form" role="search" onSubmit={onSubmit} key={params.toString()}>
          <div className="kk-field-text">
            <TextField
              id="zoek-tekst"
              name="q"
              path="text"
              label="Zoek in het aanbod"
              type="search"
              defaultValue={search.text ?? ""}
              maxLength={200}
            />
          </div>
          <div className="kk-field-postcode">
            <TextField
              id="zoek-postcode"
              name="postcode"
              path="near"
              label="Postcode"
              description="Bijvoorbeeld 6811 of 6811 AB"
              defaultValue={search.near ?? ""}
              autoComplete="postal-code"
              maxLength={8}
            />
          </div>
          <div className="kk-field-distance">
            <SelectField
              id="zoek-afstand"
              name="afstand"
              path="maxDistanceKm"
              label="Maximale afstand"
              empty="Geen maximum"
              defaultValue={search.maxDistanceKm ? String(search.maxDistanceKm) : ""}
              options={distances.map((km) => [String(km), `${km} km`])}
            />
          </div>
          <button type="submit" className="utrecht-button utrecht-button--primary-action kk-submit">
            Zoeken
          </button>
        </form>
      </ProblemArea>

      <div className="kk-search-layout">
        <aside className="kk-filters" aria-label="Filters">
          <h2 className="utrecht-heading-2">Filters</h2>
          <div className="utrecht-form-field utrecht-form-field--checkbox kk-filter-option">
            <input
              id="alleen-vrij"
              type="checkbox"
              className="utrecht-checkbox utrecht-checkbox--html-input"
              checked={Boolean(search.withCapacityOnly)}
              onChange={(event) =>
                update({ ...search, withCapacityOnly: event.target.checked || undefined })
              }
            />
            <label
              htmlFor="alleen-vrij"
              className="utrecht-form-label utrecht-form-label--checkbox"
            >
              Alleen met vrije plekken
            </label>
          </div>
          {hasFilters(search) ? (
            <button
              type="button"
              className="utrecht-button utrecht-button--subtle kk-clear"
              onClick={() =>
                update({
                  text: search.text,
                  near: search.near,
                  maxDistanceKm: search.maxDistanceKm,
                })
              }
            >
              Wis alle filters
            </button>
          ) : null}
          {filters.map((filter) => (
            <FilterGroup
              key={filter.facet}
              legend={filter.legend}
              options={facetOptions(filter.facet)}
              selected={(search[filter.input] as string[] | null | undefined) ?? []}
              onToggle={(value) => update(toggleValue(search, filter.input, value))}
            />
          ))}
        </aside>

        <section className="kk-results" aria-labelledby="resultaten-kop">
          <h2 id="resultaten-kop" className="utrecht-heading-2">
            Resultaten
          </h2>
          <p className="utrecht-paragraph kk-result-count" role="status" aria-live="polite">
            {loading && !loadingMore
              ? "Zoeken…"
              : connection
                ? `${connection.totalCount} ${connection.totalCount === 1 ? "resultaat" : "resultaten"}`
                : ""}
          </p>
          {generalError ? (
            <div className="utrecht-alert utrecht-alert--error" role="alert">
              <p className="utrecht-paragraph">
                Het zoeken is niet gelukt. Controleer uw verbinding en probeer het opnieuw.
              </p>
            </div>
          ) : null}
          {connection && !error && connection.totalCount === 0 ? (
            <div className="kk-empty">
              <p className="utrecht-paragraph">
                <strong>Geen aanbod gevonden.</strong>
              </p>
              <p className="utrecht-paragraph">
                Probeer minder of andere woorden, een grotere afstand, of zet filters uit.
              </p>
            </div>
          ) : null}
          {connection && !error && connection.totalCount > 0 ? (
            <PlacesMap
              label="Kaart met de locaties van de resultaten"
              places={placesOf(connection.edges.map((edge) => edge.node))}
              skipTo="resultaten-lijst"
            />
          ) : null}
          {connection && !error ? (
            <ol className="kk-result-list" id="resultaten-lijst">
              {connection.edges.map((edge) => (
                <li key={edge.node.id}>
                  <ResultCard
                    offering={edge.node}
                    distanceKm={edge.distanceKm ?? null}
                    nearSearched={Boolean(search.near)}
                    labels={labels}
                  />
                </li>
              ))}
            </ol>
          ) : null}
          {connection?.pageInfo.hasNextPage && !error ? (
            <button
              type="button"
              className="utrecht-button utrecht-button--secondary-action"
              onClick={loadMore}
              disabled={loadingMore}
              aria-busy={loadingMore}
            >
              {loadingMore ? "Bezig met laden…" : "Meer laden"}
            </button>
          ) : null}
        </section>
      </div>
    </div>
  );
}

/** The first refusal that names a field of the search, for the form's error summary. */
function searchProblem(error: unknown): FormProblem | null {
  if (!CombinedGraphQLErrors.is(error)) return null;
  const named = error.errors.find(
    (graphQLError) =>
      graphQLError.extensions?.code === "BAD_USER_INPUT" &&
      typeof graphQLError.extensions.field === "string",
  );
  if (!named) return null;
  const { field, fieldPath } = named.extensions ?? {};
  return {
    message: named.message,
    field: typeof field === "string" ? field : null,
    fieldPath: typeof fieldPath === "string" ? fieldPath : null,
  };
}
