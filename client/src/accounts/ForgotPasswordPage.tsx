import { useMutation } from "@apollo/client/react";
import { type FormEvent, useState } from "react";
import { Link } from "react-router";
import { graphql } from "../gql";
import { ProblemArea, useFormProblem } from "../shared/form";
import { TextField } from "../shared/fields";
import { useDocumentTitle } from "../shared/useDocumentTitle";

const RequestPasswordResetMutation = graphql(`
  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {
    requestPasswordReset(input: $input)
  }
`);

/**
 * "Wachtwoord vergeten": the worker gives their address and gets a link by e-mail. The page says
 * the same whether or not the address has an account.
 */
export function ForgotPasswordPage() {
  useDocumentTitle("Wachtwoord vergeten");
  const [request, { loading }] = useMutation(RequestPasswordResetMutation);
  const { problem, clear, fail } = useFormProblem();
  const [sent, setSent] = useState<{ email: string; mailed: boolean } | null>(null);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get("email"));
    clear();
    try {
      const { data } = await request({ variables: { input: { email } } });
      setSent({ email, mailed: data?.requestPasswordReset ?? false });
    } catch (caught) {
      fail(caught, "Het aanvragen is niet gelukt. Probeer het opnieuw.");
    }
  };

  return (
    <div className="kk-narrow">
      <h1 className="utrecht-heading-1">Wachtwoord vergeten</h1>
      {sent ? (
        <div className="kk-stack" role="status">
          {sent.mailed ? (
            <>
              <p className="utrecht-paragraph kk-lead">
                Als er een account is met {sent.email}, krijgt u binnen een paar minuten een e-mail
                met een link om een nieuw wachtwoord te kiezen. De link werkt een uur.
              </p>
              <p className="utrecht-paragraph">
                Geen e-mail gekregen? Kijk ook bij de ongewenste e-mail, of vraag de beheerder van
                uw organisatie om hulp.
              </p>
            </>
          ) : (
            <p className="utrecht-paragraph kk-lead">
              Deze omgeving van Ketenkaart verstuurt geen e-mail. Vraag de beheerder van uw
              organisatie om hulp bij een nieuw wachtwoord.
            </p>
          )}
          <p className="utrecht-paragraph">
            <Link className="utrecht-link" to="/inloggen">
              Terug naar inloggen
            </Link>
          </p>
        </div>
      ) : (
        <>
          <p className="utrecht-paragraph">
            Vul het e-mailadres in waarmee u inlogt. U krijgt een link om een nieuw wachtwoord te
            kiezen.
          </p>
          <ProblemArea problem={problem}>
            <form onSubmit={onSubmit} className="kk-stack">
              <TextField
                id="vergeten-email"
                name="email"
                path="email"
                label="E-mailadres"
                type="email"
                autoComplete="username"
                required
              />
              <div>
                <button
                  type="submit"
                  className="utrecht-button utrecht-button--primary-action"
                  disabled={loading}
                >
                  Stuur mij een link
                </button>
              </div>
            </form>
          </ProblemArea>
        </>
      )}
    </div>
  );
}
