import {
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from "react";
import { useFieldProblem } from "./form";

// The form controls: each labelled, with its own problem shown beside it.
/** A labelled text input (or textarea) that shows its own problem. */
export function TextField({
  id,
  label,
  path,
  multiline,
  description,
  ...inputProps
}: {
  id: string;
  label: ReactNode;
  /** The field in the API input, e.g. "contactPoint.phone". */
  path: string;
  multiline?: boolean;
  /** A hint under the label, e.g. "Bijvoorbeeld 6811 of 6811 AB". */
  description?: ReactNode;
} & InputHTMLAttributes<HTMLInputElement>) {
  const { ariaProps: problemProps, message } = useFieldProblem(path, id);
  const descriptionId = `${id}-uitleg`;
  const describedBy = [problemProps["aria-describedby"], description ? descriptionId : null]
    .filter(Boolean)
    .join(" ");
  const ariaProps = { ...problemProps, "aria-describedby": describedBy || undefined };
  const invalid = message ? " utrecht-form-field--invalid" : "";
  return (
    <div className={`utrecht-form-field${invalid}`}>
      <label className="utrecht-form-label" htmlFor={id}>
        {label}
      </label>
      {description ? (
        <p id={descriptionId} className="utrecht-form-field-description">
          {description}
        </p>
      ) : null}
      {message}
      {multiline ? (
        <textarea
          id={id}
          rows={5}
          className="utrecht-textarea utrecht-textarea--html-textarea"
          {...(inputProps as TextareaHTMLAttributes<HTMLTextAreaElement>)}
          {...ariaProps}
        />
      ) : (
        <input
          id={id}
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
  options,
  empty,
  ...selectProps
}: {
  id: string;
  label: ReactNode;
  path: string;
  options: Array<[value: string, label: string]>;
  /** A first option with an empty value, e.g. "Nog niet afgesproken". */
  empty?: string;
} & SelectHTMLAttributes<HTMLSelectElement>) {
  const { ariaProps, message } = useFieldProblem(path, id);
  return (
    <div className={`utrecht-form-field${message ? " utrecht-form-field--invalid" : ""}`}>
      <label className="utrecht-form-label" htmlFor={id}>
        {label}
      </label>
      {message}
      <select
        id={id}
        className="utrecht-select utrecht-select--html-select"
        {...selectProps}
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

/** One labelled checkbox (e.g. "De inwoner neemt deel") that shows its own problem. */
export function CheckboxField({
  id,
  label,
  path,
  ...inputProps
}: {
  id: string;
  label: ReactNode;
  path: string;
} & InputHTMLAttributes<HTMLInputElement>) {
  const { ariaProps, message } = useFieldProblem(path, id);
  return (
    <div className={message ? "utrecht-form-field--invalid" : undefined}>
      {message}
      <div className="kk-filter-option">
        <input
          id={id}
          type="checkbox"
          className="utrecht-checkbox utrecht-checkbox--html-input"
          {...inputProps}
          {...ariaProps}
        />
        <label htmlFor={id} className="utrecht-form-label utrecht-form-label--checkbox">
          {label}
        </label>
      </div>
    </div>
  );
}

const choiceClasses = {
  checkbox: {
    input: "utrecht-checkbox utrecht-checkbox--html-input",
    label: "utrecht-form-label utrecht-form-label--checkbox",
  },
  radio: {
    input: "utrecht-radio-button utrecht-radio-button--html-input",
    label: "utrecht-form-label utrecht-form-label--radio-button",
  },
};

/**
 * Checkboxes or radio buttons that submit as one form field (read checkboxes with
 * FormData.getAll), with the legend as the field's name; shows its own problem.
 */
function ChoiceGroup(props: {
  type: "checkbox" | "radio";
  legend: string;
  name: string;
  path: string;
  labels: Record<string, string> | undefined;
  isChecked: (value: string) => boolean;
  required?: boolean;
  children?: ReactNode;
}) {
  const id = `${props.name}-groep`;
  const { ariaProps, message } = useFieldProblem(props.path, id);
  const classes = choiceClasses[props.type];
  return (
    <fieldset
      id={id}
      className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset"
      aria-describedby={ariaProps["aria-describedby"]}
    >
      <legend className="utrecht-form-fieldset__legend kk-filter-legend">{props.legend}</legend>
      {message}
      {Object.entries(props.labels ?? {}).map(([value, label]) => (
        <div key={value} className="kk-filter-option">
          <input
            id={`${props.name}-${value}`}
            type={props.type}
            name={props.name}
            value={value}
            required={props.required}
            defaultChecked={props.isChecked(value)}
            className={classes.input}
            {...(message ? { "aria-invalid": true } : {})}
          />
          <label htmlFor={`${props.name}-${value}`} className={classes.label}>
            {label}
          </label>
        </div>
      ))}
      {props.children}
    </fieldset>
  );
}

/** Radio buttons as one field, with the legend as its name; shows its own problem. */
export function RadioGroup(props: {
  legend: string;
  name: string;
  path: string;
  labels: Record<string, string> | undefined;
  required?: boolean;
  defaultValue?: string;
  /** More fields that belong to the choice (shown inside the same fieldset). */
  children?: ReactNode;
}) {
  return (
    <ChoiceGroup type="radio" {...props} isChecked={(value) => props.defaultValue === value} />
  );
}

/** A fieldset of checkboxes that submit as one form field (read with FormData.getAll). */
export function CheckboxGroup(props: {
  legend: string;
  name: string;
  labels: Record<string, string> | undefined;
  /** Values checked at first (editing). */
  selected?: readonly string[];
  /** The field in the API input, when the server may name it in an error. */
  path?: string;
}) {
  return (
    <ChoiceGroup
      type="checkbox"
      legend={props.legend}
      name={props.name}
      labels={props.labels}
      path={props.path ?? ""}
      isChecked={(value) => props.selected?.includes(value) ?? false}
    />
  );
}
