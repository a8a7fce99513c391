import { type FragmentType, getFragmentData, graphql } from "../gql";
import { formatPostcode } from "./format";

export const LocationListFragment = graphql(`
  fragment LocationList_location on Location {
    id
    name
    street
    postcode
    city
  }
`);

export function LocationList(props: {
  locations: Array<FragmentType<typeof LocationListFragment>>;
}) {
  const locations = getFragmentData(LocationListFragment, props.locations);
  if (locations.length === 0) return null;
  return (
    <>
      <h3 className="utrecht-heading-3">Locaties</h3>
      <ul className="utrecht-unordered-list kk-locations">
        {locations.map((location) => (
          <li key={location.id}>
            {location.name ? <strong>{location.name}: </strong> : null}
            {location.street}, {formatPostcode(location.postcode)} {location.city}
          </li>
        ))}
      </ul>
    </>
  );
}
