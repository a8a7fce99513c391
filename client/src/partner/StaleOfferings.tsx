import { useMutation, useQuery } from "@apollo/client/react";
import { useState } from "react";
import { Link } from "react-router";
import { graphql } from "../gql";
import { ErrorAlert } from "../shared/ErrorAlert";
import { errorMessage } from "../shared/errors";
import { formatDate } from "../shared/format";

export const MyStaleOfferingsQuery = graphql(`
  query MyStaleOfferings {
    myStaleOfferings {
      id
      title
      lastVerifiedAt
    }
  }
`);

const ConfirmActualMutation = graphql(`
  mutation ConfirmOfferingActual($id: ID!) {
    markOfferingVerified(id: $id) {
      id
      isStale
      lastVerifiedAt
    }
  }
`);

/**
 * "Controleer uw aanbod": what has not been checked for six months, each with one click to
 * confirm it is still right. Shown only while there is something to check.
 */
export function StaleOfferings() {
  const { data } = useQuery(MyStaleOfferingsQuery);
  const [confirm, { loading }] = useMutation(ConfirmActualMutation, {
    refetchQueries: [MyStaleOfferingsQuery],
    awaitRefetchQueries: true,
  });
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const stale = data?.myStaleOfferings ?? [];

  if (stale.length === 0 && !done && !error) return null;

  const confirmActual = async (id: string, title: string) => {
    setError(null);
    try {
      await confirm({ variables: { id } });
      setDone(`${title} is bevestigd als actueel.`);
    } catch (caught) {
      setError(errorMessage(caught, "Bevestigen is niet gelukt. Probeer het opnieuw."));
    }
  };

  return (
    <section className="kk-check-offerings" aria-labelledby="stale-offerings-heading">
      <h2 className="utrecht-heading-2" id="stale-offerings-heading">
        Controleer uw aanbod
      </h2>
      <ErrorAlert message={error} />
      <p className="utrecht-paragraph" role="status">
        {done}
        {done && stale.length === 0 ? " Al uw aanbod is recent gecontroleerd." : null}
      </p>
      {stale.length > 0 ? (
        <>
          <p className="utrecht-paragraph">
            Dit aanbod is langer dan zes maanden niet gecontroleerd. Klopt het nog? Bevestig het, of
            pas het aan.
          </p>
          <ul className="utrecht-unordered-list kk-stale-list">
            {stale.map((offering) => (
              <li key={offering.id} className="utrecht-unordered-list__item">
                <Link className="utrecht-link" to={`/ons-aanbod/${offering.id}`}>
                  {offering.title}
                </Link>{" "}
                <span className="kk-verified kk-verified--stale">
                  <span aria-hidden="true">⚠ </span>laatst gecontroleerd{" "}
                  {formatDate(offering.lastVerifiedAt)}
                </span>{" "}
                <button
                  type="button"
                  className="utrecht-button utrecht-button--primary-action"
                  disabled={loading}
                  onClick={() => confirmActual(offering.id, offering.title)}
                >
                  Nog actueel<span className="kk-visually-hidden"> voor {offering.title}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
