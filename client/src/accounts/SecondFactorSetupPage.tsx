import { useApolloClient } from "@apollo/client/react";
import { MeQuery } from "../auth/session";
import { useDocumentTitle } from "../shared/useDocumentTitle";
import { SecondFactorSection } from "./SecondFactorSection";

/**
 * Shown instead of any page while the region requires a second factor this account has yet to
 * set up; once the recovery codes are kept, the page that was asked for appears.
 */
export function SecondFactorSetupPage() {
  useDocumentTitle("Tweestapsverificatie instellen");
  const client = useApolloClient();
  return (
    <div className="kk-narrow kk-stack">
      <h1 className="utrecht-heading-1">Stel eerst tweestapsverificatie in</h1>
      <p className="utrecht-paragraph">
        In deze regio logt iedereen die met cliëntgegevens werkt in met een wachtwoord én een code
        van de telefoon. Stel dat nu in, dan gaat u daarna verder waar u was. U heeft een
        authenticator-app nodig, zoals Microsoft Authenticator of Google Authenticator.
      </p>
      <SecondFactorSection
        onRecoveryCodesSaved={() => void client.refetchQueries({ include: [MeQuery] })}
      />
    </div>
  );
}
