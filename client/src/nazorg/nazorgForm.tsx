// What the nazorg forms on the case page share: the submit button, the reload after a change,
// and who holds the contacts.
import type { useMe } from "../auth/session";
import { isoDate } from "../shared/format";

export const refetchQueries = ["NazorgSection", "CasePage"];

export const today = () => isoDate();

export const optional = (value: FormDataEntryValue | null) => {
  const text = String(value ?? "").trim();
  return text === "" ? null : text;
};

export function Submit({ loading, children }: { loading: boolean; children: string }) {
  return (
    <button
      type="submit"
      className="utrecht-button utrecht-button--primary-action"
      disabled={loading}
    >
      {children}
    </button>
  );
}

export type Team = Array<{ id: string; name: string }>;

/**
 * The worker who holds the contacts: the logged-in worker when "ik zelf" is ticked and the
 * chosen organisation is theirs, otherwise `otherwise`.
 */
export function responsibleWorker(
  form: FormData,
  me: ReturnType<typeof useMe>,
  organizationId: string,
  otherwise: string | null,
): string | null {
  return form.get("ikzelf") === "ja" && me?.organization.id === organizationId ? me.id : otherwise;
}

/** The plan at the end of the trajectory: 12 months, or 24 from a saneringskrediet. */
