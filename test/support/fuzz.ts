import fc from "fast-check";
import { readFileSync } from "node:fs";
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
} from "graphql";

/**
 * Generated abuse of the GraphQL endpoint: operations from the real schema with variables of
 * the wrong type, huge and odd strings, invalid and foreign ids; deep and wide queries;
 * malformed bodies; missing and invalid credentials. Reused by test/security/fuzz.test.ts
 * (a CI-sized run) and the long reliability run (FUZZ_COUNT).
 */
export interface FuzzRequest {
  kind: string;
  body: string;
  headers: Record<string, string>;
}

export interface FuzzTargets {
  /** Bearer headers of workers of the attacking organisation (requests rotate over them). */
  attackers: Array<Record<string, string>>;
  /** Real ids of the other organisation's data, to try as if they were ours. */
  foreignIds: string[];
}

export interface FuzzReport {
  tried: number;
  byStatus: Record<number, number>;
  serverErrors: number;
  internalErrors: number;
  leaks: string[];
  /** Requests and total milliseconds per kind of request. */
  byKind: Record<string, { count: number; ms: number }>;
  /** Requests whose kept-alive connection failed and that were sent again on a new one. */
  resent: string[];
}

const schema: GraphQLSchema = buildSchema(readFileSync("schema/schema.graphql", "utf8"));
const maxBody = 95_000;

/** What must never be in an answer: stack frames, database errors, internals. */
const leakPatterns = [
  /"stack(trace)?"/,
  /\bat (async )?[\w.<>]+ \(/,
  /at \/[\w/]/,
  /node_modules/,
  /\.(ts|js):\d+/,
  /QueryFailedError|EntityNotFound|TypeORMError/,
  /syntax error at or near|invalid input syntax|violates [\w ]*constraint|duplicate key value/,
  /\brelation "\w+"|column "\w+" (does not exist|of relation)/,
];

const weirdStrings = [
  "",
  " ",
  "null",
  "undefined",
  "NaN",
  "' OR 1=1 --",
  "'; DROP TABLE client; --",
  "\\x00",
  "\u0000",
  "\u202e\u0645\u0631\u062d\u0628\u0627",
  "😀👩‍👩‍👧‍👦",
  "Zoë Ĳsselmeer ß Æ",
  "<script>alert(1)</script>",
  "${7*7}{{7*7}}",
  "%s%n%x",
  "../../etc/passwd",
  "\ud800",
  "eyJpZCI6IjEifQ==",
  "bm90LWEtY3Vyc29y",
  "2026-02-30",
  "9999-99-99T99:99:99Z",
  "-1",
  "1e309",
];

const badIds = [
  "not-a-uuid",
  "0",
  "-1",
  "00000000-0000-0000-0000-000000000000",
  "00000000-0000-4000-8000-00000000000G",
  "ffffffff-ffff-ffff-ffff-ffffffffffff",
  "{}",
  "' OR '1'='1",
];

const hugeString = fc
  .tuple(fc.integer({ min: 1_000, max: 80_000 }), fc.constantFrom("x", "é", "💥", "a b ", "\\"))
  .map(([length, unit]) => unit.repeat(Math.floor(length / unit.length / 2)));

const anyString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...weirdStrings) },
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: hugeString },
);

function idValue(targets: FuzzTargets) {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...targets.foreignIds) },
    { weight: 2, arbitrary: fc.uuid() },
    { weight: 2, arbitrary: fc.constantFrom(...badIds) },
    { weight: 1, arbitrary: anyString },
    { weight: 1, arbitrary: fc.integer() },
  );
}

const anyScalar = fc.oneof(
  anyString,
  fc.integer(),
  fc.constantFrom(2 ** 31, -(2 ** 31) - 1, Number.MAX_SAFE_INTEGER, 0, -1),
  fc.double({ noNaN: true }),
  fc.boolean(),
  fc.constant(null),
);

const anyJson: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    anyScalar,
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(fc.string({ maxLength: 8 }), tie("value"), { maxKeys: 4 }),
  ),
})).value;

/** A value for an input type: mostly the right shape (to reach resolvers), sometimes not. */
function inputValue(
  type: GraphQLInputType,
  targets: FuzzTargets,
  depth = 0,
): fc.Arbitrary<unknown> {
  const wrong = depth > 4 ? anyScalar : anyJson;
  const right = ((): fc.Arbitrary<unknown> => {
    if (isNonNullType(type)) return inputValue(type.ofType, targets, depth);
    if (isListType(type)) {
      return fc.array(inputValue(type.ofType, targets, depth + 1), { maxLength: depth ? 3 : 60 });
    }
    if (isEnumType(type)) {
      return fc.oneof(
        fc.constantFrom(...type.getValues().map((value) => value.name)),
        fc.constantFrom("", "nazorg", "ACCEPTED", "DROP"),
      );
    }
    if (isInputObjectType(type)) {
      const fields = Object.values(type.getFields());
      return fc.record(
        Object.fromEntries(
          fields.map((field) => [field.name, inputValue(field.type, targets, depth + 1)]),
        ),
        { requiredKeys: fields.filter((f) => isNonNullType(f.type)).map((f) => f.name) },
      );
    }
    if (isScalarType(type)) {
      switch (type.name) {
        case "ID":
          return idValue(targets);
        case "Int":
          return fc.oneof(fc.integer({ min: -5, max: 200 }), fc.integer(), fc.constant(2 ** 31));
        case "Float":
          return fc.oneof(fc.double({ noNaN: true }), fc.constantFrom(1e308, -0));
        case "Boolean":
          return fc.boolean();
        case "DateTimeISO":
          return fc.oneof(
            fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
            anyString,
          );
        default:
          return fc.oneof(
            fc.date({ noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10)),
            anyString,
          );
      }
    }
    return anyJson;
  })();
  return fc.oneof({ weight: 6, arbitrary: right }, { weight: 1, arbitrary: wrong });
}

/** A selection of an output type, `depth` levels at most; fields with required arguments are skipped. */
function selection(type: GraphQLNamedType, depth: number, width: number): fc.Arbitrary<string> {
  if (isLeafType(type)) return fc.constant("");
  if (!isObjectType(type) || depth <= 0) return fc.constant("{ __typename }");
  const fields = Object.values(type.getFields()).filter(
    (field) => !field.args.some((arg) => isNonNullType(arg.type)),
  );
  const child = (field: GraphQLField<unknown, unknown>) =>
    selection(getNamedType(field.type), depth - 1, Math.max(1, width - 1)).map(
      (inner) => `${field.name} ${inner}`,
    );
  return fc
    .subarray(fields, { minLength: 1, maxLength: Math.min(width, fields.length) })
    .chain((chosen) => fc.tuple(...chosen.map(child)))
    .map((parts) => `{ ${parts.join(" ")} }`);
}

const roots = (["Query", "Mutation"] as const).flatMap((kind) => {
  const type = kind === "Query" ? schema.getQueryType()! : schema.getMutationType()!;
  // Logging out would end an attacker's session and leave the rest of the run anonymous.
  return Object.values(type.getFields())
    .filter((field) => field.name !== "logout")
    .map((field) => ({ kind, field }));
});

/** A real operation of the schema, its arguments as variables of (mostly) the declared type. */
function schemaOperation(
  targets: FuzzTargets,
): fc.Arbitrary<{ query: string; variables: unknown }> {
  return fc
    .tuple(
      fc.constantFrom(...roots),
      fc.integer({ min: 1, max: 4 }),
      fc.integer({ min: 1, max: 6 }),
    )
    .chain(([{ kind, field }, depth, width]) => {
      const args = field.args;
      const declared = args.map((arg, index) => `$a${index}: ${String(arg.type)}`).join(", ");
      const passed = args.map((arg, index) => `${arg.name}: $a${index}`).join(", ");
      return fc
        .tuple(
          selection(getNamedType(field.type), depth, width),
          fc.tuple(...args.map((arg) => fc.option(inputValue(arg.type, targets), { freq: 8 }))),
          fc.boolean(),
        )
        .map(([select, values, misnamed]) => ({
          query: `${kind === "Query" ? "query" : "mutation"}${declared ? ` (${declared})` : ""} { ${field.name}${passed ? `(${passed})` : ""} ${select} }`,
          // Sometimes the variables are sent under names the operation does not declare.
          variables: Object.fromEntries(
            values.map((value, index) => [
              misnamed && index === 0 ? "unknown" : `a${index}`,
              value,
            ]),
          ),
        }));
    });
}

/** Deep nesting through organisations and their offerings, and wide alias fans. */
const deepOrWide = fc.oneof(
  fc.integer({ min: 5, max: 40 }).map((depth) => {
    const chain = ["organizations"];
    while (chain.length < depth) chain.push(chain.length % 2 ? "offerings" : "organization");
    return `{ ${chain.join(" { ")} { id ${"} ".repeat(chain.length)}}`;
  }),
  fc
    .integer({ min: 5, max: 200 })
    .map(
      (n) =>
        `{ ${Array.from({ length: n }, (_, i) => `a${i}: organizations { id name }`).join(" ")} }`,
    ),
  fc.integer({ min: 10, max: 3000 }).map((n) => `{ regions { ${"id ".repeat(n)}} }`),
  fc
    .integer({ min: 1, max: 60 })
    .map((n) => `{ regions ${"@include(if: true) ".repeat(n)}{ id } }`),
  fc
    .integer({ min: 1, max: 100 })
    .map(
      (n) =>
        `query { ${"__typename ".repeat(n)} offerings(first: ${n}) { edges { node { organization { offerings { organization { offerings { id } } } } } } } }`,
    ),
  fc.constantFrom(
    "{ __schema { types { name fields { name type { name ofType { name ofType { name } } } } } } }",
    "fragment A on Query { ...B } fragment B on Query { ...A } { ...A }",
    "{ ...on Query { ...on Query { ...on Query { regions { id } } } } }",
    "subscription { regions { id } }",
    "query A { regions { id } } query B { gemeenten { code } }",
  ),
);

const malformedBody = fc.oneof(
  anyString,
  fc.string({ unit: "binary", maxLength: 200 }),
  anyJson.map((value) => JSON.stringify(value) ?? "undefined"),
  fc.constantFrom(
    "{",
    "[",
    '{"query":',
    '{"query": "{ regions { id } }"',
    "[{}]",
    "[]",
    "{}",
    '{"query": null}',
    '{"query": ["{ regions { id } }"]}',
    '{"query": "{ regions { id } }", "variables": "x"}',
    '{"query": "{ regions { id } }", "operationName": 5}',
    '{"query": "{ regions { id } }", "extensions": {"persistedQuery": {"version": 1, "sha256Hash": "x"}}}',
    '{"__proto__": {"admin": true}, "query": "{ me { id } }"}',
    '{"query": "{ regions { id } }", "variables": {"__proto__": {"x": 1}}}',
  ),
);

const randomQueryText = fc.oneof(
  anyString,
  fc.string({ unit: fc.constantFrom(..."{}()[]:$@!.,=\"' \n\tqueryid"), maxLength: 300 }),
);

/** Who the request claims to be. */
function credentials(targets: FuzzTargets): fc.Arbitrary<Record<string, string>> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...targets.attackers) },
    { weight: 2, arbitrary: fc.constant<Record<string, string>>({}) },
    {
      weight: 2,
      arbitrary: fc.oneof(
        anyString
          .filter((s) => s.length < 2_000 && /^[\x20-\x7e]*$/.test(s))
          .map((s) => ({
            authorization: `Bearer ${s}`,
          })),
        fc.constantFrom<Record<string, string>>(
          { authorization: "Bearer" },
          { authorization: "Basic YWRtaW46YWRtaW4=" },
          { authorization: "Bearer a b c" },
          { cookie: "kk_session=" },
          { cookie: "kk_session=../../x; kk_session=y" },
        ),
      ),
    },
  );
}

/** An address of the documentation range per request, so login fuzzing throttles no real IP. */
const forwardedFor = fc
  .tuple(fc.integer({ min: 0, max: 0xffff }), fc.integer({ min: 0, max: 0xffff }))
  .map(([a, b]) => `2001:db8:${a.toString(16)}:${b.toString(16)}::7`);

export function fuzzRequests(targets: FuzzTargets): fc.Arbitrary<FuzzRequest> {
  const json = (kind: string, payload: fc.Arbitrary<unknown>) =>
    payload.map((value) => ({ kind, body: JSON.stringify(value) }));
  const request = fc.oneof(
    { weight: 10, arbitrary: json("schema operation", schemaOperation(targets)) },
    {
      weight: 3,
      arbitrary: json(
        "deep or wide",
        deepOrWide.map((query) => ({ query })),
      ),
    },
    {
      weight: 2,
      arbitrary: json(
        "random text",
        randomQueryText.map((query) => ({ query })),
      ),
    },
    { weight: 2, arbitrary: malformedBody.map((body) => ({ kind: "malformed body", body })) },
  );
  return fc
    .tuple(request, credentials(targets), forwardedFor, fc.integer({ min: 0, max: 9 }))
    .map(([{ kind, body }, auth, ip, variant]) => ({
      kind,
      body: body.length > maxBody ? body.slice(0, maxBody) : body,
      headers: {
        // Mostly what a client sends; sometimes what a cross-site form would.
        "content-type": variant === 0 ? "text/plain" : "application/json",
        ...(variant === 1 ? { "apollo-require-preflight": "true" } : {}),
        "x-forwarded-for": ip,
        ...auth,
      },
    }));
}

/**
 * One request, with what a browser does when a connection it kept alive fails: Chromium sends
 * the request again on a new connection. A connection the server closes for being idle just as
 * the client reuses it is reset, which says nothing about the request. A request that fails on
 * its own new connection too is the server's doing: it throws, with the request, and fails the
 * run. So does an answer that takes longer than a minute.
 */
async function send(url: string, request: FuzzRequest, report: FuzzReport) {
  const post = async (headers: Record<string, string>) => {
    const response = await fetch(url, {
      method: "POST",
      headers: { ...request.headers, ...headers },
      body: request.body,
      signal: AbortSignal.timeout(60_000),
    });
    return { response, text: await response.text() };
  };
  const describe = (error: unknown) =>
    `${request.kind} (${JSON.stringify(request.headers).slice(0, 200)}): ${request.body.slice(0, 200)} ⇒ ${String(error)} ${String((error as { cause?: unknown }).cause ?? "")}`;
  try {
    return await post({});
  } catch (error) {
    if ((error as Error).name === "TimeoutError")
      throw new Error(`no answer: ${describe(error)}`, { cause: error });
    report.resent.push(describe(error));
    try {
      return await post({ connection: "close" });
    } catch (again) {
      throw new Error(`failed on a new connection too: ${describe(again)}`, { cause: again });
    }
  }
}

/** Sends `count` generated requests, `concurrency` at a time, and checks every answer. */
export async function runFuzz(options: {
  url: string;
  targets: FuzzTargets;
  count: number;
  seed: number;
  concurrency: number;
  /** Texts of the other organisation that must never appear in an answer. */
  secrets: string[];
}): Promise<FuzzReport> {
  const report: FuzzReport = {
    tried: 0,
    byStatus: {},
    serverErrors: 0,
    internalErrors: 0,
    leaks: [],
    byKind: {},
    resent: [],
  };
  const arbitrary = fuzzRequests(options.targets);
  const batchSize = 500;
  // Every request is generated before the first is sent, so that the run is one steady stream
  // of requests with no pauses in which kept-alive connections go idle.
  const batches: FuzzRequest[][] = [];
  for (let start = 0; start < options.count; start += batchSize) {
    batches.push(
      fc.sample(arbitrary, {
        seed: options.seed + start,
        numRuns: Math.min(batchSize, options.count - start),
      }),
    );
  }
  for (const requests of batches) {
    let next = 0;
    const worker = async () => {
      while (next < requests.length) {
        const request = requests[next++]!;
        const sent = Date.now();
        const { response, text } = await send(options.url, request, report);
        report.tried++;
        const kind = (report.byKind[request.kind] ??= { count: 0, ms: 0 });
        kind.count++;
        kind.ms += Date.now() - sent;
        report.byStatus[response.status] = (report.byStatus[response.status] ?? 0) + 1;
        const describe = () =>
          `${request.kind} → ${response.status}: ${request.body.slice(0, 200)} ⇒ ${text.slice(0, 300)}`;
        if (response.status >= 500) {
          report.serverErrors++;
          report.leaks.push(`5xx: ${describe()}`);
        }
        if (text.includes('"INTERNAL_SERVER_ERROR"')) {
          report.internalErrors++;
          report.leaks.push(`internal error: ${describe()}`);
        }
        const leak =
          leakPatterns.find((pattern) => pattern.test(text)) ??
          options.secrets.find((secret) => text.includes(secret));
        if (leak) report.leaks.push(`leak ${String(leak)}: ${describe()}`);
      }
    };
    await Promise.all(Array.from({ length: options.concurrency }, worker));
  }
  return report;
}
