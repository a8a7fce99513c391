import { useMutation, useQuery } from "@apollo/client/react";
import { useState } from "react";
import { Link } from "react-router";
import { useMe } from "../auth/session";
import { graphql } from "../gql";
import type { OfferingStatus } from "../gql/graphql";
import { VerifiedStatus } from "../shared/badges";
import { ErrorAlert } from "../shared/ErrorAlert";
import { errorMessage } from "../shared/errors";
import { useStatusMessage } from "../shared/StatusMessage";
import { PageError, PageLoading } from "../shared/PageStates";
import { useTaxonomyLabels } from "../shared/taxonomy";
import { useDocumentTitle } from "../shared/useDocumentTitle";
import { MyStaleOfferingsQuery, StaleOfferings } from "./StaleOfferings";

const MyOfferingsQuery = graphql(`
  query MyOfferings($id: ID!) {
    organization(id: $id) {
      id
      name
      offerings {
        id
        title
        status
        isStale
        lastVerifiedAt
      }
    }
  }
`);

const VerifyMutation = graphql(`
  mutation VerifyOffering($id: ID!) {
    markOfferingVerified(id: $id) {
      id
      isStale
      lastVerifiedAt
    }
  }
`);

const StatusMutation = graphql(`
  mutation SetOfferingStatus($id: ID!, $status: OfferingStatus!) {
    setOfferingStatus(id: $id, status: $status) {
      id
      status
    }
  }
`);

/** The partner keeps its own entries on the sociale kaart actual. */
export function MyOrganizationPage() {
  useDocumentTitle("Ons aanbod");
  const me = useMe();
  const labels = useTaxonomyLabels();
  const organizationId = me?.organization.id ?? "";
  const { data, loading, error } = useQuery(MyOfferingsQuery, {
    variables: { id: organizationId },
    skip: !organizationId,
  });
  // A checked offering leaves the "Controleer uw aanbod" list as well.
  const [verify] = useMutation(VerifyMutation, { refetchQueries: [MyStaleOfferingsQuery] });
  const [setStatus] = useMutation(StatusMutation);
  const [problem, setProblem] = useState<string | null>(null);
  const announce = useStatusMessage();

  if (loading || !me) return <PageLoading />;
  if (error || !data?.organization) return <PageError what="Het aanbod van uw organisatie" />;

  const act = async (action: () => Promise<unknown>, done: string) => {
    setProblem(null);
    try {
      await action();
      announce(done);
    } catch (caught) {
      setProblem(errorMessage(caught, "Dat is niet gelukt. Probeer het opnieuw."));
    }
  };
  const changeStatus = (id: string, status: OfferingStatus, done: string) =>
    act(() => setStatus({ variables: { id, status } }), done);

  return (
    <>
      <h1 className="utrecht-heading-1">Ons aanbod</h1>
      <p className="utrecht-paragraph kk-lead">{data.organization.name}</p>
      <StaleOfferings />
      <p className="utrecht-paragraph">
        <Link
          className="utrecht-button-link utrecht-button-link--primary-action"
          to="/ons-aanbod/nieuw"
        >
          Nieuw aanbod
        </Link>{" "}
        <Link className="utrecht-link" to="/onze-organisatie">
          Organisatie, loket en locaties
        </Link>
      </p>
      <ErrorAlert message={problem} />
      <table className="kk-table">
        <thead>
          <tr>
            <th scope="col">Aanbod</th>
            <th scope="col">Status</th>
            <th scope="col">Gecontroleerd</th>
            <th scope="col">Acties</th>
          </tr>
        </thead>
        <tbody>
          {data.organization.offerings.map((offering) => (
            <tr key={offering.id}>
              <td>
                <Link className="utrecht-link" to={`/aanbod/${offering.id}`}>
                  {offering.title}
                </Link>
              </td>
              <td>{labels?.offeringStatuses[offering.status] ?? offering.status}</td>
              <td>
                <VerifiedStatus
                  lastVerifiedAt={offering.lastVerifiedAt}
                  isStale={offering.isStale}
                />
              </td>
              <td>
                <div className="utrecht-button-group">
                  <Link className="utrecht-link" to={`/ons-aanbod/${offering.id}`}>
                    Bewerken<span className="kk-visually-hidden"> {offering.title}</span>
                  </Link>
                  <button
                    type="button"
                    className="utrecht-button utrecht-button--secondary-action"
                    onClick={() =>
                      act(
                        () => verify({ variables: { id: offering.id } }),
                        `${offering.title}: gegevens gecontroleerd.`,
                      )
                    }
                  >
                    Gegevens gecontroleerd
                    <span className="kk-visually-hidden"> voor {offering.title}</span>
                  </button>
                  {offering.status === "ACTIVE" ? (
                    <button
                      type="button"
                      className="utrecht-button utrecht-button--subtle"
                      onClick={() =>
                        changeStatus(offering.id, "PAUSED", `${offering.title} is gepauzeerd.`)
                      }
                    >
                      Pauzeren<span className="kk-visually-hidden"> {offering.title}</span>
                    </button>
                  ) : (
                    <button
                      type="button"
                      className="utrecht-button utrecht-button--subtle"
                      onClick={() =>
                        changeStatus(
                          offering.id,
                          "ACTIVE",
                          `${offering.title} staat weer op de sociale kaart.`,
                        )
                      }
                    >
                      Heropenen<span className="kk-visually-hidden"> {offering.title}</span>
                    </button>
                  )}
                  {offering.status !== "ENDED" ? (
                    <button
                      type="button"
                      className="utrecht-button utrecht-button--subtle"
                      onClick={() =>
                        changeStatus(offering.id, "ENDED", `${offering.title} is beëindigd.`)
                      }
                    >
                      Beëindigen<span className="kk-visually-hidden"> {offering.title}</span>
                    </button>
                  ) : null}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
