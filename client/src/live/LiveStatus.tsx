import { useSubscription } from "@apollo/client/react";
import type { DocumentNode } from "graphql";
import { useCallback, useEffect, useRef, useState } from "react";
import { onLiveReconnected } from "./link";

const time = new Intl.DateTimeFormat("nl-NL", {
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "Europe/Amsterdam",
});

/**
 * Refetches the page's data whenever the subscription says that something of ours changed (or
 * the live socket was away for a while), and returns when that last brought new data. Changes
 * that come in while a refetch runs are taken along in one more refetch, not one each.
 */
export function useLiveRefetch(
  subscription: DocumentNode,
  refetch: () => Promise<unknown>,
): Date | null {
  const [updatedAt, setUpdatedAt] = useState<Date | null>(null);
  const latestRefetch = useRef(refetch);
  const running = useRef<{ again: boolean } | null>(null);
  useEffect(() => {
    latestRefetch.current = refetch;
  });

  const refresh = useCallback(async () => {
    if (running.current) {
      running.current.again = true;
      return;
    }
    const run = { again: true };
    running.current = run;
    try {
      while (run.again) {
        run.again = false;
        await latestRefetch.current();
      }
      setUpdatedAt(new Date());
    } catch {
      // The page's own query shows what went wrong.
    } finally {
      running.current = null;
    }
  }, []);

  useSubscription(subscription, { onData: () => void refresh() });
  useEffect(() => onLiveReconnected(() => void refresh()), [refresh]);
  return updatedAt;
}

/** A polite line for screen readers and eyes alike: when the page last updated itself. */
export function LiveStatus(props: { updatedAt: Date | null }) {
  return (
    <p role="status" className="utrecht-paragraph kk-live-status">
      {props.updatedAt ? `Bijgewerkt om ${time.format(props.updatedAt)}` : null}
    </p>
  );
}
