import { ApolloLink, HttpLink } from "@apollo/client";
import { GraphQLWsLink } from "@apollo/client/link/subscriptions";
import { OperationTypeNode } from "graphql";
import { createClient } from "graphql-ws";

const reconnected = new Set<() => void>();

/** Runs `listener` whenever the live socket is back after a break; returns the unsubscribe. */
export function onLiveReconnected(listener: () => void): () => void {
  reconnected.add(listener);
  return () => reconnected.delete(listener);
}

// Up to 30 s between attempts, randomised so that the clients of a stopped instance do not all
// come back at the same moment.
const retryWait = (retries: number) =>
  new Promise<void>((resolve) =>
    setTimeout(resolve, Math.min(1000 * 2 ** retries, 30_000) * (0.5 + Math.random() / 2)),
  );

/**
 * Queries and mutations over HTTP, subscriptions over the WebSocket on the same /graphql. The
 * socket opens with the first subscription (only logged-in pages have one), carries the
 * session cookie, and keeps reconnecting: a stopping server closes it with "going away".
 */
export function createApolloLink(): ApolloLink {
  const socket = createClient({
    url: () => `${location.protocol === "https:" ? "wss:" : "ws:"}//${location.host}/graphql`,
    retryAttempts: Infinity,
    shouldRetry: () => true,
    retryWait,
    on: {
      connected: (_socket, _payload, wasRetry) => {
        // Changes made while the socket was away were not announced to us.
        if (wasRetry) for (const listener of reconnected) listener();
      },
    },
  });
  return ApolloLink.split(
    (operation) => operation.operationType === OperationTypeNode.SUBSCRIPTION,
    new GraphQLWsLink(socket),
    new HttpLink({ uri: "/graphql" }),
  );
}
