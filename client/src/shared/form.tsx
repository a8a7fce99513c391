import { CombinedGraphQLErrors } from "@apollo/client";
import {
  createContext,
  type InputHTMLAttributes,
  type ReactNode,
  type TextareaHTMLAttributes,
  useContext,
  useEffect,
  useRef,
  useState,
} from "react";
import { ErrorAlert } from "./ErrorAlert";

/** What went wrong with a form: the server's Dutch message and, when it names one, the field. */
export interface FormProblem {
  message: string;
  /** The input field's name, e.g. "phone". */
  field: string | null;
  /** Where it sits in a nested input, e.g. "contactPoint.phone". */
  fieldPath: string | null;
}

export function problemOf(caught: unknown, fallback: string): FormProblem {
  const first = CombinedGraphQLErrors.is(caught) ? caught.errors[0] : undefined;
  if (!first) return { message: fallback, field: null, fieldPath: null };
  const { field, fieldPath } = first.extensions ?? {};
  return {
    message: first.message,
    field: typeof field === "string" ? field : null,
    fieldPath: typeof fieldPath === "string" ? fieldPath : null,
  };
}

/** Whether the problem is about the field at this path of the input ("contactPoint.phone"). */
export function isAbout(problem: FormProblem | null, path: string): boolean {
  if (!problem) return false;
  if (problem.fieldPath) return problem.fieldPath === path;
  return problem.field !== null && problem.field === path.split(".").at(-1);
}

const ProblemContext = createContext<FormProblem | null>(null);

/** A form's problem: set from a caught error, cleared on the next submit. */
export function useFormProblem() {
  const [problem, setProblem] = useState<FormProblem | null>(null);
  return {
    problem,
    clear: () => setProblem(null),
    fail: (caught: unknown, fallback: string) => setProblem(problemOf(caught, fallback)),
  };
}

/** A form's problem and a runner for its action: true when it succeeded. */
export function useFormAction(fallback: string) {
  const { problem, clear, fail } = useFormProblem();
  const run = async (action: () => Promise<unknown>): Promise<boolean> => {
    clear();
    try {
      await action();
      return true;
    } catch (caught) {
      fail(caught, fallback);
      return false;
    }
  };
  return { problem, run };
}

/**
 * Wraps a form: shows the message at the top and lets every field inside mark itself invalid,
 * show the message beside it and take focus, so the worker sees at once what to correct.
 */
export function ProblemArea({
  problem,
  children,
}: {
  problem: FormProblem | null;
  children: ReactNode;
}) {
  const top = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // A field that the problem is about has taken focus (and scrolled into view); otherwise
    // bring the message itself into view.
    if (
      problem &&
      !document.activeElement?.closest(".utrecht-form-field--invalid, [aria-describedby$='-fout']")
    ) {
      top.current?.scrollIntoView?.({ block: "nearest" });
    }
  }, [problem]);
  return (
    <ProblemContext.Provider value={problem}>
      <div ref={top}>
        <ErrorAlert message={problem?.message ?? null} />
      </div>
      {children}
    </ProblemContext.Provider>
  );
}

/**
 * The aria attributes and inline message for the control of the field at `path`; the control
 * takes focus when the problem is about it.
 */
export function useFieldProblem<T extends HTMLElement>(path: string, id: string) {
  const problem = useContext(ProblemContext);
  const about = isAbout(problem, path);
  const control = useRef<T>(null);
  useEffect(() => {
    if (about) control.current?.focus();
  }, [about, problem]);
  const errorId = `${id}-fout`;
  return {
    control,
    ariaProps: about ? { "aria-invalid": true, "aria-describedby": errorId } : {},
    message: about ? (
      <p id={errorId} className="utrecht-form-field-error-message kk-field-error">
        {problem!.message}
      </p>
    ) : null,
  };
}

/** A labelled text input (or textarea) that shows its own problem. */
export function TextField({
  id,
  label,
  path,
  multiline,
  ...inputProps
}: {
  id: string;
  label: ReactNode;
  /** The field in the API input, e.g. "contactPoint.phone". */
  path: string;
  multiline?: boolean;
} & InputHTMLAttributes<HTMLInputElement>) {
  const { control, ariaProps, message } = useFieldProblem<HTMLInputElement & HTMLTextAreaElement>(
    path,
    id,
  );
  const invalid = message ? " utrecht-form-field--invalid" : "";
  return (
    <div className={`utrecht-form-field${invalid}`}>
      <label className="utrecht-form-label" htmlFor={id}>
        {label}
      </label>
      {message}
      {multiline ? (
        <textarea
          id={id}
          ref={control}
          rows={5}
          className="utrecht-textarea utrecht-textarea--html-textarea"
          {...(inputProps as TextareaHTMLAttributes<HTMLTextAreaElement>)}
          {...ariaProps}
        />
      ) : (
        <input
          id={id}
          ref={control}
          className="utrecht-textbox utrecht-textbox--html-input"
          {...inputProps}
          {...ariaProps}
        />
      )}
    </div>
  );
}

/** A labelled select that shows its own problem. */
export function SelectField({
  id,
  label,
  path,
  name,
  defaultValue,
  options,
  empty,
}: {
  id: string;
  label: ReactNode;
  path: string;
  name: string;
  defaultValue?: string | undefined;
  options: Array<[value: string, label: string]>;
  /** A first option with an empty value, e.g. "Nog niet afgesproken". */
  empty?: string;
}) {
  const { control, ariaProps, message } = useFieldProblem<HTMLSelectElement>(path, id);
  return (
    <div className={`utrecht-form-field${message ? " utrecht-form-field--invalid" : ""}`}>
      <label className="utrecht-form-label" htmlFor={id}>
        {label}
      </label>
      {message}
      <select
        id={id}
        ref={control}
        name={name}
        defaultValue={defaultValue}
        className="utrecht-select utrecht-select--html-select"
        {...ariaProps}
      >
        {empty !== undefined ? <option value="">{empty}</option> : null}
        {options.map(([value, optionLabel]) => (
          <option key={value} value={value}>
            {optionLabel}
          </option>
        ))}
      </select>
    </div>
  );
}
