import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";
import { database } from "./factories.js";

export interface LiveChangeEvent {
  kind: string;
  at: string;
}

/** What arrived on one subscription, and a way to wait for more. */
export interface Subscription {
  events: LiveChangeEvent[];
  /** Resolves with the first event of this kind from now on, or rejects after `ms`. */
  next(kind: string, ms?: number): Promise<LiveChangeEvent>;
  closed: Promise<{ code: number; reason: string }>;
  dispose(): Promise<void>;
}

export const webSocketUrl = (baseUrl: string) => `${baseUrl.replace(/^http/, "ws")}/graphql`;

/**
 * A graphql-ws client in Node, as a browser tab holds one: with the session cookie and the
 * page's Origin (or whatever headers the test gives).
 */
export function liveClient(baseUrl: string, headers: Record<string, string>): Client {
  return createClient({
    url: webSocketUrl(baseUrl),
    webSocketImpl: class extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        super(address, protocols, { headers });
      }
    },
    retryAttempts: 0,
    lazy: true,
  });
}

/** The session token of a logged-in test user's bearer headers. */
export const tokenOf = (headers: Record<string, string>) => headers.authorization!.split(" ")[1]!;

export const browserHeaders = (baseUrl: string, token: string) => ({
  cookie: `kk_session=${token}`,
  origin: baseUrl,
});

/**
 * Subscribes to `field` (referralInboxChanged or dashboardChanged), with `query` or a document of
 * its own, and collects its events.
 */
export function subscribe(
  client: Client,
  field: string,
  query = `subscription { ${field} { kind at } }`,
): Subscription {
  const events: LiveChangeEvent[] = [];
  const waiters = new Set<(event: LiveChangeEvent) => void>();
  let closedWith: (close: { code: number; reason: string }) => void = () => {};
  const closed = new Promise<{ code: number; reason: string }>((resolve) => (closedWith = resolve));
  client.on("closed", (event) => {
    const { code, reason } = event as { code: number; reason: string };
    closedWith({ code, reason: String(reason) });
  });
  const stop = client.subscribe<Record<string, LiveChangeEvent>>(
    { query },
    {
      next: (result) => {
        const event = result.data?.[field];
        if (!event) return;
        events.push(event);
        for (const waiter of waiters) waiter(event);
      },
      error: () => {},
      complete: () => {},
    },
  );
  return {
    events,
    next(kind, ms = 60_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`no ${kind} event on ${field} within ${ms} ms`));
        }, ms);
        const waiter = (event: LiveChangeEvent) => {
          if (event.kind !== kind) return;
          clearTimeout(timer);
          waiters.delete(waiter);
          resolve(event);
        };
        waiters.add(waiter);
      });
    },
    closed,
    async dispose() {
      stop();
      await client.dispose();
    },
  };
}

/**
 * Waits until the subscription is live on its server: a subscribe message has no answer of its
 * own, so a probe notification (as any instance would send) is repeated until it arrives.
 */
export async function whenLive(
  subscription: Subscription,
  organizationId: string,
  probeKind = "RESYNC",
): Promise<void> {
  const arrived = subscription.next(probeKind, 10_000);
  const probe = setInterval(() => void announceProbe(organizationId, probeKind), 200);
  try {
    await arrived;
  } finally {
    clearInterval(probe);
  }
}

/** How a bare WebSocket upgrade is answered: 101 when admitted, else the refusal's status. */
export function upgradeStatus(baseUrl: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(webSocketUrl(baseUrl), "graphql-transport-ws", { headers });
    socket.on("upgrade", (response) => {
      resolve(response.statusCode ?? 0);
      socket.close();
    });
    socket.on("unexpected-response", (_request, response) => {
      resolve(response.statusCode ?? 0);
      response.resume();
    });
    socket.on("error", (error) => {
      if (!/Unexpected server response/.test(error.message)) reject(error);
    });
  });
}

/**
 * Waits until whatever was announced before now has been passed on to these subscriptions:
 * PostgreSQL delivers notifications in commit order, so a marker announced now arrives after
 * them. What has not arrived by then is not going to.
 */
export async function afterEarlierAnnouncements(
  subscriptions: Array<{ subscription: Subscription; organizationId: string }>,
): Promise<void> {
  const markers = subscriptions.map(({ subscription }) => subscription.next("RESYNC"));
  await announceProbe(subscriptions.map(({ organizationId }) => organizationId));
  await Promise.all(markers);
}

/** A message of the graphql-transport-ws protocol, as the server sent it. */
export interface ProtocolMessage {
  type: string;
  id?: string;
  payload?: unknown;
}

/**
 * A bare socket speaking the graphql-ws protocol by hand, for what the graphql-ws client will
 * not send: exact frames, a chosen size, many subscriptions at once. Resolves once the server
 * has acknowledged the connection.
 */
export type ProtocolSocket = Awaited<ReturnType<typeof protocolSocket>>;

export function protocolSocket(baseUrl: string, headers: Record<string, string>) {
  const socket = new WebSocket(webSocketUrl(baseUrl), "graphql-transport-ws", { headers });
  const received: ProtocolMessage[] = [];
  const waiters = new Set<() => void>();
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on("close", (code, reason) => {
      resolve({ code, reason: reason.toString() });
      for (const waiter of waiters) waiter();
    }),
  );
  socket.on("error", () => {});
  socket.on("message", (data) => {
    received.push(JSON.parse(String(data)) as ProtocolMessage);
    for (const waiter of waiters) waiter();
  });
  /** The first message from the server that matches, or null when the socket closed first. */
  const first = (match: (message: ProtocolMessage) => boolean, ms = 60_000) =>
    new Promise<ProtocolMessage | null>((resolve, reject) => {
      const check = () => {
        const found = received.find(match);
        if (!found && socket.readyState !== WebSocket.CLOSED) return;
        clearTimeout(timer);
        waiters.delete(check);
        resolve(found ?? null);
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`no matching message within ${ms} ms`));
      }, ms);
      waiters.add(check);
      check();
    });
  const handle = {
    received,
    closed,
    first,
    /** Sends a message: an object as JSON, a string as it is. */
    send: (message: string | Record<string, unknown>) =>
      socket.send(typeof message === "string" ? message : JSON.stringify(message)),
    /** The first answer (next, error or complete) to the subscription with this id. */
    answer: (id: string, ms?: number) => first((message) => message.id === id, ms),
    close: () => {
      socket.close(1000);
      return closed;
    },
  };
  return new Promise<typeof handle>((resolve, reject) => {
    socket.on("open", () => handle.send({ type: "connection_init" }));
    void first((message) => message.type === "connection_ack").then(
      (ack) => (ack ? resolve(handle) : reject(new Error("the socket closed before its ack"))),
      reject,
    );
  });
}

/**
 * The first answer to a subscription on a protocol socket: an error at once when the server
 * refused it, or a `next` once a change of the organisation (announced again and again until
 * one arrives) reaches it when it runs; null when the socket closed first.
 */
export async function answerTo(
  socket: ProtocolSocket,
  id: string,
  organizationId: string,
): Promise<ProtocolMessage | null> {
  const answered = socket.answer(id);
  const probe = setInterval(() => void announceProbe(organizationId), 200);
  try {
    return await answered;
  } finally {
    clearInterval(probe);
  }
}

/** Announces a change for the organisations, as any instance's committed write would. */
export async function announceProbe(
  organizationIds: string | string[],
  kind = "RESYNC",
): Promise<void> {
  await (
    await database()
  ).query("SELECT pg_notify('ketenkaart_changes', $1)", [
    JSON.stringify({ kind, organizationIds: [organizationIds].flat() }),
  ]);
}
