import { Link } from "react-router";
import { type FragmentType, getFragmentData, graphql } from "../gql";
import { CapacityStatus, PaletteBadge, VerifiedStatus } from "../shared/badges";
import { formatDistance, formatList } from "../shared/format";
import { labelsOf, type TaxonomyLabels } from "../shared/taxonomy";

export const ResultCardFragment = graphql(`
  fragment ResultCard_offering on Offering {
    id
    title
    paletteLevel
    channels
    isStale
    lastVerifiedAt
    capacity {
      available
    }
    organization {
      id
      name
    }
  }
`);

/** One search result: what a worker needs to decide whether to open it. */
export function ResultCard(props: {
  offering: FragmentType<typeof ResultCardFragment>;
  distanceKm: number | null;
  nearSearched: boolean;
  labels: TaxonomyLabels | undefined;
}) {
  const offering = getFragmentData(ResultCardFragment, props.offering);
  return (
    <article className="kk-result">
      <h2 className="utrecht-heading-3 kk-result-title">
        <Link className="utrecht-link" to={`/aanbod/${offering.id}`}>
          {offering.title}
        </Link>
      </h2>
      <p className="utrecht-paragraph kk-result-organization">{offering.organization.name}</p>
      <ul className="kk-result-facts">
        {offering.paletteLevel ? (
          <li>
            <PaletteBadge
              level={offering.paletteLevel}
              label={props.labels?.paletteLevels[offering.paletteLevel]}
            />
          </li>
        ) : null}
        <li>
          <span className="kk-visually-hidden">Kanalen: </span>
          {formatList(labelsOf(offering.channels, props.labels?.channels))}
        </li>
        {props.nearSearched ? (
          <li>{props.distanceKm === null ? "In uw gemeente" : formatDistance(props.distanceKm)}</li>
        ) : null}
        {offering.capacity ? (
          <li>
            <CapacityStatus available={offering.capacity.available} />
          </li>
        ) : null}
      </ul>
      <p className="utrecht-paragraph kk-result-verified">
        <VerifiedStatus lastVerifiedAt={offering.lastVerifiedAt} isStale={offering.isStale} />
      </p>
    </article>
  );
}
