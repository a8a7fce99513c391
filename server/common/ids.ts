const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id that cannot be a row's key finds nothing, rather than a database error. */
export function isUuid(id: string): boolean {
  return uuidPattern.test(id);
}
