import { useMutation } from "@apollo/client/react";
import { type FormEvent, useState } from "react";
import { useNavigate, useSearchParams } from "react-router";
import { graphql } from "../gql";
import { ErrorAlert } from "../shared/ErrorAlert";
import { errorMessage } from "../shared/errors";
import { useDocumentTitle } from "../shared/useDocumentTitle";
import { MeQuery } from "./session";

const LoginMutation = graphql(`
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      expiresAt
      user {
        id
      }
    }
  }
`);

export function LoginPage() {
  useDocumentTitle("Inloggen");
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [login, { loading }] = useMutation(LoginMutation, {
    refetchQueries: [MeQuery],
    awaitRefetchQueries: true,
  });
  const [error, setError] = useState<string | null>(null);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setError(null);
    try {
      await login({
        variables: {
          input: { email: String(form.get("email")), password: String(form.get("password")) },
        },
      });
      // Only a path inside the app, never another site.
      const next = params.get("terug");
      navigate(next?.startsWith("/") && !next.startsWith("//") ? next : "/dashboard");
    } catch (caught) {
      setError(errorMessage(caught, "Inloggen is niet gelukt. Probeer het opnieuw."));
    }
  };

  return (
    <div className="kk-narrow">
      <h1 className="utrecht-heading-1">Inloggen</h1>
      <p className="utrecht-paragraph">
        Voor medewerkers van ketenpartners. De sociale kaart is zonder inloggen te gebruiken.
      </p>
      <ErrorAlert message={error} />
      <form onSubmit={onSubmit} className="kk-stack">
        <div className="utrecht-form-field">
          <label className="utrecht-form-label" htmlFor="login-email">
            E-mailadres
          </label>
          <input
            id="login-email"
            name="email"
            type="email"
            autoComplete="username"
            required
            className="utrecht-textbox utrecht-textbox--html-input"
          />
        </div>
        <div className="utrecht-form-field">
          <label className="utrecht-form-label" htmlFor="login-password">
            Wachtwoord
          </label>
          <input
            id="login-password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            className="utrecht-textbox utrecht-textbox--html-input"
          />
        </div>
        <button
          type="submit"
          className="utrecht-button utrecht-button--primary-action"
          disabled={loading}
        >
          {loading ? "Bezig met inloggen…" : "Inloggen"}
        </button>
      </form>
    </div>
  );
}
