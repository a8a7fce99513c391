import { useId } from "react";

export interface FilterOption {
  value: string;
  label: string;
  count: number;
  /** Shown as a sub-heading before this option (the palette's passive and active parts). */
  groupLabel?: string;
}

/**
 * One filter as a group of checkboxes, each with its facet count: the number of results the
 * search would have with that value chosen (the counts ignore this filter's own choice).
 */
export function FilterGroup(props: {
  legend: string;
  options: FilterOption[];
  selected: readonly string[];
  onToggle: (value: string) => void;
}) {
  const id = useId();
  return (
    <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset kk-filter">
      <legend className="utrecht-form-fieldset__legend kk-filter-legend">{props.legend}</legend>
      {props.options.map((option) => {
        const checked = props.selected.includes(option.value);
        const inputId = `${id}-${option.value}`;
        return (
          <div key={option.value}>
            {option.groupLabel ? (
              <p className="kk-filter-group-label">{option.groupLabel}</p>
            ) : null}
            <div className="utrecht-form-field utrecht-form-field--checkbox kk-filter-option">
              <input
                id={inputId}
                type="checkbox"
                className="utrecht-checkbox utrecht-checkbox--html-input"
                checked={checked}
                disabled={!checked && option.count === 0}
                onChange={() => props.onToggle(option.value)}
              />
              <label htmlFor={inputId} className="utrecht-form-label utrecht-form-label--checkbox">
                {option.label} <span className="kk-count">({option.count})</span>
              </label>
            </div>
          </div>
        );
      })}
    </fieldset>
  );
}
