import { GraphQLError } from "graphql";
import { describe, expect, it, vi } from "vitest";
import { formatError, loggableError } from "../../server/common/errors.js";
import { logger } from "../../server/logger.js";
import { database } from "../support/factories.js";

// A client's name, as a worker might type it into a search or a form.
const secret = "Jansenvanderbergh";

describe("the error log", () => {
  it("logs an unexpected error by its kind, code and place, never by its message", () => {
    const failure = Object.assign(new Error(`syntax error in tsquery: "('${secret}':*)"`), {
      name: "QueryFailedError",
      code: "42601",
      parameters: [secret],
    });
    const logged = vi.spyOn(logger, "error").mockImplementation(() => undefined);
    try {
      const answer = formatError(
        { message: failure.message, path: ["offerings"] },
        new GraphQLError(failure.message, { originalError: failure }),
      );
      expect(answer).toEqual({
        message: "Er ging iets mis aan onze kant. Probeer het later opnieuw.",
        path: ["offerings"],
        extensions: { code: "INTERNAL_SERVER_ERROR" },
      });
      expect(logged).toHaveBeenCalledTimes(1);
      const [entry] = logged.mock.calls[0] as unknown as [{ error: Record<string, unknown> }];
      expect(entry.error).toMatchObject({ name: "QueryFailedError", code: "42601" });
      expect(entry.error.at).toEqual(expect.arrayContaining([expect.stringMatching(/^at /)]));
      expect(JSON.stringify(logged.mock.calls)).not.toContain(secret);
    } finally {
      logged.mockRestore();
    }
  });

  it("keeps nothing of a message that runs over several lines, even one that looks like a stack", () => {
    const error = new URIError(
      `Failed to decode param '%E0${secret}'\n    at ${secret} (x.js:1:1)`,
    );
    const entry = loggableError(error);
    expect(JSON.stringify(entry)).not.toContain(secret);
    expect(entry.name).toBe("URIError");
    expect(entry.at?.length).toBeGreaterThan(0);
    expect(loggableError("a thrown text")).toEqual({ name: "string" });
    expect(loggableError(null)).toEqual({ name: "null" });
  });

  it("answers text PostgreSQL cannot store as the caller's mistake, without logging it", () => {
    const logged = vi.spyOn(logger, "error").mockImplementation(() => undefined);
    try {
      for (const code of ["22021", "22P05"]) {
        const failure = Object.assign(new Error(`invalid byte sequence: ${secret}`), { code });
        expect(
          formatError(
            { message: failure.message },
            new GraphQLError(failure.message, { originalError: failure }),
          ),
        ).toMatchObject({ extensions: { code: "BAD_USER_INPUT" } });
      }
      expect(logged).not.toHaveBeenCalled();
    } finally {
      logged.mockRestore();
    }
  });

  it("answers SERVICE_UNAVAILABLE when a transaction's connection broke, and logs no failure", async () => {
    // TypeORM lets go of a transaction's connection when it breaks; its next statement throws.
    const runner = (await database()).createQueryRunner();
    await runner.startTransaction();
    // Ended on the connection itself: released with its transaction open, it would go back to
    // the pool and hold the next test's writes uncommitted.
    await runner.query("ROLLBACK");
    await runner.release();
    const broken = await runner.manager.query("SELECT 1").catch((error: unknown) => error);
    expect((broken as Error).name).toBe("QueryRunnerProviderAlreadyReleasedError");
    const logged = vi.spyOn(logger, "error").mockImplementation(() => undefined);
    try {
      const answer = formatError(
        { message: "released", path: ["scheduleZorgoverleg"] },
        new GraphQLError("released", { originalError: broken as Error }),
      );
      expect(answer.extensions).toEqual({ code: "SERVICE_UNAVAILABLE" });
      expect(logged).not.toHaveBeenCalled();
    } finally {
      logged.mockRestore();
    }
  });
});
