import fc from "fast-check";
import { describe, expect, inject, it } from "vitest";
import WebSocket from "ws";
import { graphql } from "../support/api.js";
import { browserHeaders, tokenOf, webSocketUrl } from "../support/live.js";
import { uniqueWord } from "../support/factories.js";
import { openCase } from "../support/nazorg.js";
import { loggedInUser } from "../support/session.js";

// CI-sized by default; a longer run sets FUZZ_WS_COUNT (and FUZZ_SEED).
const count = Number(process.env.FUZZ_WS_COUNT ?? 1500);
const seed = Number(process.env.FUZZ_SEED ?? 20261123);

/**
 * Close codes a client may see for what it sent: a normal or going-away close, a message over
 * the size limit, and graphql-ws's refusals of a bad message, a missing or repeated init, or a
 * reused subscription id. Never 1011 or 4500 (the server failed) nor 1006 (it went away).
 */
const expectedCloseCodes = new Set([1000, 1001, 1009, 4400, 4401, 4403, 4408, 4409, 4429]);

/** Documents a worker or an attacker could send in a `subscribe`. */
const documents = [
  "subscription { referralInboxChanged { kind at } }",
  "subscription { dashboardChanged { kind at } }",
  "{ me { id } }",
  "{ myCases { id client { displayName } } }",
  "mutation { logout }",
  "subscription { referralInboxChanged { kind at } } subscription B { dashboardChanged { kind } }",
  `subscription { dashboardChanged { ${"kind ".repeat(3000)} } }`,
  "subscription ($x: Int!) { dashboardChanged { kind } }",
  "subscription { __schema { types { name } } }",
];

/** A well-formed `subscribe`, so that the fuzzing reaches past the protocol into GraphQL. */
const subscribe = fc
  .record(
    {
      id: fc.constantFrom("1", "2", "3", "4", "a", "b"),
      type: fc.constant("subscribe"),
      payload: fc.record(
        {
          query: fc.constantFrom(...documents),
          variables: fc.dictionary(fc.string(), fc.jsonValue()),
          operationName: fc.constantFrom("B", "A"),
        },
        { requiredKeys: ["query"] },
      ),
    },
    { requiredKeys: ["id", "type", "payload"] },
  )
  .map((message) => JSON.stringify(message));

/** A message of the protocol's shape, with any type, id and payload. */
const anyMessage = fc
  .record(
    {
      type: fc.oneof(
        fc.constantFrom(
          "connection_init",
          "subscribe",
          "complete",
          "ping",
          "pong",
          "next",
          "error",
          "connection_ack",
        ),
        fc.string(),
      ),
      id: fc.oneof(fc.constantFrom("1", "2", "a"), fc.string(), fc.integer(), fc.constant(null)),
      payload: fc.oneof(
        fc.record(
          {
            query: fc.oneof(fc.constantFrom(...documents), fc.string()),
            variables: fc.oneof(fc.constant(undefined), fc.jsonValue()),
            operationName: fc.oneof(fc.constant(undefined), fc.constantFrom("B"), fc.string()),
          },
          { requiredKeys: [] },
        ),
        fc.jsonValue(),
      ),
    },
    { requiredKeys: ["type"] },
  )
  .map((message) => JSON.stringify(message));

/** Messages a well-behaved client sends, which keep the socket open. */
const protocolFrame = fc.oneof(
  { weight: 4, arbitrary: subscribe },
  {
    weight: 1,
    arbitrary: fc
      .record({ type: fc.constantFrom("complete", "ping", "pong"), id: fc.constantFrom("1", "2") })
      .map((message) => JSON.stringify(message)),
  },
);

/** What ends a socket at once when it is not understood: bad messages and garbage. */
const badFrame: fc.Arbitrary<string | Buffer> = fc.oneof(
  { weight: 3, arbitrary: anyMessage },
  { weight: 1, arbitrary: fc.string() },
  { weight: 1, arbitrary: fc.jsonValue().map((value) => JSON.stringify(value)) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 512 }).map((bytes) => Buffer.from(bytes)) },
  { weight: 1, arbitrary: fc.constant("x".repeat(101 * 1024)) },
);

/**
 * A socket's life: whether it starts with a proper init, then what it sends. A bad frame ends
 * the socket, so it comes last, after a run of protocol messages that get as far as GraphQL.
 */
const session = fc
  .record({
    init: fc.boolean(),
    frames: fc.array(protocolFrame, { maxLength: 8 }),
    last: fc.option(badFrame, { freq: 2 }),
  })
  .map(({ init, frames, last }) => ({ init, frames: last === null ? frames : [...frames, last] }))
  .filter(({ frames }) => frames.length > 0);

interface SocketResult {
  closeCode: number | null;
  received: string[];
}

/** Opens an authenticated socket, sends the frames, and collects what comes back. */
function runSocket(
  baseUrl: string,
  headers: Record<string, string>,
  { init, frames }: { init: boolean; frames: Array<string | Buffer> },
): Promise<SocketResult> {
  return new Promise((resolve) => {
    const socket = new WebSocket(webSocketUrl(baseUrl), "graphql-transport-ws", { headers });
    const received: string[] = [];
    let settled = false;
    const done = (closeCode: number | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ closeCode, received });
    };
    // Long enough for the answers to arrive; the socket is then closed by us.
    const timer = setTimeout(() => {
      socket.close(1000);
      done(null);
    }, 1000);
    const sendFrames = () => {
      for (const f of frames) if (socket.readyState === WebSocket.OPEN) socket.send(f);
    };
    socket.on("message", (data) => {
      received.push(String(data));
      // As a client does, it sends its messages once the server has acknowledged the init.
      if (init && received.length === 1) sendFrames();
    });
    socket.on("close", (code) => done(code));
    socket.on("error", () => {});
    socket.on("open", () => {
      if (init) socket.send(JSON.stringify({ type: "connection_init" }));
      else sendFrames();
    });
  });
}

describe("fuzzing the live-update WebSocket", () => {
  it(
    `survives ${count} generated and malformed frames without failing, leaking or running anything but a subscription`,
    { timeout: Math.max(180_000, count * 60) },
    async () => {
      const baseUrl = inject("baseUrl");
      // Someone else's case, whose client's name must never come back.
      const secretName = `Geheim ${uniqueWord()}`;
      await openCase((await loggedInUser()).headers, secretName);
      // Attackers spread over workers of another organisation, within the per-user limit.
      const first = await loggedInUser();
      const attackers = [
        first,
        ...(await Promise.all(
          Array.from({ length: 5 }, () => loggedInUser({ organizationId: first.organizationId })),
        )),
      ];

      // Sockets enough to send `count` frames.
      const sessions: Array<{ init: boolean; frames: Array<string | Buffer> }> = [];
      let frames = 0;
      for (const s of fc.sample(session, { numRuns: count, seed })) {
        if (frames >= count) break;
        sessions.push(s);
        frames += s.frames.length;
      }
      // Eight sockets at a time; each attacker's share stays within the per-user limit.
      const results: SocketResult[] = [];
      let next = 0;
      const worker = async () => {
        for (let i = next++; i < sessions.length; i = next++) {
          const attacker = attackers[i % attackers.length]!;
          const headers = browserHeaders(baseUrl, tokenOf(attacker.headers));
          results[i] = await runSocket(baseUrl, headers, sessions[i]!);
        }
      };
      await Promise.all(Array.from({ length: 8 }, worker));

      const closeCodes = results.map((r) => r.closeCode).filter((code) => code !== null);
      const unexpected = closeCodes.filter((code) => !expectedCloseCodes.has(code));
      const everything = results.flatMap((r) => r.received).join("\n");
      expect(frames).toBeGreaterThanOrEqual(count);
      expect(unexpected).toEqual([]);
      expect(everything).not.toContain(secretName);
      // No stack traces or database errors in what came back.
      expect(everything).not.toMatch(/\n\s+at |QueryFailedError|SELECT |syntax error at/);
      // Only subscriptions ran: the attacker's session, sent `mutation { logout }` many times,
      // still works, and the server is healthy.
      expect(everything).toContain("alleen abonnementen");
      const me = await graphql<{ me: { id: string } }>(
        `
          {
            me {
              id
            }
          }
        `,
        {},
        first.headers,
      );
      expect(me.data?.me.id).toBe(first.id);
      expect((await fetch(`${baseUrl}/healthz`)).status).toBe(200);
    },
  );

  it("answers a client that sends the server's messages with Bad Request, not a server failure", async () => {
    const baseUrl = inject("baseUrl");
    const worker = await loggedInUser();
    const headers = browserHeaders(baseUrl, tokenOf(worker.headers));
    for (const type of ["connection_ack", "next", "error"]) {
      const message = JSON.stringify({ type, id: "1", payload: type === "error" ? [] : {} });
      const result = await runSocket(baseUrl, headers, { init: true, frames: [message] });
      expect(result.closeCode, type).toBe(4400);
    }
  });
});
