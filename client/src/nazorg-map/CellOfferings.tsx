import { useQuery } from "@apollo/client/react";
import { Link } from "react-router";
import { graphql } from "../gql";
import type { PaletteLevel } from "../gql/graphql";
import { DownloadLink } from "../shared/DownloadLink";
import { graphqlFilter, type MapFilter, offeringsCsvUrl } from "./mapParams";

// The public search with the map's filters plus the cell's gemeente and level: the very same
// offerings the cell counts.
const CellOfferingsQuery = graphql(`
  query CellOfferings($search: OfferingSearchInput) {
    offerings(search: $search, first: 100) {
      totalCount
      edges {
        node {
          id
          title
          isStale
          capacity {
            available
          }
          organization {
            name
          }
        }
      }
    }
  }
`);

/** The offerings behind one cell of the map, or the words that it is a gap. */
export function CellOfferings(props: {
  filter: MapFilter;
  gemeente: { code: string; name: string };
  paletteLevel: string;
  levelLabel: string;
}) {
  const { filter, gemeente, paletteLevel } = props;
  const { data, loading, error } = useQuery(CellOfferingsQuery, {
    variables: {
      search: {
        ...graphqlFilter(filter),
        gemeenten: [gemeente.code],
        paletteLevels: [paletteLevel as PaletteLevel],
      },
    },
  });
  const offerings = data?.offerings.edges.map((edge) => edge.node) ?? [];

  return (
    <section className="kk-cell-offerings" aria-labelledby="cel-aanbod" aria-live="polite">
      <h2 id="cel-aanbod" className="utrecht-heading-2">
        {paletteLevel} in {gemeente.name}
      </h2>
      <p className="utrecht-paragraph">{props.levelLabel}</p>
      {loading && !data ? (
        <p className="utrecht-paragraph" role="status">
          Bezig met laden…
        </p>
      ) : error ? (
        <p className="utrecht-paragraph" role="alert">
          Het aanbod kon niet worden geladen. Probeer het later opnieuw.
        </p>
      ) : offerings.length === 0 ? (
        <p className="utrecht-paragraph kk-gap-note">
          <strong>Witte vlek:</strong> in {gemeente.name} is geen actief aanbod op dit niveau
          {Object.keys(graphqlFilter(filter)).length > 0 ? " met deze filters" : ""}.
        </p>
      ) : (
        <ul className="utrecht-unordered-list">
          {offerings.map((offering) => (
            <li key={offering.id}>
              <Link className="utrecht-link" to={`/aanbod/${offering.id}`}>
                {offering.title}
              </Link>{" "}
              — {offering.organization.name}
              {offering.capacity ? `, ${offering.capacity.available} vrije plekken` : ""}
              {offering.isStale ? ", langer dan zes maanden niet gecontroleerd" : ""}
            </li>
          ))}
        </ul>
      )}
      {data && data.offerings.totalCount > offerings.length ? (
        <p className="utrecht-paragraph">
          En nog {data.offerings.totalCount - offerings.length} aanbod: zie de CSV.
        </p>
      ) : null}
      <DownloadLink
        className="utrecht-link"
        href={offeringsCsvUrl(filter, { gemeente: gemeente.code, paletteLevel })}
      >
        Download dit aanbod als CSV
      </DownloadLink>
    </section>
  );
}
