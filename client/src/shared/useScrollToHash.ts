import { useEffect } from "react";
import { useLocation } from "react-router";

/**
 * Brings the element the URL's #fragment names into view once `ready`, and moves the focus
 * there: the links in e-mails point into lists that only exist after their query has loaded,
 * too late for the browser's own jump.
 */
export function useScrollToHash(ready: boolean) {
  const { hash } = useLocation();
  useEffect(() => {
    if (!ready || hash.length < 2) return;
    const target = document.getElementById(decodeURIComponent(hash.slice(1)));
    if (!target) return;
    target.scrollIntoView?.({ block: "start" });
    if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
    target.focus({ preventScroll: true });
  }, [ready, hash]);
}
