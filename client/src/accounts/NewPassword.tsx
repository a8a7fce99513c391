import { useState } from "react";
import { type FormProblem, TextField } from "../shared/form";

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
