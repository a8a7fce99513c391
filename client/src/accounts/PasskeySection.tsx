import { useMutation, useQuery } from "@apollo/client/react";
import { browserSupportsWebAuthn, startRegistration } from "@simplewebauthn/browser";
import { type FormEvent, useState } from "react";
import { graphql } from "../gql";
import { ProblemArea, useFormProblem } from "../shared/form";
import { TextField } from "../shared/fields";
import { formatDateTime } from "../shared/format";
import { useStatusMessage } from "../shared/StatusMessage";

const MyPasskeysQuery = graphql(`
  query MyPasskeys {
    myPasskeys {
      id
      name
      createdAt
      lastUsedAt
    }
  }
`);

const StartPasskeyRegistrationMutation = graphql(`
  mutation StartPasskeyRegistration {
    startPasskeyRegistration
  }
`);

const FinishPasskeyRegistrationMutation = graphql(`
  mutation FinishPasskeyRegistration($input: FinishPasskeyRegistrationInput!) {
    finishPasskeyRegistration(input: $input)
  }
`);

const RemovePasskeyMutation = graphql(`
  mutation RemovePasskey($input: RemovePasskeyInput!) {
    removePasskey(input: $input)
  }
`);

/**
 * Passkeys as the second step of the login: the fingerprint, face or PIN of this device, or a
 * security key. The browser makes the key; the server keeps only its public half.
 * `onRecoveryCodes`: the codes that come with the account's first second factor.
 */
export function PasskeySection({ onRecoveryCodes }: { onRecoveryCodes(codes: string[]): void }) {
  const { data } = useQuery(MyPasskeysQuery);
  const refetch = { refetchQueries: [MyPasskeysQuery, "MySecondFactor"] };
  const [start] = useMutation(StartPasskeyRegistrationMutation);
  const [finish] = useMutation(FinishPasskeyRegistrationMutation, refetch);
  const [remove, { loading: removing }] = useMutation(RemovePasskeyMutation, refetch);
  const [adding, setAdding] = useState(false);
  const [removingId, setRemovingId] = useState<string | null>(null);
  const { problem, clear, fail, report } = useFormProblem();
  const announce = useStatusMessage();
  const passkeys = data?.myPasskeys ?? [];
  const supported = browserSupportsWebAuthn();

  const onAdd = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get("name"));
    clear();
    setAdding(true);
    try {
      const options = (await start()).data!.startPasskeyRegistration;
      let response;
      try {
        response = await startRegistration({ optionsJSON: JSON.parse(options) });
      } catch {
        // The worker cancelled, or the device refused.
        report("De passkey is niet gemaakt. Probeer het opnieuw.");
        return;
      }
      const finished = await finish({
        variables: { input: { response: JSON.stringify(response), name } },
      });
      const codes = finished.data!.finishPasskeyRegistration;
      if (codes.length > 0) onRecoveryCodes(codes);
      else announce(`Passkey „${name}” toegevoegd.`);
    } catch (caught) {
      fail(caught, "De passkey is niet toegevoegd. Probeer het opnieuw.");
    } finally {
      setAdding(false);
    }
  };

  const onRemove = async (event: FormEvent<HTMLFormElement>, passkeyId: string) => {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get("password"));
    clear();
    try {
      await remove({ variables: { input: { passkeyId, password } } });
      setRemovingId(null);
      announce("De passkey is verwijderd.");
    } catch (caught) {
      fail(caught, "De passkey is niet verwijderd. Probeer het opnieuw.");
    }
  };

  return (
    <section aria-labelledby="passkeys-kop" className="kk-stack">
      <h3 id="passkeys-kop" className="utrecht-heading-3">
        Passkeys
      </h3>
      <p className="utrecht-paragraph">
        Met een passkey bevestigt u het inloggen met de vingerafdruk, het gezicht of de pincode van
        dit apparaat, of met een beveiligingssleutel. Dat kan in plaats van een code uit de app.
      </p>
      <ProblemArea problem={problem}>
        {passkeys.length > 0 ? (
          <ul className="kk-stack" aria-label="Mijn passkeys">
            {passkeys.map((passkey) => (
              <li key={passkey.id} className="kk-stack">
                <span>
                  <strong>{passkey.name}</strong>, toegevoegd {formatDateTime(passkey.createdAt)}
                  {passkey.lastUsedAt
                    ? `, laatst gebruikt ${formatDateTime(passkey.lastUsedAt)}`
                    : ", nog niet gebruikt"}
                </span>
                {removingId === passkey.id ? (
                  <form onSubmit={(event) => void onRemove(event, passkey.id)} className="kk-stack">
                    <TextField
                      id={`passkey-wachtwoord-${passkey.id}`}
                      name="password"
                      path="password"
                      label={`Uw wachtwoord, om „${passkey.name}” te verwijderen`}
                      type="password"
                      autoComplete="current-password"
                      required
                    />
                    <div className="kk-actions">
                      <button
                        type="submit"
                        className="utrecht-button utrecht-button--primary-action"
                        disabled={removing}
                      >
                        Passkey verwijderen
                      </button>
                      <button
                        type="button"
                        className="utrecht-button utrecht-button--secondary-action"
                        onClick={() => setRemovingId(null)}
                      >
                        Annuleren
                      </button>
                    </div>
                  </form>
                ) : (
                  <div>
                    <button
                      type="button"
                      className="utrecht-button utrecht-button--secondary-action"
                      onClick={() => setRemovingId(passkey.id)}
                      aria-label={`Passkey „${passkey.name}” verwijderen`}
                    >
                      Verwijderen
                    </button>
                  </div>
                )}
              </li>
            ))}
          </ul>
        ) : null}
        {supported ? (
          <form onSubmit={(event) => void onAdd(event)} className="kk-stack">
            <TextField
              id="passkey-naam"
              name="name"
              path="name"
              label="Naam van de nieuwe passkey"
              description="Om hem later te herkennen, bijvoorbeeld „Laptop kantoor”."
              required
              maxLength={100}
            />
            <div>
              <button
                type="submit"
                className="utrecht-button utrecht-button--secondary-action"
                disabled={adding}
              >
                Passkey toevoegen
              </button>
            </div>
          </form>
        ) : (
          <p className="utrecht-paragraph">
            Deze browser kan geen passkeys gebruiken. Gebruik een authenticator-app.
          </p>
        )}
      </ProblemArea>
    </section>
  );
}
