import { Component, lazy, type ReactNode, Suspense } from "react";
import type { PlacesMapProps } from "./places";

// Leaflet and its CSS load only when a page shows a map, in a chunk of their own.
const LeafletMap = lazy(async () => ({ default: (await import("./LeafletMap")).LeafletMap }));

/**
 * The map beside a list of offerings. It only complements the list: when it cannot load, the
 * page goes on without it.
 */
export function PlacesMap(props: PlacesMapProps) {
  return (
    <WithoutMapOnError>
      <Suspense fallback={<p className="utrecht-paragraph kk-map-loading">Kaart laden…</p>}>
        <LeafletMap {...props} />
      </Suspense>
    </WithoutMapOnError>
  );
}

class WithoutMapOnError extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? (
      <p className="utrecht-paragraph">De kaart kan nu niet worden getoond; de lijst wel.</p>
    ) : (
      this.props.children
    );
  }
}
