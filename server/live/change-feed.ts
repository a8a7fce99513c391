import { Repeater, SlidingBuffer } from "@graphql-yoga/subscription";
import pgListen from "pg-listen";
import type { PubSub } from "type-graphql";
import type { DataSource } from "typeorm";
import { loggableError } from "../common/errors.js";
import { logger } from "../logger.js";
import {
  changeChannel,
  ChangeKind,
  type ChangeNotification,
  type LiveChange,
  parseChangeNotification,
  parseSessionEnd,
  sessionEndChannel,
} from "./live-change.js";

/** The one topic of the schema's subscriptions; its id is the subscriber's organisation. */
export const changesTopic = "CHANGES";

/**
 * This instance's subscribers, by organisation. Changes arrive only from PostgreSQL (see
 * `listenForChanges`), never from code on this instance, so that an event raised on another
 * instance reaches them just the same.
 */
export interface ChangeFeed {
  /** For `buildSchema({ pubSub })`. */
  pubSub: PubSub;
  /** Passes a notification to the local subscribers of the organisations it names. */
  deliver(notification: ChangeNotification): void;
  /** Tells every local subscriber to fetch again: notifications may have been missed. */
  resync(): void;
  /** Passes on that a session of this user ended (or the account was disabled). */
  sessionEnded(userId: string): void;
  /** Who is told of ended sessions: the live sockets, to close that user's at once. */
  onSessionEnd(listener: (userId: string) => void): void;
}

export function createChangeFeed(): ChangeFeed {
  const listeners = new Map<string, Set<(change: LiveChange) => void>>();
  const sessionListeners: Array<(userId: string) => void> = [];
  const notify = (listener: (change: LiveChange) => void, kind: ChangeKind) =>
    listener({ kind, at: new Date() });

  const subscribe = (organizationId: string) =>
    // A subscriber that falls behind only needs the latest signals: older ones are dropped
    // rather than piling up in memory.
    new Repeater<LiveChange>(async (push, stop) => {
      const listener = (change: LiveChange) => void push(change);
      const ofOrganization = listeners.get(organizationId) ?? new Set();
      listeners.set(organizationId, ofOrganization.add(listener));
      await stop;
      ofOrganization.delete(listener);
      if (ofOrganization.size === 0) listeners.delete(organizationId);
    }, new SlidingBuffer(8));

  return {
    pubSub: {
      publish() {
        throw new Error("announce changes with announceChange, in the write's transaction");
      },
      subscribe(topic, organizationId) {
        if (topic !== changesTopic || typeof organizationId !== "string") {
          throw new Error(`no subscriptions to ${topic} without an organisation`);
        }
        return subscribe(organizationId);
      },
    },
    deliver({ kind, organizationIds }) {
      for (const organizationId of new Set(organizationIds)) {
        for (const listener of listeners.get(organizationId) ?? []) notify(listener, kind);
      }
    },
    resync() {
      for (const ofOrganization of listeners.values()) {
        for (const listener of ofOrganization) notify(listener, ChangeKind.RESYNC);
      }
    },
    sessionEnded(userId) {
      for (const listener of sessionListeners) listener(userId);
    },
    onSessionEnd(listener) {
      sessionListeners.push(listener);
    },
  };
}

/**
 * LISTENs for changes on a connection of its own and passes them to the feed. After a lost
 * connection it keeps trying (every few seconds, for as long as it takes); once back, the
 * subscribers are told to fetch again, as notifications sent meanwhile are lost.
 */
export async function listenForChanges(
  db: DataSource,
  feed: ChangeFeed,
): Promise<{ close(): Promise<void> }> {
  // The same database as the pool's, on a connection outside it: LISTEN holds it for good.
  const { url } = db.options as { url?: string };
  // pg-listen is CommonJS with its function as `exports.default`.
  const subscriber = pgListen.default(
    { connectionString: url },
    {
      retryInterval: (attempt) => Math.min(250 * 2 ** attempt, 5000),
      retryTimeout: 0,
      // Notices a silently dropped connection (a load balancer, a failover) within 10 s.
      paranoidChecking: 10_000,
    },
  );
  let lost = false;
  subscriber.events.on("reconnect", (attempt) => {
    if (!lost) logger.warn("lost the database connection for live updates; reconnecting");
    lost = true;
    if (attempt % 20 === 0) logger.warn({ attempt }, "still reconnecting for live updates");
  });
  subscriber.events.on("connected", () => {
    if (!lost) return;
    lost = false;
    logger.info("live updates reconnected to the database");
    feed.resync();
  });
  // Without a listener an "error" event would end the process.
  subscriber.events.on("error", (error) => {
    logger.error({ error: loggableError(error) }, "live updates");
  });
  subscriber.notifications.on(changeChannel, (payload: unknown) => {
    const notification = parseChangeNotification(payload);
    if (notification) feed.deliver(notification);
  });
  subscriber.notifications.on(sessionEndChannel, (payload: unknown) => {
    const userId = parseSessionEnd(payload);
    if (userId) feed.sessionEnded(userId);
  });
  await subscriber.connect();
  await subscriber.listenTo(changeChannel);
  await subscriber.listenTo(sessionEndChannel);
  return {
    // A connection that was lost may never confirm its end; stopping must not wait for it.
    close: () =>
      Promise.race([
        subscriber.close().catch(() => undefined),
        new Promise<void>((resolve) => setTimeout(resolve, 2000).unref()),
      ]),
  };
}
