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
  const db = await database();
  const arrived = subscription.next(probeKind, 10_000);
  const probe = setInterval(() => {
    void db.query("SELECT pg_notify('ketenkaart_changes', $1)", [
      JSON.stringify({ kind: probeKind, organizationIds: [organizationId] }),
    ]);
  }, 200);
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
  await (
    await database()
  ).query("SELECT pg_notify('ketenkaart_changes', $1)", [
    JSON.stringify({
      kind: "RESYNC",
      organizationIds: subscriptions.map(({ organizationId }) => organizationId),
    }),
  ]);
  await Promise.all(markers);
}
