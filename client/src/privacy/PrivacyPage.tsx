import { useQuery } from "@apollo/client/react";
import { Link } from "react-router";
import { graphql } from "../gql";
import { formatPhone } from "../shared/format";
import { PageError, PageLoading } from "../shared/PageStates";
import { InfoPage, InfoSection } from "../shared/InfoPage";
import { useDocumentTitle } from "../shared/useDocumentTitle";

const PrivacyPageQuery = graphql(`
  query PrivacyPage {
    privacy {
      retentionClosedCaseMonths
      regionalAdministrators {
        id
        name
        contactPoint {
          phone
          email
        }
      }
    }
  }
`);

/** What Ketenkaart keeps about inwoners and why, in plain Dutch (B1), for inwoners and workers. */
export function PrivacyPage() {
  useDocumentTitle("Privacy");
  const { data, loading, error } = useQuery(PrivacyPageQuery);

  if (loading) return <PageLoading />;
  if (error || !data) return <PageError what="De privacypagina" />;
  const { retentionClosedCaseMonths, regionalAdministrators } = data.privacy;

  return (
    <InfoPage
      title="Privacy: wat Ketenkaart over u bewaart"
      lead={
        <>
          Ketenkaart helpt organisaties in de regio om mensen met geldzorgen samen te helpen. Hier
          leest u welke gegevens wij bewaren, waarom, en wie ze mag zien.
        </>
      }
    >
      <InfoSection id="wat" heading="Welke gegevens bewaren wij?">
        <p className="utrecht-paragraph">
          Alleen wat nodig is om u goed door te verwijzen en te helpen:
        </p>
        <ul className="utrecht-unordered-list">
          <li>uw naam of uw voorletters;</li>
          <li>uw geboortejaar;</li>
          <li>de vier cijfers van uw postcode en uw gemeente;</li>
          <li>hoe u het liefst contact heeft (bijvoorbeeld telefoon of WhatsApp);</li>
          <li>of u hulp nodig heeft met taal of lezen;</li>
          <li>
            uw hulpvraag, afspraken over uw hulp en wie daarvoor verantwoordelijk is (de regie).
          </li>
        </ul>
        <p className="utrecht-paragraph">
          Wij bewaren <strong>geen BSN</strong> en geen bankgegevens of bedragen van uw schulden.
        </p>
      </InfoSection>

      <InfoSection id="wie" heading="Wie kan uw gegevens zien?">
        <p className="utrecht-paragraph">
          Alleen de organisaties die u helpen: het team rond uw hulp. Andere organisaties zien
          niets. Dat controleert Ketenkaart twee keer: in het programma en nog eens in de database.
        </p>
      </InfoSection>

      <InfoSection id="toestemming" heading="Uw toestemming">
        <p className="utrecht-paragraph">
          Wilt uw hulpverlener u doorverwijzen naar een andere organisatie, of een andere
          organisatie laten meedoen in het team rond uw hulp? Dan vraagt hij of zij eerst uw
          toestemming. Daarin staat aan wie, waarvoor, welke gegevens en tot wanneer. Zonder uw
          toestemming ziet een andere organisatie niets van u.
        </p>
        <p className="utrecht-paragraph">
          Geeft u alleen toestemming voor uw contactgegevens? Dan gaan uw hulpvraag en de
          samenvatting van uw situatie niet mee. Een doorverwijzing kan dan niet verstuurd worden:
          uw hulpverlener vraagt u eerst of u ook die wilt delen.
        </p>
      </InfoSection>

      <InfoSection id="intrekken" heading="Toestemming intrekken">
        <p className="utrecht-paragraph">
          U mag uw toestemming altijd intrekken, zonder te zeggen waarom. Zeg het tegen uw
          hulpverlener. Vanaf dat moment:
        </p>
        <ul className="utrecht-unordered-list">
          <li>
            ziet die organisatie uw gegevens niet meer, en ook niets van wat er daarna in uw hulp
            gebeurt;
          </li>
          <li>
            kan die organisatie een doorverwijzing die nog loopt alleen nog afsluiten, en
            terugmelden hoe het is afgelopen. Uw hulpvraag ziet zij daarbij niet meer;
          </li>
          <li>
            zien de andere organisaties in het team dat uw toestemming is ingetrokken, zodat zij
            niets meer met die organisatie delen.
          </li>
        </ul>
        <p className="utrecht-paragraph">
          Wat al gedeeld was, blijft in het logboek staan: daarin is te zien wie wat wanneer heeft
          gezien. Verloopt uw toestemming op de datum die erin staat, dan gebeurt hetzelfde als bij
          intrekken.
        </p>
      </InfoSection>

      <InfoSection id="logboek" heading="Wij houden bij wie uw gegevens bekijkt">
        <p className="utrecht-paragraph">
          Elke keer dat iemand uw gegevens bekijkt of verandert, schrijft Ketenkaart op wie dat was,
          van welke organisatie, wanneer en waarom. Niemand kan dat logboek veranderen of wissen.
          Lukt het opschrijven niet, dan krijgt de medewerker uw gegevens ook niet te zien. Ook wie
          het logboek zelf bekijkt, komt erin te staan.
        </p>
      </InfoSection>

      <InfoSection id="bewaren" heading="Hoe lang bewaren wij uw gegevens?">
        <p className="utrecht-paragraph">
          Is uw hulp helemaal afgesloten? Dan maken wij uw gegevens na{" "}
          <strong>{retentionClosedCaseMonths} maanden</strong> onherkenbaar. Uw naam, geboortejaar,
          postcode en uw verhaal worden dan gewist. Wat overblijft, zegt niets meer over u als
          persoon.
        </p>
      </InfoSection>

      <InfoSection id="rechten" heading="Uw rechten">
        <p className="utrecht-paragraph">
          U mag altijd vragen welke gegevens er over u zijn en wie ze heeft bekeken. U mag ook
          vragen om gegevens te verbeteren of te wissen. Vraag het aan uw hulpverlener: de
          organisatie van uw hulpverlener kan u laten zien wat er is en wie het heeft bekeken.
        </p>
      </InfoSection>

      <InfoSection id="contact" heading="Vragen of een klacht?">
        <p className="utrecht-paragraph">
          Komt u er met uw hulpverlener niet uit? Neem dan contact op met de beheerder van
          Ketenkaart in uw regio:
        </p>
        <RegionalAdministrators organizations={regionalAdministrators} />
        <p className="utrecht-paragraph">
          U kunt ook een klacht indienen bij de Autoriteit Persoonsgegevens.
        </p>
      </InfoSection>
    </InfoPage>
  );
}

interface Administrator {
  id: string;
  name: string;
  contactPoint: { phone?: string | null; email?: string | null };
}

/** Who runs Ketenkaart in the region, and how to reach them (privacy and accessibility pages). */
export function RegionalAdministrators({ organizations }: { organizations: Administrator[] }) {
  if (organizations.length === 0) {
    return <p className="utrecht-paragraph">Vraag uw gemeente wie dat is.</p>;
  }
  return (
    <ul className="utrecht-unordered-list">
      {organizations.map((organization) => (
        <li key={organization.id}>
          <Link className="utrecht-link" to={`/organisaties/${organization.id}`}>
            {organization.name}
          </Link>
          {organization.contactPoint.phone
            ? `, telefoon ${formatPhone(organization.contactPoint.phone)}`
            : ""}
          {organization.contactPoint.email ? (
            <>
              {", e-mail "}
              <a className="utrecht-link" href={`mailto:${organization.contactPoint.email}`}>
                {organization.contactPoint.email}
              </a>
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
