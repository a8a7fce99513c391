import { useQuery } from "@apollo/client/react";
import { Link, useParams } from "react-router";
import { graphql } from "../gql";
import { ContactPointDetails, Item } from "../shared/ContactPoint";
import { LocationList } from "../shared/LocationList";
import { PageError, PageLoading, PageNotFound } from "../shared/PageStates";
import type { TaxonomyLabels } from "../shared/taxonomy";
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
        ...LocationList_location
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

  if (loading) return <PageLoading />;
  if (error) return <PageError what="De organisatie" />;
  if (!organization) {
    return (
      <PageNotFound title="Organisatie niet gevonden">
        Deze organisatie bestaat niet (meer).
      </PageNotFound>
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
          <LocationList locations={organization.locations} />
        </section>
        <section aria-labelledby="aanbod">
          <h2 id="aanbod" className="utrecht-heading-2">
            Aanbod ({active.length})
          </h2>
          <OfferingList offerings={active} labels={labels} />
          {inactive.length > 0 ? (
            <>
              <h3 className="utrecht-heading-3">Gepauzeerd of beëindigd</h3>
              <OfferingList offerings={inactive} labels={labels} />
            </>
          ) : null}
        </section>
      </div>
    </div>
  );
}

function OfferingList(props: {
  offerings: Array<{ id: string } & React.ComponentProps<typeof ResultCard>["offering"]>;
  labels: TaxonomyLabels | undefined;
}) {
  return (
    <ul className="kk-result-list">
      {props.offerings.map((offering) => (
        <li key={offering.id}>
          <ResultCard
            offering={offering}
            distanceKm={null}
            nearSearched={false}
            labels={props.labels}
          />
        </li>
      ))}
    </ul>
  );
}
