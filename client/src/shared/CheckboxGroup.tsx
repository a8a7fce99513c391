import { useFieldProblem } from "./form";

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
  const { ariaProps, message } = useFieldProblem(props.path ?? "", `${props.name}-groep`);
  return (
    <fieldset
      id={`${props.name}-groep`}
      className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset"
      aria-describedby={ariaProps["aria-describedby"]}
    >
      <legend className="utrecht-form-fieldset__legend kk-filter-legend">{props.legend}</legend>
      {message}
      {Object.entries(props.labels ?? {}).map(([value, label]) => (
        <div key={value} className="kk-filter-option">
          <input
            id={`${props.name}-${value}`}
            type="checkbox"
            name={props.name}
            value={value}
            defaultChecked={props.selected?.includes(value)}
            className="utrecht-checkbox utrecht-checkbox--html-input"
          />
          <label
            htmlFor={`${props.name}-${value}`}
            className="utrecht-form-label utrecht-form-label--checkbox"
          >
            {label}
          </label>
        </div>
      ))}
    </fieldset>
  );
}
