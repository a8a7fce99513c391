import { createContext, type ReactNode, useCallback, useContext, useState } from "react";
import { useLocation } from "react-router";

interface Status {
  message: string;
  /** The page the message belongs to: where the user is, or where the action takes them. */
  pathname: string;
  /** Counts announcements, so the same words said twice are read out twice. */
  count: number;
}

type Announce = (message: string, options?: { on?: string }) => void;

const StatusContext = createContext<Announce | null>(null);

/**
 * What the last action did ("Verwijzing verstuurd naar …"), in one `role="status"` region that
 * screen readers read out without moving focus. It stays until the user leaves the page.
 */
export function StatusProvider({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  const [status, setStatus] = useState<Status | null>(null);
  const announce = useCallback<Announce>(
    (message, options) =>
      setStatus((previous) => ({
        message,
        pathname: options?.on ?? window.location.pathname,
        count: (previous?.count ?? 0) + 1,
      })),
    [],
  );
  // Leaving the page drops the message; arriving on the page it was meant for keeps it.
  const [lastPathname, setLastPathname] = useState(pathname);
  if (pathname !== lastPathname) {
    setLastPathname(pathname);
    if (status && status.pathname !== pathname) setStatus(null);
  }
  const visible = status !== null && status.pathname === pathname;

  return (
    <StatusContext.Provider value={announce}>
      {children}
      <div role="status" className="kk-status">
        {visible ? (
          <div key={status.count} className="utrecht-alert utrecht-alert--ok kk-status__message">
            <p className="utrecht-paragraph">{status.message}</p>
            <button
              type="button"
              className="utrecht-button utrecht-button--subtle"
              onClick={() => setStatus(null)}
            >
              Melding sluiten
            </button>
          </div>
        ) : null}
      </div>
    </StatusContext.Provider>
  );
}

/**
 * Says what an action did. `announce(message)` for the current page; `announce(message, { on })`
 * when the action then navigates to `on`, which shows the new state.
 */
export function useStatusMessage(): Announce {
  const announce = useContext(StatusContext);
  // Outside the layout (a component test) there is nowhere to say it.
  return announce ?? noAnnouncement;
}

const noAnnouncement: Announce = () => undefined;
