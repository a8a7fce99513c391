import { useQuery } from "@apollo/client/react";
import { type FormEvent, useState } from "react";
import { useSearchParams } from "react-router";
import { useMe } from "../auth/session";
import { graphql } from "../gql";
import { CheckboxGroup } from "../shared/fields";
import { formatDate } from "../shared/format";
import { PageError, PageLoading } from "../shared/PageStates";
import { useTaxonomyLabels } from "../shared/taxonomy";
import { useDocumentTitle } from "../shared/useDocumentTitle";
import { DownloadLink } from "../shared/DownloadLink";
import { CellOfferings } from "./CellOfferings";
import {
  filterFromForm,
  filterFromParams,
  graphqlFilter,
  matrixCsvUrl,
  paramsFromFilter,
} from "./mapParams";
import { HeatMap, MatrixTable, type SelectedCell } from "./NazorgMatrix";
import { NetworkAgreements } from "./NetworkAgreements";
import "./nazorg-map.css";

const NazorgMapQuery = graphql(`
  query NazorgMap($filter: NazorgMapFilter) {
    nazorgMap(filter: $filter) {
      region {
        id
        name
      }
      rows {
        gemeente {
          code
          name
        }
        gapCount
        cells {
          paletteLevel
          offeringCount
          capacityAvailable
          offeringsWithCapacity
          notVerifiedShare
          isGap
        }
        regieNazorg {
          id
          validFrom
          regieHolder {
            id
            name
          }
        }
      }
    }
  }
`);

/**
 * The regional nazorg map for coordinators and the gemeente: which palette levels each
 * gemeente offers, where the gaps are, free places, how actual the entries are, and who holds
 * regie on nazorg — with the network agreements behind it and CSV exports for Excel.
 */
export function NazorgMapPage() {
  const [params, setParams] = useSearchParams();
  const filter = filterFromParams(params);
  const labels = useTaxonomyLabels();
  const me = useMe();
  const [selected, setSelected] = useState<SelectedCell | null>(null);
  const { data, loading, error, refetch } = useQuery(NazorgMapQuery, {
    variables: { filter: graphqlFilter(filter) },
  });
  useDocumentTitle("Nazorgkaart");

  if (loading && !data) return <PageLoading />;
  if (error || !data) return <PageError what="De nazorgkaart" />;
  const map = data.nazorgMap;
  const canMaintain =
    me?.roles.some((role) => role === "COORDINATOR" || role === "REGIO_BEHEERDER") ?? false;
  const selectedRow = selected && map.rows.find((r) => r.gemeente.code === selected.gemeente);
  const gaps = map.rows.reduce((sum, row) => sum + row.gapCount, 0);

  const applyFilters = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setParams(paramsFromFilter(filterFromForm(new FormData(event.currentTarget))));
  };

  return (
    <div className="kk-nazorg-map">
      <h1 className="utrecht-heading-1">Nazorgkaart {map.region.name}</h1>
      <p className="utrecht-paragraph kk-lead">
        Welk nazorgaanbod er per gemeente is op elk niveau van het palet, van passief (P1–P3) tot
        actief (A1–A10). Er {gaps === 1 ? "is 1 witte vlek" : `zijn ${gaps} witte vlekken`}: een
        gemeente en niveau zonder actief aanbod.
      </p>

      <form
        key={params.toString()}
        className="kk-map-filters kk-filters"
        onSubmit={applyFilters}
        aria-label="Filters"
      >
        <CheckboxGroup
          legend="Doelgroep"
          name="targetGroups"
          labels={labels?.targetGroups}
          selected={filter.targetGroups}
        />
        <CheckboxGroup
          legend="Uitgevoerd door"
          name="deliveredBy"
          labels={labels?.deliveredBy}
          selected={filter.deliveredBy}
        />
        <CheckboxGroup
          legend="Fase"
          name="phases"
          labels={labels?.phases}
          selected={filter.phases}
        />
        <div className="kk-map-filter-actions">
          <button type="submit" className="utrecht-button utrecht-button--primary-action">
            Filters toepassen
          </button>
          <button
            type="button"
            className="utrecht-button utrecht-button--subtle"
            onClick={() => setParams(new URLSearchParams())}
          >
            Filters wissen
          </button>
        </div>
      </form>

      <DownloadLink
        className="utrecht-button utrecht-button--secondary-action kk-button-link"
        href={matrixCsvUrl(filter, map.region.id)}
      >
        Download de nazorgkaart als CSV
      </DownloadLink>

      <HeatMap
        rows={map.rows}
        levelLabels={labels?.paletteLevels}
        selected={selected}
        onSelect={setSelected}
      />

      {selected && selectedRow ? (
        <CellOfferings
          key={`${selected.gemeente}-${selected.paletteLevel}`}
          filter={filter}
          gemeente={selectedRow.gemeente}
          paletteLevel={selected.paletteLevel}
          levelLabel={labels?.paletteLevels[selected.paletteLevel] ?? ""}
        />
      ) : null}

      <h2 className="utrecht-heading-2">De nazorgkaart als tabel</h2>
      <MatrixTable
        rows={map.rows}
        levelLabels={labels?.paletteLevels}
        selected={selected}
        onSelect={setSelected}
      />

      <section aria-labelledby="regie-nazorg">
        <h2 id="regie-nazorg" className="utrecht-heading-2">
          Regie op nazorg per gemeente
        </h2>
        <table className="kk-table">
          <thead>
            <tr>
              <th scope="col">Gemeente</th>
              <th scope="col">Regie op nazorg</th>
              <th scope="col">Witte vlekken op het palet</th>
            </tr>
          </thead>
          <tbody>
            {map.rows.map((row) => (
              <tr key={row.gemeente.code}>
                <th scope="row">{row.gemeente.name}</th>
                <td>
                  {row.regieNazorg?.regieHolder ? (
                    `${row.regieNazorg.regieHolder.name}, sinds ${formatDate(row.regieNazorg.validFrom)}`
                  ) : (
                    <strong className="kk-no-regie">Geen afspraak: niemand heeft de regie</strong>
                  )}
                </td>
                <td>{row.gapCount} van 13</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <NetworkAgreements
        gemeenten={map.rows.map((row) => row.gemeente)}
        canMaintain={canMaintain}
        onChanged={() => void refetch()}
      />
    </div>
  );
}
