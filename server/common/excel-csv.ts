import { stringify } from "csv-stringify/sync";
import type { Response } from "express";

/** A cell: text as it is, numbers with a decimal comma, null as an empty cell. */
export type CsvCell = string | number | boolean | null | undefined;

/** Leading characters that make Excel read a cell as a formula (CSV/formula injection). */
const formulaStart = /^[=+\-@\t\r]/;

/**
 * The text with a quote before every line that could start a formula: a program that splits a
 * cell at its line breaks (or reads them as the end of a row) sees each line as a cell of its
 * own. The cell itself too, as some readers drop a leading CR before they look.
 */
function escapeFormulas(text: string): string {
  const escaped = text
    .split(/(\r\n|\r|\n)/)
    .map((part, index) => (index % 2 === 0 && formulaStart.test(part) ? `'${part}` : part))
    .join("");
  return formulaStart.test(escaped) ? `'${escaped}` : escaped;
}

function cellText(cell: CsvCell): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "boolean") return cell ? "ja" : "nee";
  // Our own numbers are never formulas, so "-3" stays a number; Dutch Excel wants "33,3".
  if (typeof cell === "number") return String(cell).replace(".", ",");
  return escapeFormulas(cell);
}

/**
 * CSV that Dutch Excel opens correctly by double-clicking: a UTF-8 byte order mark (else
 * "Financiën" turns into mojibake), `;` as the separator (the comma is the decimal sign),
 * CRLF line ends, decimal commas, and text that could start a formula escaped with a quote at
 * the start of every line of a cell. A cell with a line break is always quoted: Excel ends a row
 * at a bare CR or LF outside quotes just as at CRLF.
 */
export function excelCsv(header: string[], rows: CsvCell[][]): string {
  return stringify(
    [header, ...rows].map((row) => row.map(cellText)),
    {
      bom: true,
      delimiter: ";",
      record_delimiter: "\r\n",
      // csv-stringify quotes only what contains the record delimiter (CRLF) itself.
      quoted_match: /[\r\n]/,
    },
  );
}

/** Sends an Excel CSV as a download with the given file name. */
export function sendExcelCsv(response: Response, fileName: string, csv: string): void {
  response.setHeader("Content-Type", "text/csv; charset=utf-8");
  response.setHeader("Content-Disposition", `attachment; filename="${fileName}"`);
  response.setHeader("Cache-Control", "no-store");
  response.send(csv);
}
