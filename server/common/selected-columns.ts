import type { GraphQLResolveInfo } from "graphql";
import { type FieldExpansion, isLeafField, type TypeExpansion } from "graphql-jit";
import type { DataSource, EntityTarget, ObjectLiteral } from "typeorm";
import type { ColumnMetadata } from "typeorm/metadata/ColumnMetadata.js";
import type { EntityMetadata } from "typeorm/metadata/EntityMetadata.js";

/**
 * The fields a query selects on the object at `path` below a resolver's field (for example
 * `"edges", "node"` below a connection), merged over fragments and aliases. graphql-jit works
 * this out once per compiled document (`fieldExpansion`, compiled-execution.ts). An empty
 * object when nothing is selected there; null when it is not known (an operation graphql-js
 * executes), in which case a caller reads everything.
 */
export function selectedFields(info: GraphQLResolveInfo, ...path: string[]): TypeExpansion | null {
  const expansion = (info as GraphQLResolveInfo & { fieldExpansion?: FieldExpansion })
    .fieldExpansion;
  if (!expansion) return null;
  let fields = fieldsOf(expansion);
  for (const name of path) {
    const below = fields[name];
    if (!below) return nothingSelected;
    if (isLeafField(below)) return null;
    fields = fieldsOf(below);
  }
  return fields;
}

const nothingSelected: TypeExpansion = Object.freeze({});

/** The fields selected on a field's type; merged over the possible types of an interface. */
function fieldsOf(expansion: FieldExpansion): TypeExpansion {
  const types = Object.values(expansion) as TypeExpansion[];
  // The same object every time for an object type, so columnsForFields can remember it.
  return types.length === 1 ? types[0]! : (Object.assign({}, ...types) as TypeExpansion);
}

// Per selection (one per compiled document) and entity: its columns, worked out once. An
// entity's field resolvers list their columns in one place, so the entity stands for them.
const columnsBySelection = new WeakMap<
  TypeExpansion,
  Map<EntityMetadata, ColumnMetadata[] | null>
>();

/**
 * The columns, in the entity's column order, that the selected `fields` of its GraphQL type
 * read: a field's own column (every column of an embedded object), or the columns
 * `resolverColumns` lists for a field resolver; the primary key always. Null when a field is
 * neither (a field resolver added without its columns), and when `fields` is null: then the
 * whole record is read rather than a field missing its value.
 */
export function columnsForFields<E extends ObjectLiteral>(
  db: DataSource,
  entity: EntityTarget<E>,
  fields: TypeExpansion | null,
  resolverColumns: Readonly<Record<string, ReadonlyArray<keyof E & string>>>,
): ColumnMetadata[] | null {
  if (!fields) return null;
  const metadata = db.getMetadata(entity);
  let known = columnsBySelection.get(fields);
  if (!known) columnsBySelection.set(fields, (known = new Map()));
  if (!known.has(metadata)) {
    known.set(metadata, selectColumns(metadata, fields, resolverColumns));
  }
  return known.get(metadata)!;
}

function selectColumns(
  { columns }: EntityMetadata,
  fields: TypeExpansion,
  resolverColumns: Readonly<Record<string, readonly string[]>>,
): ColumnMetadata[] | null {
  const wanted = new Set<ColumnMetadata>(columns.filter((column) => column.isPrimary));
  for (const field of Object.keys(fields)) {
    const read = Object.hasOwn(resolverColumns, field)
      ? columns.filter((column) => resolverColumns[field]!.includes(column.propertyPath))
      : columns.filter(
          (column) => column.propertyPath === field || column.propertyPath.startsWith(`${field}.`),
        );
    if (read.length === 0) return null;
    for (const column of read) wanted.add(column);
  }
  return columns.filter((column) => wanted.has(column));
}
