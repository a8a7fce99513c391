import { daysAgo } from "../support/calendar.js";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { Role } from "../../server/auth/role.js";
import { excelCsv } from "../../server/common/excel-csv.js";
import { PaletteLevel } from "../../server/taxonomy/taxonomy.js";
import { buildOffering, buildOrganization, buildRegion } from "../support/factories.js";
import { loggedInUser } from "../support/session.js";

async function download(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${inject("baseUrl")}${path}`, { headers });
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { response, bytes, text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes) };
}

/** Rows and cells of a `;`-separated file whose test cells hold no quotes or separators. */
const cells = (text: string) =>
  text
    .replace(/^\uFEFF/, "")
    .split("\r\n")
    .filter(Boolean)
    .map((line) => line.split(";"));

/**
 * Rows and cells as Excel reads them: `"` quotes a cell (`""` inside is one quote), `;` separates
 * cells, and a CR, LF or CRLF outside quotes ends the row.
 */
function excelRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const body = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < body.length; i++) {
    const char = body[i]!;
    if (quoted) {
      if (char !== '"') cell += char;
      else if (body[i + 1] === '"') cell += body[++i];
      else quoted = false;
    } else if (char === '"' && cell === "") {
      quoted = true;
    } else if (char === ";") {
      row.push(cell);
      cell = "";
    } else if (char === "\r" || char === "\n") {
      if (char === "\r" && body[i + 1] === "\n") i++;
      rows.push([...row, cell]);
      row = [];
      cell = "";
    } else {
      cell += char;
    }
  }
  if (cell !== "" || row.length > 0) rows.push([...row, cell]);
  return rows;
}

/** A line of a cell that a spreadsheet would read as a formula. */
const formulaLine = (cell: string) =>
  cell.split(/\r\n|\r|\n/).find((line) => /^[=+\-@\t]/.test(line));

describe("CSV exports for Dutch Excel", () => {
  let headers: Record<string, string>;
  let region: Awaited<ReturnType<typeof buildRegion>>;

  beforeAll(async () => {
    headers = (await loggedInUser({ roles: [Role.COORDINATOR] })).headers;
    region = await buildRegion(2);
    const organizationId = await buildOrganization({
      name: "Stichting Exporttest",
      gemeenteCodes: region.gemeenteCodes,
    });
    const [g1] = region.gemeenteCodes as [string];
    const base = { organizationId, paletteLevel: PaletteLevel.A7, gemeenteCodes: [g1] };
    await buildOffering({
      ...base,
      title: "=HYPERLINK(1)",
      capacity: { available: 4, total: 6, updatedAt: new Date() },
    });
    await buildOffering({ ...base, title: "+31 6 bellen" });
    await buildOffering({ ...base, title: "@nazorg", lastVerifiedAt: daysAgo(400) });
    await buildOffering({ ...base, title: "-5 euro per maand", paletteLevel: PaletteLevel.A1 });
    await buildOffering({ ...base, title: "Financiële nazorg", paletteLevel: PaletteLevel.A1 });
    await buildOffering({ ...base, title: "Regel\n=1+1", paletteLevel: PaletteLevel.A2 });
  });

  it("writes the matrix with a BOM, semicolons, CRLF, Dutch headers and decimal commas", async () => {
    const { response, bytes, text } = await download(
      `/export/nazorgkaart.csv?regionId=${region.id}`,
      headers,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/csv; charset=utf-8/);
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="nazorgkaart-.+\.csv"$/,
    );
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toContain("\n");

    const rows = cells(text);
    expect(rows[0]).toEqual([
      "Gemeente",
      "CBS-code",
      "Niveau",
      "Omschrijving niveau",
      "Aantal aanbod",
      "Vrije plekken",
      "Aanbod dat plekken bijhoudt",
      "Langer dan zes maanden niet gecontroleerd (%)",
      "Witte vlek",
      "Regie op nazorg",
    ]);
    // Two gemeenten × thirteen levels.
    expect(rows).toHaveLength(1 + 2 * 13);
    const [g1, g2] = region.gemeenteCodes as [string, string];
    const a7 = rows.find((r) => r[1] === g1 && r[2] === "A7")!;
    expect(a7.slice(4)).toEqual(["3", "4", "1", "33,3", "nee", "geen afspraak"]);
    const gap = rows.find((r) => r[1] === g2 && r[2] === "P1")!;
    expect(gap.slice(4)).toEqual(["0", "0", "0", "", "ja", "geen afspraak"]);
  });

  it("applies the map's filters to the matrix", async () => {
    const { text } = await download(
      `/export/nazorgkaart.csv?regionId=${region.id}&deliveredBy=BEROEPSKRACHT`,
      headers,
    );
    const [g1] = region.gemeenteCodes as [string];
    // The test offerings are all delivered by volunteers.
    expect(cells(text).find((r) => r[1] === g1 && r[2] === "A7")![8]).toBe("ja");
  });

  it("lists the offerings behind a cell with formulas escaped and Dutch text intact", async () => {
    const [g1] = region.gemeenteCodes as [string];
    const { response, text } = await download(
      `/export/aanbod.csv?gemeente=${g1}&paletteLevel=A1,A7`,
      headers,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toContain(`aanbod-${g1}-A1-A7.csv`);
    const rows = cells(text);
    expect(rows[0]!.slice(0, 3)).toEqual(["Titel", "Organisatie", "Niveau"]);
    expect(rows.slice(1).map((r) => r[0])).toEqual([
      "'-5 euro per maand",
      "Financiële nazorg",
      "'+31 6 bellen",
      "'=HYPERLINK(1)",
      "'@nazorg",
    ]);
    const stale = rows.find((r) => r[0] === "'@nazorg")!;
    expect(stale[11]).toBe("ja");
    const withPlaces = rows.find((r) => r[0] === "'=HYPERLINK(1)")!;
    expect(withPlaces.slice(8, 10)).toEqual(["4", "6"]);
    expect(withPlaces[10]).toMatch(/^\d{2}-\d{2}-\d{4}$/);
    expect(withPlaces[12]).toMatch(/^http:\/\/.+\/aanbod\/[0-9a-f-]{36}$/);
  });

  it("keeps a title with a bare line feed in its row, its second line escaped", async () => {
    const [g1] = region.gemeenteCodes as [string];
    const { text } = await download(`/export/aanbod.csv?gemeente=${g1}&paletteLevel=A2`, headers);
    const rows = excelRows(text);
    expect(rows).toHaveLength(2);
    expect(rows.map((row) => row.length)).toEqual([13, 13]);
    expect(rows[1]![0]).toBe("Regel\n'=1+1");
    expect(rows.flat().filter(formulaLine)).toEqual([]);
  });

  it("asks for a login and names a bad filter", async () => {
    const anonymous = await download(`/export/nazorgkaart.csv`);
    expect(anonymous.response.status).toBe(401);
    expect(anonymous.text).toContain("Log in");
    const bad = await download(`/export/nazorgkaart.csv?phases=NAZORG,ONBEKEND`, headers);
    expect(bad.response.status).toBe(400);
    expect(bad.text).toBe("Onbekende waarde bij 'phases': ONBEKEND.");
  });

  it("escapes every formula start, quotes what needs quoting and writes numbers the Dutch way", () => {
    const csv = excelCsv(
      ["Tekst", "Getal"],
      [
        ["\tTAB", -2.5],
        ["\rCR", 0.125],
        ['a;b "c"', 1000],
        [null, null],
        ["Regel\n=1+1", 1],
        ["a\r@b\r\n+c\n-d", 2],
      ],
    );
    expect(csv).toBe(
      "\uFEFFTekst;Getal\r\n" +
        "'\tTAB;-2,5\r\n" +
        '"\'\rCR";0,125\r\n' +
        '"a;b ""c""";1000\r\n' +
        ";\r\n" +
        '"Regel\n\'=1+1";1\r\n' +
        "\"a\r'@b\r\n'+c\n'-d\";2\r\n",
    );
  });

  it("keeps every text in its own cell and row, with no line that starts a formula", () => {
    const text = fc.string({ unit: fc.constantFrom(..."=+-@\t\r\n;\"' a"), maxLength: 12 });
    fc.assert(
      fc.property(fc.array(fc.tuple(text, text), { maxLength: 6 }), (rows) => {
        const read = excelRows(excelCsv(["A", "B"], rows));
        expect(read).toEqual([
          ["A", "B"],
          ...rows.map(() => [expect.any(String), expect.any(String)]),
        ]);
        read.slice(1).forEach((cells, row) =>
          cells.forEach((cell, column) => {
            expect(formulaLine(cell)).toBeUndefined();
            // Only the escaping quotes were added.
            expect(cell.replaceAll("'", "")).toBe(rows[row]![column]!.replaceAll("'", ""));
          }),
        );
      }),
      { numRuns: 2000 },
    );
  });
});
