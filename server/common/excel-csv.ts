import { stringify } from "csv-stringify/sync";
import type { Response } from "express";

/** A cell: text as it is, numbers with a decimal comma, null as an empty cell. */
export type CsvCell = string | number | boolean | null | undefined;

/** Leading characters that make Excel read a cell as a formula (CSV/formula injection). */
const formulaStart = /^[=+\-@\t\r]/;

function cellText(cell: CsvCell): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "boolean") return cell ? "ja" : "nee";
  // Our own numbers are never formulas, so "-3" stays a number; Dutch Excel wants "33,3".
  if (typeof cell === "number") return String(cell).replace(".", ",");
  return formulaStart.test(cell) ? `'${cell}` : cell;
}

/**
 * CSV that Dutch Excel opens correctly by double-clicking: a UTF-8 byte order mark (else
 * "Financiën" turns into mojibake), `;` as the separator (the comma is the decimal sign),
 * CRLF line ends, decimal commas, and text that could start a formula escaped with a quote.
 */
export function excelCsv(header: string[], rows: CsvCell[][]): string {
  return stringify(
    [header, ...rows].map((row) => row.map(cellText)),
    {
      bom: true,
      delimiter: ";",
      record_delimiter: "\r\n",
      // csv-stringify quotes a line feed but not a lone carriage return, which Excel also
      // reads as the end of a row.
      quoted_match: /\r/,
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
