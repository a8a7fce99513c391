import { formatShare } from "./mapParams";

export interface MatrixCell {
  paletteLevel: string;
  offeringCount: number;
  capacityAvailable: number;
  offeringsWithCapacity: number;
  notVerifiedShare?: number | null;
  isGap: boolean;
}

export interface MatrixRow {
  gemeente: { code: string; name: string };
  cells: MatrixCell[];
}

export interface SelectedCell {
  gemeente: string;
  paletteLevel: string;
}

interface MatrixProps {
  rows: MatrixRow[];
  levelLabels: Record<string, string> | undefined;
  selected: SelectedCell | null;
  onSelect: (cell: SelectedCell) => void;
}

/** Colour steps by number of offerings; a gap gets a hatched pattern and a word, not only a colour. */
function intensity(count: number): string {
  if (count === 0) return "gap";
  if (count === 1) return "1";
  if (count <= 3) return "2";
  if (count <= 6) return "3";
  return "4";
}

function cellDescription(gemeente: string, level: string, label: string, cell: MatrixCell) {
  return cell.isGap
    ? `${gemeente}, ${level} ${label}: witte vlek, geen aanbod`
    : `${gemeente}, ${level} ${label}: ${cell.offeringCount} aanbod, ${cell.capacityAvailable} vrije plekken`;
}

/**
 * The heat map: a grid of buttons, one per gemeente and palette level, each with a full
 * description for screen readers and keyboard users. The table below carries every number.
 */
export function HeatMap({ rows, levelLabels, selected, onSelect }: MatrixProps) {
  const levels = rows[0]?.cells.map((c) => c.paletteLevel) ?? [];
  return (
    <figure className="kk-heatmap-figure">
      <figcaption className="utrecht-paragraph">
        Aantal aanbod per gemeente en niveau van het palet. Gearceerde vakjes met “geen” zijn witte
        vlekken. Kies een vakje om het aanbod te zien.
      </figcaption>
      <div
        className="kk-heatmap"
        style={{ gridTemplateColumns: `minmax(8rem, auto) repeat(${levels.length}, 1fr)` }}
      >
        <span aria-hidden="true" />
        {levels.map((level) => (
          <span
            key={level}
            className="kk-heatmap-level"
            aria-hidden="true"
            title={levelLabels?.[level]}
          >
            {level}
          </span>
        ))}
        {rows.map((row) => (
          <div
            key={row.gemeente.code}
            className="kk-heatmap-row"
            role="group"
            aria-label={row.gemeente.name}
          >
            <span className="kk-heatmap-gemeente" aria-hidden="true">
              {row.gemeente.name}
            </span>
            {row.cells.map((cell) => {
              const isSelected =
                selected?.gemeente === row.gemeente.code &&
                selected.paletteLevel === cell.paletteLevel;
              return (
                <button
                  key={cell.paletteLevel}
                  type="button"
                  className={`kk-heatmap-cell kk-heatmap-cell--${intensity(cell.offeringCount)}`}
                  aria-label={cellDescription(
                    row.gemeente.name,
                    cell.paletteLevel,
                    levelLabels?.[cell.paletteLevel] ?? "",
                    cell,
                  )}
                  aria-pressed={isSelected}
                  onClick={() =>
                    onSelect({ gemeente: row.gemeente.code, paletteLevel: cell.paletteLevel })
                  }
                >
                  {cell.isGap ? "geen" : cell.offeringCount}
                </button>
              );
            })}
          </div>
        ))}
      </div>
      <ul className="kk-heatmap-legend" aria-label="Legenda">
        <li>
          <span className="kk-heatmap-swatch kk-heatmap-cell--gap" aria-hidden="true" /> geen aanbod
          (witte vlek)
        </li>
        <li>
          <span className="kk-heatmap-swatch kk-heatmap-cell--1" aria-hidden="true" /> 1
        </li>
        <li>
          <span className="kk-heatmap-swatch kk-heatmap-cell--2" aria-hidden="true" /> 2–3
        </li>
        <li>
          <span className="kk-heatmap-swatch kk-heatmap-cell--3" aria-hidden="true" /> 4–6
        </li>
        <li>
          <span className="kk-heatmap-swatch kk-heatmap-cell--4" aria-hidden="true" /> 7 of meer
        </li>
      </ul>
    </figure>
  );
}

/** The same matrix as a data table: every number of every cell, with row and column headers. */
export function MatrixTable({ rows, levelLabels, onSelect }: MatrixProps) {
  const levels = rows[0]?.cells.map((c) => c.paletteLevel) ?? [];
  return (
    <div className="kk-table-scroll" role="region" aria-labelledby="matrix-tabel" tabIndex={0}>
      <table className="kk-table kk-matrix-table">
        <caption id="matrix-tabel">
          Aanbod, vrije plekken en aandeel langer dan zes maanden niet gecontroleerd, per gemeente
          en niveau
        </caption>
        <thead>
          <tr>
            <th scope="col">Gemeente</th>
            {levels.map((level) => (
              <th key={level} scope="col">
                <abbr title={levelLabels?.[level]}>{level}</abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.gemeente.code}>
              <th scope="row">{row.gemeente.name}</th>
              {row.cells.map((cell) => (
                <td key={cell.paletteLevel} className={cell.isGap ? "kk-matrix-gap" : undefined}>
                  <button
                    type="button"
                    className="kk-link-button"
                    onClick={() =>
                      onSelect({ gemeente: row.gemeente.code, paletteLevel: cell.paletteLevel })
                    }
                  >
                    {cell.isGap ? "Witte vlek" : `${cell.offeringCount} aanbod`}
                    <span className="kk-visually-hidden">
                      {" "}
                      in {row.gemeente.name} op {cell.paletteLevel}
                    </span>
                  </button>
                  {cell.isGap ? null : (
                    <span className="kk-matrix-facts">
                      {cell.offeringsWithCapacity > 0
                        ? `${cell.capacityAvailable} vrij`
                        : "plekken onbekend"}
                      <br />
                      {formatShare(cell.notVerifiedShare)} niet gecontroleerd
                    </span>
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
