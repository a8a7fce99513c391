import { CombinedGraphQLErrors } from "@apollo/client";
import {
  createContext,
  type ReactNode,
  type RefObject,
  useContext,
  useEffect,
  useId,
  useRef,
  useState,
} from "react";
import { useStatusMessage } from "./StatusMessage";

/** What went wrong with a form: the server's Dutch message and, when it names one, the field. */
export interface FormProblem {
  message: string;
  /** The input field's name, e.g. "phone". */
  field: string | null;
  /** Where it sits in a nested input, e.g. "contactPoint.phone". */
  fieldPath: string | null;
  /** The id of the control, for the browser's own checks (which know the element itself). */
  fieldId?: string | undefined;
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

/** What the fields of a form need: the problems to show, and a way to say which id has which path. */
interface ProblemState {
  problems: FormProblem[];
  register: (path: string, id: string) => () => void;
}

const ProblemContext = createContext<ProblemState | null>(null);

/** A form's problem: set from a caught error, cleared on the next submit. */
export function useFormProblem() {
  const [problem, setProblem] = useState<FormProblem | null>(null);
  return {
    problem,
    clear: () => setProblem(null),
    fail: (caught: unknown, fallback: string) => setProblem(problemOf(caught, fallback)),
    /** A problem the form finds itself, about the field at `path` (or none). */
    report: (message: string, path: string | null = null) =>
      setProblem({ message, field: path?.split(".").at(-1) ?? null, fieldPath: path }),
  };
}

/**
 * A form's problem and a runner for its action: true when it succeeded, and then `done` (what
 * the action did, in words) goes to the status region.
 */
export function useFormAction(fallback: string) {
  const { problem, clear, fail } = useFormProblem();
  const announce = useStatusMessage();
  const run = async (action: () => Promise<unknown>, done?: string): Promise<boolean> => {
    clear();
    try {
      await action();
      if (done) announce(done);
      return true;
    } catch (caught) {
      fail(caught, fallback);
      return false;
    }
  };
  return { problem, run };
}

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** The visible name of a control: its label, or the legend of its group. */
function labelOf(control: Control): string {
  const legend = control.closest("fieldset")?.querySelector("legend");
  const label = control.type === "radio" ? legend : (control.labels?.[0] ?? legend);
  return label?.textContent?.trim() || control.name;
}

/**
 * The browser's own checks (required, type, length, range, pattern) in plain Dutch that names the
 * field, as the server's messages do; the browser's own wording follows the browser's language.
 */
export function checkMessage(control: Control): string {
  const label = `‘${labelOf(control)}’`;
  const { validity } = control;
  const type = control.type;
  const isDate = type === "date" || type === "datetime-local" || type === "time";
  if (validity.valueMissing) {
    if (type === "checkbox" || type === "radio") return `Kies bij ${label} een antwoord.`;
    if (control instanceof HTMLSelectElement) return `Kies bij ${label} een waarde.`;
    if (type === "file") return `Kies bij ${label} een bestand.`;
    return `Vul ${label} in.`;
  }
  if (validity.badInput) return `Vul bij ${label} een geldige ${isDate ? "datum" : "waarde"} in.`;
  if (validity.typeMismatch) {
    if (type === "email") return `Vul bij ${label} een e-mailadres in, zoals naam@voorbeeld.nl.`;
    if (type === "url") {
      return `Vul bij ${label} een volledig webadres in, zoals https://www.voorbeeld.nl.`;
    }
  }
  if (validity.tooShort && "minLength" in control) {
    return `${label} moet minstens ${control.minLength} tekens lang zijn.`;
  }
  if (validity.tooLong && "maxLength" in control) {
    return `${label} mag hoogstens ${control.maxLength} tekens lang zijn.`;
  }
  if (validity.rangeUnderflow && "min" in control) {
    return isDate
      ? `${label} mag niet vóór ${control.min} liggen.`
      : `${label} moet minstens ${control.min} zijn.`;
  }
  if (validity.rangeOverflow && "max" in control) {
    return isDate
      ? `${label} mag niet na ${control.max} liggen.`
      : `${label} mag hoogstens ${control.max} zijn.`;
  }
  if (validity.patternMismatch && control.title) return `${label}: ${control.title}`;
  return `Vul bij ${label} een geldige waarde in.`;
}

/** Focuses the field a summary link points to (the first option of a group). */
function focusField(id: string) {
  const target = document.getElementById(id);
  const control =
    target instanceof HTMLFieldSetElement
      ? target.querySelector<HTMLElement>("input, select, textarea")
      : target;
  control?.focus();
  // The label above the field belongs in view too.
  (target?.closest(".utrecht-form-field, fieldset") ?? target)?.scrollIntoView?.({
    block: "start",
  });
}

/**
 * The error summary at the top of a form (NL Design System / GOV.UK pattern): a heading, each
 * problem as a link that moves focus to its field, and focus on the summary itself after every
 * failed submit so a screen reader reads it at once.
 */
function ErrorSummary({
  problems,
  fieldIdOf,
  summary,
}: {
  problems: FormProblem[];
  fieldIdOf: (problem: FormProblem) => string | null;
  summary: RefObject<HTMLDivElement | null>;
}) {
  const headingId = useId();
  if (problems.length === 0) return null;
  const linked = problems.map((problem) => ({ problem, fieldId: fieldIdOf(problem) }));
  return (
    <div
      ref={summary}
      tabIndex={-1}
      role="alert"
      aria-labelledby={headingId}
      className="utrecht-alert utrecht-alert--error kk-error-summary"
    >
      <h2 id={headingId} className="utrecht-heading-3">
        {linked.every(({ fieldId }) => fieldId) ? "Controleer het volgende" : "Er ging iets mis"}
      </h2>
      <ul className="utrecht-unordered-list">
        {linked.map(({ problem, fieldId }, index) => (
          <li key={index} className="utrecht-unordered-list__item">
            {fieldId ? (
              <a
                className="utrecht-link"
                href={`#${fieldId}`}
                onClick={(event) => {
                  event.preventDefault();
                  focusField(fieldId);
                }}
              >
                {problem.message}
              </a>
            ) : (
              problem.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Wraps a form: the error summary at the top, and every field inside marks itself invalid and
 * shows its message beside it. Two sources land in it: the browser's checks of the fields
 * (required, formats; caught before anything is sent) and the server's refusal (`problem`).
 */
export function ProblemArea({
  problem,
  children,
}: {
  problem: FormProblem | null;
  children: ReactNode;
}) {
  const area = useRef<HTMLDivElement>(null);
  const [checks, setChecks] = useState<FormProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const summary = useRef<HTMLDivElement>(null);
  const [fieldIds] = useState(() => new Map<string, string>());
  // Fields register after the first render; counting them renders the summary's links again.
  const [, setRegistered] = useState(0);
  const [register] = useState(() => (path: string, id: string) => {
    fieldIds.set(id, path);
    setRegistered((count) => count + 1);
    return () => {
      fieldIds.delete(id);
      setRegistered((count) => count + 1);
    };
  });

  useEffect(() => {
    const element = area.current;
    if (!element) return;
    let found: FormProblem[] = [];
    // A submit first makes the browser check every field: each failing one fires `invalid`
    // (which does not bubble, so listen while it captures). Cancelling it keeps the browser's
    // own bubble away; the summary says it in Dutch instead.
    const onInvalid = (event: Event) => {
      const control = event.target as Control;
      event.preventDefault();
      // The browser checks all fields in one task (running microtasks between the events when
      // the user clicked), so gather them until the next task.
      if (found.length === 0) {
        window.setTimeout(() => {
          setChecks(found);
          setAttempt((count) => count + 1);
          found = [];
        });
      }
      // A group of radio buttons is one field: one problem, linked to its fieldset.
      const group = control.type === "radio" ? control.closest("fieldset") : null;
      const fieldId = group?.id || control.id || undefined;
      if (group && found.some((earlier) => earlier.field === control.name)) return;
      found.push({
        message: checkMessage(control),
        field: control.name || null,
        fieldPath: null,
        fieldId,
      });
    };
    // `submit` only fires once every field passes. The area may sit inside the form or around it.
    const onSubmit = (event: Event) => {
      const form = event.target as Node;
      if (element.contains(form) || form.contains(element)) setChecks([]);
    };
    const page = element.ownerDocument;
    element.addEventListener("invalid", onInvalid, true);
    page.addEventListener("submit", onSubmit, true);
    return () => {
      element.removeEventListener("invalid", onInvalid, true);
      page.removeEventListener("submit", onSubmit, true);
    };
  }, []);

  const problems = checks.length > 0 ? checks : problem ? [problem] : [];
  // Only a new failure moves focus, not every render.
  const failed = checks.length > 0 || problem !== null;
  useEffect(() => {
    if (failed) summary.current?.focus();
  }, [failed, problem, attempt]);
  const state: ProblemState = { problems, register };
  const fieldIdOf = (shown: FormProblem) => {
    if (shown.fieldId) return shown.fieldId;
    for (const [id, path] of fieldIds) if (isAbout(shown, path)) return id;
    return null;
  };
  return (
    <ProblemContext.Provider value={state}>
      <div ref={area}>
        <ErrorSummary problems={problems} fieldIdOf={fieldIdOf} summary={summary} />
        {children}
      </div>
    </ProblemContext.Provider>
  );
}

/**
 * The aria attributes and inline message for the control of the field at `path` with this `id`
 * (the error summary links to it).
 */
export function useFieldProblem(path: string, id: string) {
  const state = useContext(ProblemContext);
  const register = state?.register;
  useEffect(() => (register && path ? register(path, id) : undefined), [register, path, id]);
  const problem =
    state?.problems.find((shown) =>
      shown.fieldId ? shown.fieldId === id : path !== "" && isAbout(shown, path),
    ) ?? null;
  const errorId = `${id}-fout`;
  return {
    ariaProps: problem ? { "aria-invalid": true, "aria-describedby": errorId } : {},
    message: problem ? (
      <p id={errorId} className="utrecht-form-field-error-message kk-field-error">
        {problem.message}
      </p>
    ) : null,
  };
}
