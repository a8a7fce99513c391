import { useQuery } from "@apollo/client/react";
import { Link } from "react-router";
import { graphql } from "../gql";
import { formatDate } from "../shared/format";
import { PageError, PageLoading } from "../shared/PageStates";
import { useDocumentTitle } from "../shared/useDocumentTitle";
import { OpenCaseForm } from "./OpenCaseForm";
import { useTaxonomyLabels } from "../shared/taxonomy";

const MyCasesQuery = graphql(`
  query MyCases {
    myCases {
      id
      phase
      createdAt
      client {
        id
        displayName
      }
      regieHolder {
        startedAt
        organization {
          id
          name
        }
        user {
          id
          name
        }
      }
    }
  }
`);

/** "Mijn casussen": every case of the organisation with who holds regie. */
export function CasesPage() {
  useDocumentTitle("Mijn casussen");
  const { data, loading, error } = useQuery(MyCasesQuery, { fetchPolicy: "cache-and-network" });
  const labels = useTaxonomyLabels();
  if (loading && !data) return <PageLoading />;
  if (error) return <PageError what="De casussen" />;
  const cases = data?.myCases ?? [];
  return (
    <>
      <h1 className="utrecht-heading-1">Mijn casussen</h1>
      <OpenCaseForm />
      {cases.length === 0 ? (
        <p className="utrecht-paragraph">Uw organisatie heeft nog geen casussen.</p>
      ) : (
        <table className="kk-table">
          <caption className="kk-visually-hidden">
            Casussen van uw organisatie met de regiehouder
          </caption>
          <thead>
            <tr>
              <th scope="col">Inwoner</th>
              <th scope="col">Fase</th>
              <th scope="col">Regie</th>
              <th scope="col">Sinds</th>
            </tr>
          </thead>
          <tbody>
            {cases.map((careCase) => (
              <tr key={careCase.id}>
                <td>
                  <Link className="utrecht-link" to={`/casussen/${careCase.id}`}>
                    {careCase.client.displayName}
                  </Link>
                </td>
                <td>{labels?.casePhases[careCase.phase] ?? careCase.phase}</td>
                <td>
                  {careCase.regieHolder.organization.name}
                  {careCase.regieHolder.user ? ` (${careCase.regieHolder.user.name})` : ""}
                </td>
                <td>{formatDate(careCase.regieHolder.startedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
