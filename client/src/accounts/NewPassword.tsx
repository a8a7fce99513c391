import { type FormEvent, useState } from "react";
import { useNavigate } from "react-router";
import { type FormProblem, ProblemArea, useFormProblem } from "../shared/form";
import { TextField } from "../shared/fields";

/**
 * A new password, typed twice: for an invitation, a forgotten password and the own account.
 * The server checks its strength; the form only that both are the same.
 */
export function NewPasswordFields(props: {
  idPrefix: string;
  /** Where the server's problem with the password points. */
  path: string;
  label: string;
  repeatLabel: string;
}) {
  return (
    <>
      <TextField
        id={`${props.idPrefix}-nieuw`}
        name="nieuw"
        path={props.path}
        label={props.label}
        description="Minstens 12 tekens. Een zin van een paar woorden is sterk en makkelijk te onthouden."
        type="password"
        autoComplete="new-password"
        minLength={12}
        required
      />
      <TextField
        id={`${props.idPrefix}-herhaling`}
        name="herhaling"
        path="repeat"
        label={props.repeatLabel}
        type="password"
        autoComplete="new-password"
        required
      />
    </>
  );
}

/**
 * Reads the new password of a form with `NewPasswordFields`: null when the two differ, and then
 * `mismatch` is the problem to show at the repeated field.
 */
export function useNewPassword(message: string) {
  const [differs, setDiffers] = useState(false);
  const mismatch: FormProblem | null = differs
    ? { message, field: "repeat", fieldPath: "repeat" }
    : null;
  const read = (form: FormData): string | null => {
    const password = String(form.get("nieuw"));
    const same = password === String(form.get("herhaling"));
    setDiffers(!same);
    return same ? password : null;
  };
  return { mismatch, read };
}

/**
 * The form behind a link that lets its holder choose a password and logs them in (an invitation,
 * a forgotten password): `save` sends it; then the dashboard opens.
 */
export function ChoosePasswordForm(props: {
  email: string;
  idPrefix: string;
  label: string;
  repeatLabel: string;
  saving: boolean;
  save(password: string): Promise<unknown>;
}) {
  const navigate = useNavigate();
  const { problem, clear, fail } = useFormProblem();
  const newPassword = useNewPassword("De twee wachtwoorden zijn niet gelijk.");

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    clear();
    const password = newPassword.read(new FormData(event.currentTarget));
    if (password === null) return;
    try {
      await props.save(password);
      navigate("/dashboard");
    } catch (caught) {
      fail(caught, "Het wachtwoord is niet opgeslagen. Probeer het opnieuw.");
    }
  };

  return (
    <ProblemArea problem={newPassword.mismatch ?? problem}>
      <form onSubmit={onSubmit} className="kk-stack">
        <input type="hidden" name="username" autoComplete="username" value={props.email} />
        <NewPasswordFields
          idPrefix={props.idPrefix}
          path="password"
          label={props.label}
          repeatLabel={props.repeatLabel}
        />
        <div>
          <button
            type="submit"
            className="utrecht-button utrecht-button--primary-action"
            disabled={props.saving}
          >
            Wachtwoord opslaan en inloggen
          </button>
        </div>
      </form>
    </ProblemArea>
  );
}
