import { useState } from "react";
import { useSearchParams } from "react-router";
import { ErrorAlert } from "../shared/ErrorAlert";

// Why the server sent the browser back (server/single-sign-on/single-sign-on.routes.ts).
const refusals: Record<string, string> = {
  "geen-koppeling":
    "Voor dit e-mailadres is inloggen via de organisatie niet ingesteld. Log in met uw wachtwoord.",
  "te-vaak":
    "Te veel inlogpogingen achter elkaar vanaf dit adres. Probeer het over een minuut opnieuw.",
  onbereikbaar:
    "Ketenkaart kan de inlogpagina van uw organisatie nu niet bereiken. Probeer het later opnieuw.",
  verlopen: "Deze inlogpoging is verlopen of in een andere browser begonnen. Probeer het opnieuw.",
  afgebroken: "Inloggen bij uw organisatie is afgebroken. Probeer het opnieuw.",
  mislukt: "Inloggen via uw organisatie is niet gelukt. Probeer het opnieuw.",
  "ander-domein":
    "U bent bij uw organisatie ingelogd met een e-mailadres van een ander domein. Log daar in met het account van uw organisatie.",
  geweigerd:
    "Met dit account van uw organisatie kunt u niet inloggen in Ketenkaart. Vraag de beheerder van uw organisatie om een uitnodiging.",
};

/**
 * Logging in through the organisation's own login page (single sign-on), with the address typed
 * in the login form above: the server finds the organisation by its domain.
 */
export function SingleSignOnLogin({ emailFieldId }: { emailFieldId: string }) {
  const [params] = useSearchParams();
  const refusal = refusals[params.get("sso") ?? ""] ?? null;
  const [problem, setProblem] = useState<string | null>(null);

  const goToOrganization = () => {
    const field = document.getElementById(emailFieldId) as HTMLInputElement | null;
    const email = field?.value.trim() ?? "";
    if (!field || !email || !field.validity.valid) {
      setProblem("Vul eerst hierboven uw e-mailadres in.");
      field?.focus();
      return;
    }
    // A full page load: the server sends the browser on to the organisation.
    window.location.assign(`/auth/sso/start?email=${encodeURIComponent(email)}`);
  };

  return (
    <section aria-labelledby="sso-kop" className="kk-stack">
      <h2 id="sso-kop" className="utrecht-heading-2">
        Inloggen met uw organisatie
      </h2>
      <ErrorAlert message={problem ?? refusal} />
      <p className="utrecht-paragraph">
        Logt u bij uw organisatie in met één account? Vul hierboven uw e-mailadres in en ga verder
        op de inlogpagina van uw organisatie. Een wachtwoord voor Ketenkaart is dan niet nodig.
      </p>
      <div>
        <button
          type="button"
          className="utrecht-button utrecht-button--secondary-action"
          onClick={goToOrganization}
        >
          Verder bij uw organisatie
        </button>
      </div>
    </section>
  );
}
