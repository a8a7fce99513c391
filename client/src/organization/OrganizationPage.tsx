import { useQuery } from "@apollo/client/react";
import { Link, useParams } from "react-router";
import { graphql } from "../gql";
import { ContactPointDetails, Item } from "../shared/ContactPoint";
import { formatList } from "../shared/format";
import { useTaxonomyLabels } from "../shared/taxonomy";
import { useDocumentTitle } from "../shared/useDocumentTitle";
import { ResultCard } from "../search/ResultCard";

const OrganizationPageQuery = graphql(`
  query OrganizationPage($id: ID!) {
    organization(id: $id) {
      id
      name
      kind
      description
      nvvkMember
      coordinator {
        name
        phone
        email
      }
      gemeenten {
        code
        name
      }
      locations {
        id
        name
        street
        postcode
        city
      }
      offerings {
        id
        status
        ...ResultCard_offering
      }
      ...ContactPoint_organization
    }
  }
`);

export function OrganizationPage() {
  const { id = "" } = useParams();
  const { data, loading, error } = useQuery(OrganizationPageQuery, { variables: { id } });
  const labels = useTaxonomyLabels();
  const organization = data?.organization;
  useDocumentTitle(organization?.name ?? (data ? "Organisatie niet gevonden" : undefined));

  if (loading)
    return (
      <p className="utrecht-paragraph" role="status">
        Bezig met laden…
      </p>
    );
  if (error) {
    return (
      <div className="utrecht-alert utrecht-alert--error" role="alert">
        <h1 className="utrecht-heading-1">Er ging iets mis</h1>
        <p className="utrecht-paragraph">
          De organisatie kon niet worden geladen. Probeer het later opnieuw.
        </p>
      </div>
    );
  }
  if (!organization) {
    return (
      <>
        <h1 className="utrecht-heading-1">Organisatie niet gevonden</h1>
        <p className="utrecht-paragraph">
          Deze organisatie bestaat niet (meer). <Link to="/">Zoek in het aanbod</Link>.
        </p>
      </>
    );
  }

  const active = organization.offerings.filter((o) => o.status === "ACTIVE");
  const inactive = organization.offerings.filter((o) => o.status !== "ACTIVE");

  return (
    <div className="kk-detail">
      <p className="utrecht-paragraph kk-breadcrumb">
        <Link className="utrecht-link" to="/">
          Sociale kaart
        </Link>
      </p>
      <h1 className="utrecht-heading-1">{organization.name}</h1>
      <p className="utrecht-paragraph kk-lead">
        {labels?.organizationKinds[organization.kind] ?? organization.kind}
        {organization.nvvkMember ? " · Lid van de NVVK" : ""}
      </p>
      {organization.description ? (
        <p className="utrecht-paragraph">{organization.description}</p>
      ) : null}

      <div className="kk-detail-columns">
        <section aria-labelledby="loket">
          <h2 id="loket" className="utrecht-heading-2">
            Loket
          </h2>
          <ContactPointDetails organization={organization} />
          <dl className="utrecht-data-list kk-data-list">
            {organization.gemeenten.length > 0 ? (
              <Item term="Werkgebied">{formatList(organization.gemeenten.map((g) => g.name))}</Item>
            ) : null}
            {organization.coordinator ? (
              <Item term="Coördinator vrijwilligers">
                {organization.coordinator.name}
                {organization.coordinator.phone ? `, ${organization.coordinator.phone}` : ""}
                {organization.coordinator.email ? `, ${organization.coordinator.email}` : ""}
              </Item>
            ) : null}
          </dl>
          {organization.locations.length > 0 ? (
            <>
              <h3 className="utrecht-heading-3">Locaties</h3>
              <ul className="utrecht-unordered-list kk-locations">
                {organization.locations.map((location) => (
                  <li key={location.id}>
                    {location.name ? <strong>{location.name}: </strong> : null}
                    {location.street}, {location.postcode} {location.city}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
        <section aria-labelledby="aanbod">
          <h2 id="aanbod" className="utrecht-heading-2">
            Aanbod ({active.length})
          </h2>
          <ul className="kk-result-list">
            {active.map((offering) => (
              <li key={offering.id}>
                <ResultCard
                  offering={offering}
                  distanceKm={null}
                  nearSearched={false}
                  labels={labels}
                />
              </li>
            ))}
          </ul>
          {inactive.length > 0 ? (
            <>
              <h3 className="utrecht-heading-3">Gepauzeerd of beëindigd</h3>
              <ul className="kk-result-list">
                {inactive.map((offering) => (
                  <li key={offering.id}>
                    <ResultCard
                      offering={offering}
                      distanceKm={null}
                      nearSearched={false}
                      labels={labels}
                    />
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      </div>
    </div>
  );
}
