/**
 * Text no person types and no column should hold: control characters other than tab, line feed
 * and carriage return (PostgreSQL cannot store NUL at all, and refuses the whole statement), and
 * lone surrogates, which are no character at all (validators choke on them).
 */
const loneSurrogate = /\p{Surrogate}/u;

function hasControlCharacter(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    const allowed = code === 0x09 || code === 0x0a || code === 0x0d;
    if ((code < 0x20 && !allowed) || code === 0x7f) return true;
  }
  return false;
}

export type UnreadableText = "control" | "surrogate";

export function unreadableText(text: string): UnreadableText | undefined {
  if (hasControlCharacter(text)) return "control";
  if (loneSurrogate.test(text)) return "surrogate";
  return undefined;
}

/** What a worker reads when text is refused for it. */
export const unreadableTextMessages: Record<UnreadableText, string> = {
  control:
    "De tekst bevat onzichtbare stuurtekens (bijvoorbeeld een nul-teken). Haal ze weg en probeer het opnieuw.",
  surrogate: "De invoer bevat tekens die geen geldige tekst zijn.",
};

/** Where in a JSON value: object keys and list positions from the top. */
export type JsonPath = Array<string | number>;

export interface JsonInspection {
  /** Deeper than `maxDepth` objects and lists inside each other. */
  tooDeep: boolean;
  /** Texts (values or keys) that are unreadable, at most `maxFindings`. */
  unreadable: Array<{ path: JsonPath; kind: UnreadableText }>;
}

/**
 * Looks through a parsed JSON value (a request's variables, an uploaded document) for nesting
 * deeper than `maxDepth` and for unreadable text, one value at a time from an explicit stack:
 * a document nested thousands deep cannot exhaust the call stack here. When it is too deep,
 * nothing below `maxDepth` is looked at.
 */
export function inspectJson(
  value: unknown,
  { maxDepth, maxFindings = 100 }: { maxDepth: number; maxFindings?: number },
): JsonInspection {
  const result: JsonInspection = { tooDeep: false, unreadable: [] };
  const pending: Array<{ value: unknown; path: JsonPath }> = [{ value, path: [] }];
  const found = (path: JsonPath, text: string) => {
    const kind = unreadableText(text);
    if (kind && result.unreadable.length < maxFindings) result.unreadable.push({ path, kind });
  };
  while (pending.length > 0) {
    const { value: current, path } = pending.pop()!;
    if (typeof current === "string") {
      found(path, current);
      continue;
    }
    if (current === null || typeof current !== "object") continue;
    if (path.length >= maxDepth) {
      result.tooDeep = true;
      continue;
    }
    const entries: Array<[string | number, unknown]> = Array.isArray(current)
      ? current.map((item, index) => [index, item])
      : Object.entries(current);
    // Reversed onto the stack, so findings come in document order.
    for (let index = entries.length - 1; index >= 0; index--) {
      const [key, item] = entries[index]!;
      if (typeof key === "string") found([...path, key], key);
      pending.push({ value: item, path: [...path, key] });
    }
  }
  return result;
}
