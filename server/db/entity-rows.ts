import type { DataSource, EntityTarget, ObjectLiteral } from "typeorm";
import type { ColumnMetadata } from "typeorm/metadata/ColumnMetadata.js";
import { queryPrepared } from "./prepared-statement.js";
import { isUuid } from "../common/ids.js";

/**
 * The rows of an entity whose `column` is one of `keys`, as entity instances: what the
 * DataLoaders of list pages fetch. One plain statement with `= ANY($1)` instead of TypeORM's
 * `find({ where: In(keys) })`, whose query builder and result transformer cost more CPU than
 * the statement itself on a page of a hundred cases, and whose `IN ($1 … $500)` is planned anew
 * for every length of list.
 *
 * `orderBy` names properties, as TypeORM's `order` does: `{ startedAt: "ASC", id: "ASC" }`.
 * `run` sends the statement (`selectLogged` wraps it to log the read along).
 */
export async function entityRowsWhereIn<E extends ObjectLiteral>(
  db: DataSource,
  entity: EntityTarget<E> & (new () => E),
  column: keyof E & string,
  keys: readonly string[],
  orderBy?: Partial<Record<keyof E & string, "ASC" | "DESC">>,
  run: (sql: string, parameters: unknown[]) => Promise<unknown> = (sql, parameters) =>
    queryPrepared(db, sql, parameters),
): Promise<E[]> {
  const { sql, keyIsUuid, timestamps } = statementFor(db, entity, column, orderBy);
  // A key that cannot be a uuid matches nothing, rather than failing the cast.
  const usable = keyIsUuid ? keys.filter(isUuid) : [...keys];
  if (usable.length === 0) return [];
  const rows = (await run(sql, [usable])) as ObjectLiteral[];
  for (const row of rows) {
    for (const property of timestamps) {
      if (row[property] !== null) row[property] = new Date(row[property] as number);
    }
  }
  const { columns } = db.getMetadata(entity);
  if (columns.every((column) => !column.embeddedMetadata)) {
    return rows.map((row) => Object.assign(new entity(), row));
  }
  return rows.map((row) => toEntity(entity, columns, (column) => row[column.propertyPath]));
}

/** An entity from the value of each of its columns, embedded objects included. */
function toEntity<E extends ObjectLiteral>(
  entity: new () => E,
  columns: readonly ColumnMetadata[],
  valueOf: (column: ColumnMetadata, index: number) => unknown,
): E {
  const found = new entity();
  // setEntityValue also fills embedded objects (an organisation's contactPoint).
  columns.forEach((column, index) => column.setEntityValue(found, valueOf(column, index)));
  return found;
}

interface Statement {
  sql: string;
  keyIsUuid: boolean;
  /** Properties of timestamptz columns, read as milliseconds since 1970. */
  timestamps: string[];
}

// The statement depends only on the entity's mapping, so it is built once per use.
const statements = new WeakMap<DataSource, Map<string, Statement>>();

function statementFor(
  db: DataSource,
  entity: EntityTarget<ObjectLiteral>,
  column: string,
  orderBy: Partial<Record<string, "ASC" | "DESC">> | undefined,
) {
  const metadata = db.getMetadata(entity);
  const order = Object.entries(orderBy ?? {});
  const cacheKey = `${metadata.name}|${column}|${order.join(";")}`;
  let byKey = statements.get(db);
  if (!byKey) statements.set(db, (byKey = new Map()));
  const known = byKey.get(cacheKey);
  if (known) return known;

  const columnNamed = (property: string) => {
    const found = metadata.findColumnWithPropertyName(property);
    if (!found) throw new Error(`${metadata.name} has no column ${property}`);
    return found;
  };
  const keyColumn = columnNamed(column);
  const keyIsUuid = keyColumn.type === "uuid";
  const select = metadata.columns.map((c) => `${columnValue(c)} AS "${c.propertyPath}"`).join(", ");
  const statement: Statement = {
    sql:
      `SELECT ${select} FROM "${metadata.tableName}"` +
      ` WHERE "${keyColumn.databaseName}" = ANY($1::${keyIsUuid ? "uuid" : "text"}[])` +
      (order.length > 0
        ? ` ORDER BY ${order.map(([p, direction]) => `"${columnNamed(p).databaseName}" ${direction}`).join(", ")}`
        : ""),
    keyIsUuid,
    timestamps: metadata.columns.filter(isTimestamptz).map((c) => c.propertyPath),
  };
  byKey.set(cacheKey, statement);
  return statement;
}

const isTimestamptz = (column: ColumnMetadata) => column.type === "timestamptz";

function columnValue(column: ColumnMetadata): string {
  const name = `"${column.databaseName}"`;
  // pg reads a date as a Date at local midnight; the entities hold "YYYY-MM-DD" as TypeORM does.
  if (column.type === "date") return `${name}::text`;
  // A number is quicker to read than pg's text timestamp, which it parses with a regular
  // expression per value (a quarter of reading a case list's rows). Whole milliseconds, as a Date.
  if (isTimestamptz(column)) return `floor(extract(epoch FROM ${name}) * 1000)::float8`;
  // An array as JSON: JSON.parse is native, where pg parses array text in JavaScript (a list
  // of referrals reads nine arrays per offering).
  if (column.isArray) return `to_json(${name})`;
  return name;
}

/**
 * SQL for a `json` array of an entity's column values, in the order of its columns, for the row
 * `alias`: lets one statement return related rows (a search page with its offerings) that
 * `entityFromJson` turns back into entities. An array rather than an object keyed by property:
 * the keys were two fifths of a search page's 35 kB, which pg then parsed for every request.
 * `columns` (in the entity's column order) narrows it to what a query selects.
 */
export function entityJsonSql(
  db: DataSource,
  entity: EntityTarget<ObjectLiteral>,
  alias: string,
  columns: readonly ColumnMetadata[] = db.getMetadata(entity).columns,
): string {
  return `json_build_array(${columns.map((c) => `${alias}."${c.databaseName}"`).join(", ")})`;
}

/**
 * The entity of an `entityJsonSql` array of the same `columns`: JSON holds timestamps as text
 * and dates as "YYYY-MM-DD". With fewer than all columns the record is partial.
 */
export function entityFromJson<E extends ObjectLiteral>(
  db: DataSource,
  entity: EntityTarget<E> & (new () => E),
  json: unknown[],
  columns: readonly ColumnMetadata[] = db.getMetadata(entity).columns,
): E {
  return toEntity(entity, columns, (column, index) => {
    const value = json[index];
    if (typeof value !== "string" && typeof value !== "number") return value;
    if (column.type === "timestamptz" || column.type === "timestamp") return new Date(value);
    return column.type === "bigint" ? String(value) : value; // as pg and TypeORM give a bigint
  });
}
