import type { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { ArgumentValidationError } from "type-graphql";
import { logger } from "../logger.js";
import { flattenValidationErrors } from "./input-validation.js";
import { unreadableTextMessages } from "./text.js";

/** Input a user can correct: a Dutch message that names the field. */
export class UserInputError extends GraphQLError {
  constructor(message: string, field: string) {
    super(message, { extensions: { code: "BAD_USER_INPUT", field } });
  }
}

/** No (valid) session: log in first. */
export class UnauthenticatedError extends GraphQLError {
  constructor(message = "U bent niet (meer) ingelogd. Log opnieuw in.") {
    super(message, { extensions: { code: "UNAUTHENTICATED" } });
  }
}

/**
 * The password was right; the login needs the second factor as well: a code of the app (`app`),
 * or a passkey's signature over `passkeyOptions` (the options for the browser's
 * `navigator.credentials.get`), or a recovery code.
 */
export class SecondFactorRequiredError extends GraphQLError {
  constructor(factors: { app: boolean; passkeyOptions: object | null }) {
    super(
      factors.app
        ? "Vul de code in die uw authenticator-app laat zien."
        : "Log in met uw passkey, of vul een herstelcode in.",
      { extensions: { code: "SECOND_FACTOR_REQUIRED", ...factors } },
    );
  }
}

/** Logged in, but the region requires a second factor, which this account has yet to set up. */
export class SecondFactorSetupRequiredError extends GraphQLError {
  constructor() {
    super(secondFactorSetupMessage, { extensions: { code: "SECOND_FACTOR_SETUP_REQUIRED" } });
  }
}

export const secondFactorSetupMessage =
  "Stel eerst tweestapsverificatie in: in deze regio is die verplicht voor wie met cliëntgegevens werkt.";

/** Logged in, but this is not yours to see or do. */
export class ForbiddenError extends GraphQLError {
  constructor(message = "U heeft geen toestemming voor deze actie.") {
    super(message, { extensions: { code: "FORBIDDEN" } });
  }
}

/** Someone else changed the object first: reload and try again. */
export class ConflictError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: "CONFLICT" } });
  }
}

export class NotFoundError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: "NOT_FOUND" } });
  }
}

/** Too many attempts or requests: HTTP 429 with Retry-After, and a Dutch message saying when. */
export class TooManyRequestsError extends GraphQLError {
  constructor(message: string, retryAfterSeconds: number) {
    super(message, {
      extensions: {
        code: "TOO_MANY_REQUESTS",
        retryAfterSeconds,
        http: { status: 429, headers: new Map([["retry-after", String(retryAfterSeconds)]]) },
      },
    });
  }
}

/** The database cannot be reached (down, restarting, overloaded): try again shortly. */
export class ServiceUnavailableError extends GraphQLError {
  constructor(
    message = "Ketenkaart kan de database nu niet bereiken. Probeer het over een minuut opnieuw en kijk dan of uw laatste wijziging is opgeslagen.",
  ) {
    // Apollo answers HTTP 503 for it (and strips `http` from the response).
    super(message, { extensions: { code: "SERVICE_UNAVAILABLE", http: { status: 503 } } });
  }
}

// SQLSTATE classes and codes that mean "the database is not there (now)", not "your request is
// wrong": connection exceptions (08), shutdown and crash (57P01-57P03), too many connections,
// a statement cancelled by statement_timeout (57014), and a session ended for a transaction
// left idle or running too long (25P03, 25P04).
const unavailableStates = new Set(["57P01", "57P02", "57P03", "53300", "57014", "25P03", "25P04"]);
const unavailableNetworkCodes = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
]);
// What pg and pg-pool say when a connection breaks or cannot be had in time; they set no code.
const unavailableMessages = [
  /timeout exceeded when trying to connect/i,
  /connection terminated/i,
  /connection timeout/i,
  // A connection attempt past its own limit (pg's Client, see db/bounded-client.ts).
  /^timeout expired$/i,
  /client has encountered a connection error/i,
  /query read timeout/i,
  /not queryable/i,
  /cannot use a pool after calling end/i,
];

export function isDatabaseUnavailable(error: unknown): boolean {
  const { code, message, name } = (error ?? {}) as {
    code?: unknown;
    message?: unknown;
    name?: unknown;
  };
  // TypeORM lets go of a transaction's connection when it breaks; the next statement says so.
  if (name === "QueryRunnerProviderAlreadyReleasedError") return true;
  if (typeof code === "string") {
    if (code.startsWith("08") || unavailableStates.has(code) || unavailableNetworkCodes.has(code))
      return true;
  }
  return (
    typeof message === "string" && unavailableMessages.some((pattern) => pattern.test(message))
  );
}

/**
 * What the log may say about an unexpected error: its kind, its code (a SQLSTATE or Node's) and
 * where it was thrown, never its message. Messages quote input: "syntax error in tsquery: …"
 * holds a search text, "Failed to decode param '…'" a path, a database error a value that was
 * written, and a worker may type a client's name anywhere.
 */
export function loggableError(error: unknown): { name: string; code?: string; at?: string[] } {
  const { name, code, stack, message } = (error ?? {}) as Record<string, unknown>;
  const kind = typeof name === "string" ? name : error === null ? "null" : typeof error;
  let frames: string[] | undefined;
  if (typeof stack === "string") {
    // The stack starts with "name: message", and the message may run over several lines.
    const head = typeof message === "string" ? `${kind}: ${message}` : "";
    const rest = head && stack.startsWith(head) ? stack.slice(head.length) : stack;
    frames = rest
      .split("\n")
      .filter((line) => /^\s+at /.test(line))
      .slice(0, 6)
      .map((line) => line.trim());
  }
  return {
    name: kind,
    ...(typeof code === "string" || typeof code === "number" ? { code: String(code) } : {}),
    ...(frames && frames.length > 0 ? { at: frames } : {}),
  };
}

// Text PostgreSQL cannot store (a NUL, a character the encoding lacks) that got past the checks
// at the edge: the caller's input, not our fault.
const unstorableTextStates = new Set(["22021", "22P05"]);

export function isUnstorableText(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && unstorableTextStates.has(code);
}

const passThroughCodes = new Set([
  "TOO_MANY_REQUESTS",
  "SERVICE_UNAVAILABLE",
  "BAD_USER_INPUT",
  "NOT_FOUND",
  "UNAUTHENTICATED",
  "SECOND_FACTOR_REQUIRED",
  "SECOND_FACTOR_SETUP_REQUIRED",
  "FORBIDDEN",
  "CONFLICT",
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_REQUEST",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "OPERATION_RESOLUTION_FAILURE",
]);

/**
 * The one place where errors leave the server: known errors keep their code and message,
 * class-validator failures become a Dutch message per field, everything else is masked and
 * logged (without variables, which may hold client data).
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  if (original instanceof ArgumentValidationError) {
    const [first] = flattenValidationErrors(original.extensions.validationErrors);
    return {
      message: first?.message ?? "Ongeldige invoer",
      path: formatted.path,
      extensions: { code: "BAD_USER_INPUT", field: first?.field, fieldPath: first?.fieldPath },
    };
  }
  const code = formatted.extensions?.code;
  if (typeof code === "string" && passThroughCodes.has(code)) {
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  if (isUnstorableText(original)) {
    return {
      message: unreadableTextMessages.control,
      path: formatted.path,
      extensions: { code: "BAD_USER_INPUT" },
    };
  }
  // Never the message or parameters: they may hold client data or a search text.
  if (isDatabaseUnavailable(original)) {
    const { code: errorCode } = (original ?? {}) as { code?: string };
    logger.warn({ error: { code: errorCode }, path: formatted.path }, "database unavailable");
    return {
      message: new ServiceUnavailableError().message,
      path: formatted.path,
      extensions: { code: "SERVICE_UNAVAILABLE" },
    };
  }
  logger.error(
    { error: loggableError(original), path: formatted.path },
    "unexpected error in GraphQL request",
  );
  return {
    message: "Er ging iets mis aan onze kant. Probeer het later opnieuw.",
    path: formatted.path,
    extensions: { code: "INTERNAL_SERVER_ERROR" },
  };
}

/**
 * HTTP 503 for a response whose database was unreachable, so a load balancer or client can tell
 * "try again" from "wrong request" without reading the body.
 */
export const serviceUnavailableStatus: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        const errors = response.body.kind === "single" ? response.body.singleResult.errors : [];
        if (errors?.some((error) => error.extensions?.code === "SERVICE_UNAVAILABLE")) {
          response.http.status = 503;
        }
      },
    };
  },
};
