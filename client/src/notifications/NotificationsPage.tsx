import { useMutation, useQuery } from "@apollo/client/react";
import { useState } from "react";
import { graphql } from "../gql";
import { ErrorAlert } from "../shared/ErrorAlert";
import { errorMessage } from "../shared/errors";
import { PageError, PageLoading } from "../shared/PageStates";
import { useDocumentTitle } from "../shared/useDocumentTitle";

const NotificationSettingsQuery = graphql(`
  query NotificationSettings {
    notificationSettings {
      emailNotifications
      emailAvailable
    }
  }
`);

const SetEmailNotificationsMutation = graphql(`
  mutation SetEmailNotifications($enabled: Boolean!) {
    setEmailNotifications(enabled: $enabled) {
      emailNotifications
      emailAvailable
    }
  }
`);

/** The worker's own choice: e-mail about new and overdue referrals, or not. */
export function NotificationsPage() {
  useDocumentTitle("Meldingen");
  const { data, loading, error } = useQuery(NotificationSettingsQuery);
  const [save, { loading: saving }] = useMutation(SetEmailNotificationsMutation, {
    refetchQueries: [NotificationSettingsQuery],
  });
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  // The box follows the click at once; it goes back if saving fails.
  const [choice, setChoice] = useState<boolean | null>(null);

  if (loading && !data) return <PageLoading />;
  if (error || !data) return <PageError what="Uw meldingen" />;
  const settings = data.notificationSettings;

  const change = async (enabled: boolean) => {
    setProblem(null);
    setSaved(false);
    setChoice(enabled);
    try {
      await save({ variables: { enabled } });
      setSaved(true);
    } catch (caught) {
      setChoice(null);
      setProblem(errorMessage(caught, "Uw keuze is niet opgeslagen. Probeer het opnieuw."));
    }
  };

  return (
    <div className="kk-detail">
      <h1 className="utrecht-heading-1">Meldingen</h1>
      <p className="utrecht-paragraph">
        Ketenkaart kan u een e-mail sturen als uw organisatie een nieuwe verwijzing krijgt, en als
        er te laat op een verwijzing is gereageerd. In de e-mail staan geen gegevens van de inwoner:
        die ziet u als u inlogt.
      </p>
      {settings.emailAvailable ? null : (
        <p className="utrecht-paragraph">
          Deze Ketenkaart verstuurt op dit moment geen e-mail. Uw keuze geldt zodra dat wel zo is.
        </p>
      )}
      <ErrorAlert message={problem} />
      <div className="kk-filter-option">
        <input
          id="meldingen-email"
          type="checkbox"
          className="utrecht-checkbox utrecht-checkbox--html-input"
          checked={choice ?? settings.emailNotifications}
          disabled={saving}
          onChange={(event) => void change(event.target.checked)}
        />
        <label
          htmlFor="meldingen-email"
          className="utrecht-form-label utrecht-form-label--checkbox"
        >
          Stuur mij een e-mail over verwijzingen
        </label>
      </div>
      <p className="utrecht-paragraph" role="status">
        {saved ? "Uw keuze is opgeslagen." : ""}
      </p>
    </div>
  );
}
