import { type FragmentType, getFragmentData, graphql } from "../gql";
import { formatPhone } from "./format";

export const ContactPointFragment = graphql(`
  fragment ContactPoint_organization on Organization {
    website
    contactPoint {
      phone
      email
      address
      openingHours
      walkInHours
    }
  }
`);

/** The loket of an organisation: how a worker or client reaches it. */
export function ContactPointDetails(props: {
  organization: FragmentType<typeof ContactPointFragment>;
}) {
  const { contactPoint, website } = getFragmentData(ContactPointFragment, props.organization);
  return (
    <dl className="utrecht-data-list kk-data-list">
      {contactPoint.phone ? (
        <Item term="Telefoon">
          <a className="utrecht-link" href={`tel:${contactPoint.phone.replace(/\s/g, "")}`}>
            {formatPhone(contactPoint.phone)}
          </a>
        </Item>
      ) : null}
      {contactPoint.email ? (
        <Item term="E-mail">
          <a className="utrecht-link" href={`mailto:${contactPoint.email}`}>
            {contactPoint.email}
          </a>
        </Item>
      ) : null}
      {contactPoint.address ? <Item term="Adres">{contactPoint.address}</Item> : null}
      {contactPoint.openingHours ? (
        <Item term="Openingstijden">{contactPoint.openingHours}</Item>
      ) : null}
      {contactPoint.walkInHours ? <Item term="Inloop">{contactPoint.walkInHours}</Item> : null}
      {website ? (
        <Item term="Website">
          <a className="utrecht-link" href={website} rel="noopener noreferrer">
            {website.replace(/^https?:\/\/(www\.)?/, "")}
          </a>
        </Item>
      ) : null}
    </dl>
  );
}

export function Item({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="utrecht-data-list__item kk-data-item">
      <dt className="utrecht-data-list__item-key">{term}</dt>
      <dd className="utrecht-data-list__item-value">{children}</dd>
    </div>
  );
}
