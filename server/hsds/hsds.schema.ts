import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import { inspectJson, unreadableTextMessages } from "../common/text.js";
import type { HsdsDocument, Problem } from "./hsds.types.js";

/**
 * What one import may hold. A region's whole directory fits with room to spare (the demo region
 * has 38 organisations and 161 services); a larger document is refused before anything is read
 * into the database, with a message that says how to split it. The import is one transaction,
 * and a transaction that runs for minutes holds up every other import and edit it touches.
 */
export const hsdsImportLimits = { organizations: 1_000, locations: 5_000, services: 5_000 };

/**
 * What Ketenkaart accepts as an HSDS document: the HSDS 3.0 objects with the fields we read,
 * typed and bounded like our own inputs. Fields we do not read are allowed (other publishers
 * have more to say) and ignored.
 */
const uuid = { type: "string", format: "uuid" } as const;
const text = (maxLength: number, minLength = 0) =>
  ({ type: "string", minLength, maxLength }) as const;
const listOf = (items: object, maxItems = 1000, minItems = 0) =>
  ({ type: "array", items, minItems, maxItems }) as const;

const phone = {
  type: "object",
  required: ["id", "number"],
  properties: { id: uuid, number: text(50, 1), type: text(20) },
};

const contact = {
  type: "object",
  required: ["id", "name"],
  properties: {
    id: uuid,
    name: text(200, 1),
    title: text(200),
    email: { type: "string", format: "email", maxLength: 200 },
    phones: listOf(phone, 10),
  },
};

const taxonomyTerm = {
  type: "object",
  required: ["id", "name", "description"],
  properties: {
    id: uuid,
    code: text(100),
    name: text(300),
    description: text(1000),
    taxonomy_id: uuid,
    term_uri: { type: "string", format: "uri" },
  },
};

const attribute = {
  type: "object",
  required: ["id", "taxonomy_term_id"],
  properties: {
    id: uuid,
    link_id: uuid,
    taxonomy_term_id: uuid,
    taxonomy_term: taxonomyTerm,
    value: text(1000),
    label: text(300),
  },
};

const location = {
  type: "object",
  required: ["id", "location_type", "latitude", "longitude", "addresses"],
  properties: {
    id: uuid,
    // Ketenkaart places locations on the map; virtual ones are the offering's channels.
    location_type: { enum: ["physical"] },
    name: text(200),
    latitude: { type: "number", minimum: -90, maximum: 90 },
    longitude: { type: "number", minimum: -180, maximum: 180 },
    addresses: listOf(
      {
        type: "object",
        required: ["id", "address_1", "city", "postal_code"],
        properties: {
          id: uuid,
          address_1: text(200, 1),
          city: text(100, 1),
          postal_code: { type: "string", pattern: "^[1-9][0-9]{3} ?[A-Za-z]{2}$" },
          country: { enum: ["NL"] },
        },
      },
      5,
      1,
    ),
  },
};

const organization = {
  type: "object",
  required: ["id", "name", "description"],
  properties: {
    id: uuid,
    name: text(200, 1),
    description: text(5000),
    email: { type: "string", format: "email", maxLength: 200 },
    website: { type: "string", format: "uri", maxLength: 500 },
    phones: listOf(phone, 10),
    contacts: listOf(contact, 10),
    locations: listOf(location, 200),
    attributes: listOf(attribute),
  },
};

const service = {
  type: "object",
  required: ["id", "organization_id", "name", "status", "assured_date"],
  properties: {
    id: uuid,
    organization_id: uuid,
    name: text(200, 1),
    description: text(5000),
    status: { enum: ["active", "inactive", "defunct", "temporarily closed"] },
    fees_description: text(300),
    wait_time: text(300),
    assured_date: { type: "string", format: "date" },
    last_modified: { type: "string", format: "date-time" },
    languages: listOf(
      {
        type: "object",
        required: ["id", "code"],
        properties: { id: uuid, code: { type: "string", pattern: "^[a-z]{2,3}$" } },
      },
      30,
    ),
    contacts: listOf(contact, 10),
    service_at_locations: listOf(
      {
        type: "object",
        required: ["id", "location_id"],
        properties: { id: uuid, location_id: uuid },
      },
      50,
    ),
    service_areas: listOf(
      {
        type: "object",
        required: ["id", "uri"],
        properties: { id: uuid, name: text(200), uri: { type: "string", format: "uri" } },
      },
      400,
    ),
    schedules: listOf(
      { type: "object", required: ["id"], properties: { id: uuid, description: text(300) } },
      10,
    ),
    cost_options: listOf(
      {
        type: "object",
        required: ["id"],
        properties: { id: uuid, option: text(300), amount: { type: "number", minimum: 0 } },
      },
      10,
    ),
    capacities: listOf(
      {
        type: "object",
        required: ["id", "unit", "available", "updated"],
        properties: {
          id: uuid,
          unit: {
            type: "object",
            required: ["id", "name"],
            properties: { id: uuid, name: text(100, 1) },
          },
          available: { type: "integer", minimum: 0, maximum: 100_000 },
          maximum: { type: "integer", minimum: 0, maximum: 100_000 },
          updated: { type: "string", format: "date-time" },
        },
      },
      10,
    ),
    required_documents: listOf(
      { type: "object", required: ["id"], properties: { id: uuid, document: text(1000) } },
      10,
    ),
    attributes: listOf(attribute),
  },
};

export const hsdsDocumentSchema = {
  type: "object",
  required: ["taxonomies", "taxonomy_terms", "organizations", "services"],
  properties: {
    hsds_version: { type: "string", pattern: "^3\\." },
    title: text(300),
    generated_at: { type: "string", format: "date-time" },
    taxonomies: listOf(
      {
        type: "object",
        required: ["id", "name", "description"],
        properties: { id: uuid, name: text(300), description: text(1000) },
      },
      100,
    ),
    taxonomy_terms: listOf(taxonomyTerm, 10_000),
    organizations: listOf(organization, hsdsImportLimits.organizations),
    services: listOf(service, hsdsImportLimits.services),
  },
};

// Compiled at the first import, not at every start of the server.
let compiled: ValidateFunction<HsdsDocument> | undefined;
function validator(): ValidateFunction<HsdsDocument> {
  if (!compiled) {
    const ajv = new Ajv({ allErrors: true, strict: true });
    addFormats.default(ajv, ["uuid", "date", "date-time", "email", "uri"]);
    compiled = ajv.compile<HsdsDocument>(hsdsDocumentSchema);
  }
  return compiled;
}

/**
 * Deeper than any HSDS document Ketenkaart reads (a service's capacity unit is five levels down),
 * with room for what other publishers add.
 */
export const maxDocumentDepth = 32;

/** The document typed, or every way it departs from the schema as Dutch problems. */
export function checkHsdsDocument(
  input: unknown,
): { document: HsdsDocument; problems: [] } | { document: null; problems: Problem[] } {
  const refused = (problems: Problem[]) => ({ document: null, problems });
  // Before anything else walks the document: a document nested thousands deep would exhaust the
  // stack of a recursive check.
  const inspection = inspectJson(input, { maxDepth: maxDocumentDepth });
  if (inspection.tooDeep) {
    return refused([
      {
        path: "/",
        message: `Het document is te diep genest: een HSDS-document heeft hoogstens ${maxDocumentDepth} niveaus.`,
      },
    ]);
  }
  if (inspection.unreadable.length > 0) {
    return refused(
      inspection.unreadable.map(({ path, kind }) => ({
        path: jsonPointer(path),
        message: unreadableTextMessages[kind],
      })),
    );
  }
  const tooLarge = sizeProblems(input);
  if (tooLarge.length > 0) return refused(tooLarge);
  const document = withoutNulls(input);
  const validate = validator();
  if (validate(document)) return { document, problems: [] };
  return refused((validate.errors ?? []).map(dutchProblem));
}

function sizeProblems(input: unknown): Problem[] {
  if (input === null || typeof input !== "object") return [];
  const { organizations, services } = input as Record<string, unknown>;
  const count = (list: unknown) => (Array.isArray(list) ? list.length : 0);
  const locations = Array.isArray(organizations)
    ? organizations.reduce<number>(
        (sum, organization: unknown) =>
          sum +
          (organization && typeof organization === "object"
            ? count((organization as Record<string, unknown>).locations)
            : 0),
        0,
      )
    : 0;
  const split = "Splits het document, bijvoorbeeld per organisatie, en lees de delen na elkaar in.";
  const problems: Problem[] = [];
  const limit = (path: string, what: string, found: number, most: number) => {
    if (found > most) {
      problems.push({
        path,
        message: `Een import bevat hoogstens ${most} ${what}; dit document heeft er ${found}. ${split}`,
      });
    }
  };
  limit("/organizations", "organisaties", count(organizations), hsdsImportLimits.organizations);
  limit("/organizations", "locaties", locations, hsdsImportLimits.locations);
  limit("/services", "diensten", count(services), hsdsImportLimits.services);
  return problems;
}

/** A JSON Pointer (RFC 6901), as the problems name their place. */
function jsonPointer(path: Array<string | number>): string {
  if (path.length === 0) return "/";
  return path.map((part) => `/${String(part).replace(/~/g, "~0").replace(/\//g, "~1")}`).join("");
}

/** Many publishers write `null` for a field they leave empty; to HSDS that is an absent field. */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, inner]) => inner !== null)
      .map(([key, inner]) => [key, withoutNulls(inner)]),
  );
}

const typeNames: Record<string, string> = {
  string: "tekst",
  number: "een getal",
  integer: "een geheel getal",
  object: "een object",
  array: "een lijst",
  boolean: "waar of onwaar",
};

const formatNames: Record<string, string> = {
  uuid: "UUID",
  date: "datum (JJJJ-MM-DD)",
  "date-time": "datum met tijd (ISO 8601)",
  email: "e-mailadres",
  uri: "URL",
};

const patternHints: Record<string, string> = {
  postal_code: "gebruik een postcode zoals 6811 AB",
  code: "gebruik een taalcode zoals nl of ar",
  hsds_version: "Ketenkaart leest HSDS 3",
};

function dutchProblem(error: ErrorObject): Problem {
  const params = error.params as Record<string, unknown>;
  const path =
    error.keyword === "required"
      ? `${error.instancePath}/${String(params.missingProperty)}`
      : error.instancePath;
  const field = path
    .split("/")
    .filter((part) => part !== "" && !/^\d+$/.test(part))
    .at(-1);
  const name = field ? `'${field}'` : "Het document";
  const limit = params.limit as number;
  const messages: Record<string, () => string> = {
    required: () => `Het veld ${name} ontbreekt.`,
    type: () => `${name} moet ${typeNames[String(params.type)] ?? String(params.type)} zijn.`,
    format: () =>
      `${name} is geen geldige ${formatNames[String(params.format)] ?? String(params.format)}.`,
    enum: () =>
      `${name} moet een van deze waarden zijn: ${(params.allowedValues as unknown[]).join(", ")}.`,
    pattern: () =>
      `${name} heeft niet de juiste vorm${field && patternHints[field] ? `: ${patternHints[field]}` : ""}.`,
    maxLength: () => `${name} mag hoogstens ${limit} tekens lang zijn.`,
    minLength: () => `${name} mag niet leeg zijn.`,
    minimum: () => `${name} moet minstens ${limit} zijn.`,
    maximum: () => `${name} mag hoogstens ${limit} zijn.`,
    minItems: () => `${name} moet minstens ${limit} element(en) bevatten.`,
    maxItems: () => `${name} mag hoogstens ${limit} elementen bevatten.`,
  };
  return {
    path: path || "/",
    message: messages[error.keyword]?.() ?? `${name} klopt niet (${error.keyword}).`,
  };
}
