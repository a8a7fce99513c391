import { escapeLiteral } from "pg";

/**
 * A value written into a statement as an SQL literal: NULL, a text, or an array in
 * PostgreSQL's array syntax (its items quoted). For statements that carry their values in
 * their text, such as a search prepared for its own words.
 */
export function sqlLiteral(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  const text = Array.isArray(value)
    ? `{${value.map((item) => `"${String(item).replace(/["\\]/g, "\\$&")}"`).join(",")}}`
    : String(value);
  return escapeLiteral(text);
}
