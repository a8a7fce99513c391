import { useQuery } from "@apollo/client/react";
import { Link, useParams } from "react-router";
import { useMe } from "../auth/session";
import { graphql } from "../gql";
import { CapacityStatus, PaletteBadge, VerifiedStatus } from "../shared/badges";
import { ContactPointDetails, Item } from "../shared/ContactPoint";
import { LocationList } from "../shared/LocationList";
import { PlacesMap } from "../map/PlacesMap";
import { placesOf } from "../map/places";
import { PageError, PageLoading, PageNotFound } from "../shared/PageStates";
import { formatDate, formatList, formatPhone, languageName } from "../shared/format";
import { labelsOf, useTaxonomyLabels } from "../shared/taxonomy";
import { useDocumentTitle } from "../shared/useDocumentTitle";

const OfferingPageQuery = graphql(`
  query OfferingPage($id: ID!) {
    offering(id: $id) {
      id
      title
      description
      module
      phases
      paletteLevel
      lifeDomains
      targetGroups
      channels
      deliveredBy
      frequency
      duration
      costs
      waitingTime
      capacity {
        available
        total
        updatedAt
      }
      documentsNeeded
      documentsNote
      languages
      contactPerson {
        name
        phone
        email
      }
      status
      lastVerifiedAt
      isStale
      locations {
        id
        name
        street
        city
        latitude
        longitude
        ...LocationList_location
      }
      gemeenten {
        code
        name
      }
      organization {
        id
        name
        ...ContactPoint_organization
      }
    }
  }
`);

export function OfferingPage() {
  const { id = "" } = useParams();
  const { data, loading, error } = useQuery(OfferingPageQuery, { variables: { id } });
  const labels = useTaxonomyLabels();
  const me = useMe();
  const offering = data?.offering;
  useDocumentTitle(offering?.title ?? (data ? "Aanbod niet gevonden" : undefined));

  if (loading) return <PageLoading />;
  if (error) return <PageError what="Het aanbod" />;
  if (!offering) {
    return (
      <PageNotFound title="Aanbod niet gevonden">Dit aanbod bestaat niet (meer).</PageNotFound>
    );
  }

  return (
    <article className="kk-detail">
      <p className="utrecht-paragraph kk-breadcrumb">
        <Link className="utrecht-link" to="/">
          Sociale kaart
        </Link>{" "}
        ›{" "}
        <Link className="utrecht-link" to={`/organisaties/${offering.organization.id}`}>
          {offering.organization.name}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">{offering.title}</h1>
      {offering.status !== "ACTIVE" ? (
        <div className="utrecht-alert utrecht-alert--warning">
          <p className="utrecht-paragraph">
            Dit aanbod is{" "}
            {labels?.offeringStatuses[offering.status]?.toLowerCase() ?? offering.status}.
          </p>
        </div>
      ) : null}
      <p className="utrecht-paragraph kk-lead">
        Door{" "}
        <Link className="utrecht-link" to={`/organisaties/${offering.organization.id}`}>
          {offering.organization.name}
        </Link>
      </p>
      <p className="utrecht-paragraph">
        <VerifiedStatus lastVerifiedAt={offering.lastVerifiedAt} isStale={offering.isStale} />
      </p>
      {offering.paletteLevel ? (
        <p className="utrecht-paragraph">
          <PaletteBadge
            level={offering.paletteLevel}
            label={labels?.paletteLevels[offering.paletteLevel]}
          />
        </p>
      ) : null}
      <p className="utrecht-paragraph kk-description">{offering.description}</p>
      {me && offering.status === "ACTIVE" ? (
        <p className="utrecht-paragraph">
          <Link
            className="utrecht-button-link utrecht-button-link--primary-action"
            to={`/aanbod/${offering.id}/verwijzen`}
          >
            Verwijzen naar dit aanbod
          </Link>
        </p>
      ) : null}

      <div className="kk-detail-columns">
        <section aria-labelledby="over-het-aanbod">
          <h2 id="over-het-aanbod" className="utrecht-heading-2">
            Over het aanbod
          </h2>
          <dl className="utrecht-data-list kk-data-list">
            <Item term="Dienstverlening">
              {labels?.modules[offering.module] ?? offering.module}
            </Item>
            <Item term="Fase">{formatList(labelsOf(offering.phases, labels?.phases))}</Item>
            {offering.lifeDomains.length > 0 ? (
              <Item term="Levensgebieden">
                {formatList(labelsOf(offering.lifeDomains, labels?.lifeDomains))}
              </Item>
            ) : null}
            <Item term="Voor wie">
              {offering.targetGroups.length > 0
                ? formatList(labelsOf(offering.targetGroups, labels?.targetGroups))
                : "Voor iedereen"}
            </Item>
            <Item term="Kanalen">{formatList(labelsOf(offering.channels, labels?.channels))}</Item>
            <Item term="Uitgevoerd door">
              {formatList(labelsOf(offering.deliveredBy, labels?.deliveredBy))}
            </Item>
            {offering.frequency ? <Item term="Hoe vaak">{offering.frequency}</Item> : null}
            {offering.duration ? <Item term="Hoe lang">{offering.duration}</Item> : null}
            {offering.costs ? <Item term="Kosten">{offering.costs}</Item> : null}
            {offering.waitingTime ? <Item term="Wachttijd">{offering.waitingTime}</Item> : null}
            {offering.capacity ? (
              <Item term="Plekken">
                <CapacityStatus available={offering.capacity.available} />
                {offering.capacity.total ? ` van ${offering.capacity.total}` : ""} (bijgewerkt op{" "}
                {formatDate(offering.capacity.updatedAt)})
              </Item>
            ) : null}
            <Item term="Documenten">
              {offering.documentsNeeded
                ? "Nodig voor een eerste gesprek"
                : "Geen documentplicht voor een eerste gesprek"}
              {offering.documentsNote ? `. ${offering.documentsNote}` : ""}
            </Item>
            <Item term="Talen">{formatList(offering.languages.map(languageName))}</Item>
            {offering.gemeenten.length > 0 ? (
              <Item term="Beschikbaar in">{formatList(offering.gemeenten.map((g) => g.name))}</Item>
            ) : null}
          </dl>
        </section>

        <section aria-labelledby="contact">
          <h2 id="contact" className="utrecht-heading-2">
            Contact
          </h2>
          {offering.contactPerson ? (
            <>
              <h3 className="utrecht-heading-3">Contactpersoon</h3>
              <dl className="utrecht-data-list kk-data-list">
                <Item term="Naam">{offering.contactPerson.name}</Item>
                {offering.contactPerson.phone ? (
                  <Item term="Telefoon">
                    <a
                      className="utrecht-link"
                      href={`tel:${offering.contactPerson.phone.replace(/\s/g, "")}`}
                    >
                      {formatPhone(offering.contactPerson.phone)}
                    </a>
                  </Item>
                ) : null}
                {offering.contactPerson.email ? (
                  <Item term="E-mail">
                    <a className="utrecht-link" href={`mailto:${offering.contactPerson.email}`}>
                      {offering.contactPerson.email}
                    </a>
                  </Item>
                ) : null}
              </dl>
            </>
          ) : null}
          <h3 className="utrecht-heading-3">Loket van {offering.organization.name}</h3>
          <ContactPointDetails organization={offering.organization} />
          <LocationList locations={offering.locations} />
        </section>
      </div>
      {offering.locations.length > 0 ? (
        <section aria-labelledby="op-de-kaart">
          <h2 id="op-de-kaart" className="utrecht-heading-2">
            Op de kaart
          </h2>
          <PlacesMap
            label={`Kaart met de locaties van ${offering.title}`}
            places={placesOf([offering])}
            skipTo="na-de-kaart"
          />
          <span id="na-de-kaart" />
        </section>
      ) : null}
    </article>
  );
}
