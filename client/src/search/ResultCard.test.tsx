import { render, screen } from "@testing-library/react";
import { MemoryRouter } from "react-router";
import { describe, expect, it } from "vitest";
import { makeFragmentData } from "../gql";
import type { ResultCard_OfferingFragment } from "../gql/graphql";
import type { TaxonomyLabels } from "../shared/taxonomy";
import { ResultCard, ResultCardFragment } from "./ResultCard";

const labels = {
  paletteLevels: { A7: "Waakvlamcontacten door vrijwilligers" },
  channels: { TELEFOON: "Telefoon", WHATSAPP: "WhatsApp" },
} as unknown as TaxonomyLabels;

function offering(overrides: Partial<ResultCard_OfferingFragment> = {}) {
  return makeFragmentData(
    {
      id: "6b1f3c1e-0000-4000-8000-000000000001",
      title: "Waakvlamcontact na de schuldregeling",
      paletteLevel: "A7",
      channels: ["TELEFOON", "WHATSAPP"],
      isStale: false,
      lastVerifiedAt: "2026-03-12T10:00:00.000Z",
      capacity: { available: 3 },
      organization: { id: "org-1", name: "Stichting Budgetmaatjes" },
      ...overrides,
    },
    ResultCardFragment,
  );
}

function renderCard(props: Partial<Parameters<typeof ResultCard>[0]> = {}) {
  return render(
    <MemoryRouter>
      <ResultCard offering={offering()} distanceKm={2.34} nearSearched labels={labels} {...props} />
    </MemoryRouter>,
  );
}

describe("a search result", () => {
  it("shows title as a link, organisation, palette, channels, distance, capacity and check date", () => {
    renderCard();
    expect(
      screen.getByRole("link", { name: "Waakvlamcontact na de schuldregeling" }),
    ).toHaveAttribute("href", "/aanbod/6b1f3c1e-0000-4000-8000-000000000001");
    expect(screen.getByText("Stichting Budgetmaatjes")).toBeInTheDocument();
    expect(screen.getByText(/Waakvlamcontacten door vrijwilligers/)).toBeInTheDocument();
    expect(screen.getByText(/Telefoon en WhatsApp/)).toBeInTheDocument();
    expect(screen.getByText("2,3 km")).toBeInTheDocument();
    expect(screen.getByText("3 vrije plekken")).toBeInTheDocument();
    expect(screen.getByText("Laatst gecontroleerd 12 maart 2026")).toBeInTheDocument();
  });

  it("marks a stale entry in words and says when a gemeente-wide offering has no distance", () => {
    render(
      <MemoryRouter>
        <ResultCard
          offering={offering({ isStale: true, capacity: { available: 0 } })}
          distanceKm={null}
          nearSearched
          labels={labels}
        />
      </MemoryRouter>,
    );
    expect(screen.getByText("Niet recent gecontroleerd")).toBeInTheDocument();
    expect(screen.getByText("In uw gemeente")).toBeInTheDocument();
    expect(screen.getByText("Vol")).toBeInTheDocument();
  });
});
