import { useQuery } from "@apollo/client/react";
import { graphql } from "../gql";
import { RegionalAdministrators } from "../privacy/PrivacyPage";
import { formatDate } from "../shared/format";
import { PageError, PageLoading } from "../shared/PageStates";
import { InfoPage, InfoSection } from "../shared/InfoPage";
import { useDocumentTitle } from "../shared/useDocumentTitle";

const AccessibilityPageQuery = graphql(`
  query AccessibilityPage {
    privacy {
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

/** When this statement was last checked against the product; update it with the statement. */
const statementDate = "2026-11-23";

/**
 * The accessibility statement, after the Dutch model statement (modelverklaring of
 * digitoegankelijk.nl): the status, what was tested and how, known limitations and whom to ask.
 */
export function AccessibilityPage() {
  useDocumentTitle("Toegankelijkheidsverklaring");
  const { data, loading, error } = useQuery(AccessibilityPageQuery);

  if (loading) return <PageLoading />;
  if (error || !data) return <PageError what="De toegankelijkheidsverklaring" />;

  return (
    <InfoPage
      className="kk-detail kk-prose"
      title="Toegankelijkheidsverklaring"
      lead={
        <>
          Ketenkaart moet voor iedereen goed te gebruiken zijn: met een toetsenbord, met een
          schermlezer, met vergroting en op een telefoon. Hier leest u hoe ver wij daarmee zijn.
        </>
      }
    >
      <InfoSection id="status" heading="Status: eerste maatregelen genomen">
        <p className="utrecht-paragraph">
          Ketenkaart wil voldoen aan de WCAG 2.2 op niveau A en AA. Dat is meer dan de wet vraagt
          (het Besluit digitale toegankelijkheid overheid noemt WCAG 2.1 AA). Wij testen elke versie
          automatisch. Een volledig onderzoek door een onafhankelijke deskundige is nog niet gedaan.
          Daarom is de status: <strong>eerste maatregelen genomen</strong>.
        </p>
      </InfoSection>

      <InfoSection id="getest" heading="Wat hebben wij getest en hoe?">
        <ul className="utrecht-unordered-list">
          <li>
            Elke pagina, bekeken als bezoeker zonder account en als elk soort medewerker, wordt bij
            elke wijziging gecontroleerd met axe-core in de browser Chromium. Daarbij gelden alle
            regels van WCAG 2.0, 2.1 en 2.2 op niveau A en AA.
          </li>
          <li>Dezelfde pagina&apos;s op een scherm van 360 pixels breed, zoals een telefoon.</li>
          <li>
            Bediening met alleen het toetsenbord: de link &quot;Naar de inhoud&quot; komt eerst, en
            wat de focus heeft, is altijd zichtbaar omrand.
          </li>
          <li>
            Een status (zoals &quot;Vol&quot; of &quot;Te laat&quot;) staat er altijd in woorden,
            niet alleen als kleur.
          </li>
        </ul>
        <p className="utrecht-paragraph">
          Automatische tests vinden niet alle problemen. Een test met schermlezers en met mensen met
          een beperking moet nog gebeuren.
        </p>
      </InfoSection>

      <InfoSection id="beperkingen" heading="Wat werkt nog niet goed?">
        <ul className="utrecht-unordered-list">
          <li>
            De kleuren van de nazorgkaart laten zien waar veel of weinig aanbod is. Wie de kleuren
            niet ziet, vindt dezelfde getallen in de tabel op die pagina.
          </li>
          <li>
            Bestanden om te downloaden (CSV voor Excel en uitnodigingen voor de agenda) zijn niet op
            toegankelijkheid getest.
          </li>
          <li>
            Teksten die organisaties zelf invullen, zoals de beschrijving van hun aanbod, vallen
            onder hun eigen verantwoordelijkheid.
          </li>
        </ul>
      </InfoSection>

      <InfoSection id="contact" heading="Loopt u tegen een probleem aan?">
        <p className="utrecht-paragraph">
          Kunt u iets niet lezen of niet gebruiken? Laat het ons weten bij de beheerder van
          Ketenkaart in uw regio. U krijgt binnen 5 werkdagen antwoord. Wij zoeken dan samen met u
          een oplossing, of helpen u op een andere manier.
        </p>
        <RegionalAdministrators organizations={data.privacy.regionalAdministrators} />
        <p className="utrecht-paragraph">
          Bent u niet tevreden met het antwoord? Dan kunt u een klacht indienen bij de Nationale
          ombudsman of de ombudsman van uw gemeente.
        </p>
      </InfoSection>

      <p className="utrecht-paragraph kk-muted">
        Deze verklaring is opgesteld op {formatDate(`${statementDate}T12:00:00Z`)}.
      </p>
    </InfoPage>
  );
}
