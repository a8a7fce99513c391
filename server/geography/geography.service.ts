import type { DataSource, EntityManager } from "typeorm";
import { UserInputError } from "../common/errors.js";
import { PostcodeArea } from "./postcode-area.entity.js";
import { parsePostcode } from "./postcode.js";

export async function findPostcodeArea(
  db: DataSource | EntityManager,
  input: string,
  field: string,
): Promise<PostcodeArea> {
  const { pc4 } = parsePostcode(input, field);
  const area = await db.getRepository(PostcodeArea).findOneBy({ code: pc4 });
  if (!area) throw unknownPostcode(pc4, field);
  return area;
}

export const unknownPostcode = (pc4: string, field: string) =>
  new UserInputError(`Postcode ${pc4} kennen we niet.`, field);

export interface PostcodeAreaRow {
  code: string;
  latitude: number;
  longitude: number;
  gemeenteCode: string;
}

/**
 * Reads the PC4 table as CSV with the header `code,latitude,longitude,gemeente_code` (the
 * shape of the CBS/PDOK data), checking every line before anything is written.
 */
export function parsePostcodeAreasCsv(csv: string): PostcodeAreaRow[] {
  const lines = csv.split(/\r?\n/).filter((line) => line.trim() !== "");
  const header = lines.shift()?.trim().toLowerCase();
  if (header !== "code,latitude,longitude,gemeente_code") {
    throw new Error("Expected the header code,latitude,longitude,gemeente_code");
  }
  return lines.map((line, index) => {
    const [code, latitude, longitude, gemeenteCode, ...rest] = line.split(",").map((v) => v.trim());
    const row = { code, latitude: Number(latitude), longitude: Number(longitude), gemeenteCode };
    if (
      rest.length > 0 ||
      !/^[1-9][0-9]{3}$/.test(code ?? "") ||
      !/^GM[0-9]{4}$/.test(gemeenteCode ?? "") ||
      !(Math.abs(row.latitude) <= 90) ||
      !(Math.abs(row.longitude) <= 180)
    ) {
      throw new Error(`Line ${index + 2} is not a valid PC4 row: ${line}`);
    }
    return row as PostcodeAreaRow;
  });
}

/** Inserts or updates PC4 areas in batches; the caller supplies the transaction. */
export async function upsertPostcodeAreas(
  db: EntityManager,
  rows: PostcodeAreaRow[],
): Promise<void> {
  const batchSize = 1000;
  for (let start = 0; start < rows.length; start += batchSize) {
    const batch = rows.slice(start, start + batchSize);
    await db.query(
      `INSERT INTO postcode_area (code, latitude, longitude, gemeente_code)
       SELECT * FROM unnest($1::text[], $2::float8[], $3::float8[], $4::text[])
       ON CONFLICT (code) DO UPDATE
         SET latitude = EXCLUDED.latitude, longitude = EXCLUDED.longitude,
             gemeente_code = EXCLUDED.gemeente_code`,
      [
        batch.map((r) => r.code),
        batch.map((r) => r.latitude),
        batch.map((r) => r.longitude),
        batch.map((r) => r.gemeenteCode),
      ],
    );
  }
}
