import { formatCapacity, formatDate } from "./format";

/** The palette level with its Dutch meaning, e.g. "A7 · Waakvlamcontacten door vrijwilligers". */
export function PaletteBadge({ level, label }: { level: string; label: string | undefined }) {
  return (
    <span className="utrecht-badge-data kk-palette-badge" title="Plek op het palet van nazorg">
      <span className="kk-palette-level">{level}</span>
      {label ? ` · ${label}` : ""}
    </span>
  );
}

export function CapacityStatus({ available }: { available: number }) {
  return (
    <span
      className={`utrecht-badge-status kk-capacity ${available === 0 ? "kk-capacity--full" : "kk-capacity--free"}`}
    >
      {formatCapacity(available)}
    </span>
  );
}

/** "Laatst gecontroleerd …", with stale entries marked in words and an icon, not by colour alone. */
export function VerifiedStatus({
  lastVerifiedAt,
  isStale,
}: {
  lastVerifiedAt: string;
  isStale: boolean;
}) {
  return (
    <span className={isStale ? "kk-verified kk-verified--stale" : "kk-verified"}>
      {isStale ? (
        <>
          <strong>
            <span aria-hidden="true">⚠ </span>Niet recent gecontroleerd
          </strong>{" "}
          (laatst gecontroleerd {formatDate(lastVerifiedAt)})
        </>
      ) : (
        <>Laatst gecontroleerd {formatDate(lastVerifiedAt)}</>
      )}
    </span>
  );
}
