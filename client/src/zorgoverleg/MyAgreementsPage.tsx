import { useMutation, useQuery } from "@apollo/client/react";
import { useState } from "react";
import { Link } from "react-router";
import { graphql } from "../gql";
import { ErrorAlert } from "../shared/ErrorAlert";
import { useStatusMessage } from "../shared/StatusMessage";
import { errorMessage } from "../shared/errors";
import { formatDate } from "../shared/format";
import { PageError, PageLoading } from "../shared/PageStates";
import { useDocumentTitle } from "../shared/useDocumentTitle";

const MyAgreementsQuery = graphql(`
  query MyAgreements {
    myAgreements {
      id
      description
      dueOn
      isOverdue
      caseId
      ownerOrganization {
        name
      }
      ownerUser {
        name
      }
      zorgoverleg {
        id
        startsAt
      }
    }
  }
`);

const SetAgreementStatusMutation = graphql(`
  mutation SetAgreementStatus($input: SetAgreementStatusInput!) {
    setAgreementStatus(input: $input) {
      id
      status
    }
  }
`);

/** "Mijn afspraken": what I (or my organisation) agreed to do, across cases; overdue first. */
export function MyAgreementsPage() {
  useDocumentTitle("Mijn afspraken");
  const { data, loading, error } = useQuery(MyAgreementsQuery, {
    fetchPolicy: "cache-and-network",
  });
  const [setStatus, { loading: saving }] = useMutation(SetAgreementStatusMutation, {
    refetchQueries: [MyAgreementsQuery],
    awaitRefetchQueries: true,
  });
  const [problem, setProblem] = useState<string | null>(null);
  const announce = useStatusMessage();
  if (loading && !data) return <PageLoading />;
  if (error || !data) return <PageError what="Uw afspraken" />;
  const agreements = data.myAgreements;

  return (
    <>
      <h1 className="utrecht-heading-1">Mijn afspraken</h1>
      <p className="utrecht-paragraph kk-lead">
        Open afspraken uit zorgoverleggen voor u, of voor uw organisatie zonder genoemde medewerker.
        Te late afspraken staan bovenaan.
      </p>
      <ErrorAlert message={problem} />
      {agreements.length === 0 ? (
        <p className="utrecht-paragraph">U heeft geen open afspraken.</p>
      ) : (
        <table className="kk-table">
          <caption className="kk-visually-hidden">Open afspraken, te late eerst</caption>
          <thead>
            <tr>
              <th scope="col">Afspraak</th>
              <th scope="col">Uiterlijk</th>
              <th scope="col">Voor</th>
              <th scope="col">Uit</th>
              <th scope="col">
                <span className="kk-visually-hidden">Actie</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {agreements.map((agreement) => (
              <tr key={agreement.id}>
                <td>{agreement.description}</td>
                <td className={agreement.isOverdue ? "kk-overdue" : undefined}>
                  {agreement.isOverdue ? "Te laat: " : ""}
                  {formatDate(agreement.dueOn)}
                </td>
                <td>
                  {agreement.ownerUser
                    ? agreement.ownerUser.name
                    : agreement.ownerOrganization.name}
                </td>
                <td>
                  <Link
                    className="utrecht-link"
                    to={`/casussen/${agreement.caseId}#zorgoverleg-${agreement.zorgoverleg.id}-details`}
                  >
                    Zorgoverleg van {formatDate(agreement.zorgoverleg.startsAt)}
                  </Link>
                </td>
                <td>
                  <button
                    type="button"
                    className="utrecht-button utrecht-button--secondary-action"
                    disabled={saving}
                    aria-label={`Gedaan: ${agreement.description}`}
                    onClick={async () => {
                      setProblem(null);
                      try {
                        await setStatus({
                          variables: { input: { agreementId: agreement.id, status: "DONE" } },
                        });
                        announce(`Afspraak afgerond: ${agreement.description}`);
                      } catch (caught) {
                        setProblem(
                          errorMessage(caught, "Afvinken is niet gelukt. Probeer het opnieuw."),
                        );
                      }
                    }}
                  >
                    Gedaan
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
