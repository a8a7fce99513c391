import { MockedProvider } from "@apollo/client/testing/react";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { daysFromToday } from "../../../test/support/calendar";
import { RecordZorgoverlegDocument } from "../gql/graphql";
import { RecordZorgoverlegForm } from "./RecordZorgoverlegForm";

const team = [
  {
    organization: { id: "org-wijkteam", name: "Wijkteam Arnhem-Noord" },
    workers: [{ id: "user-sanne", name: "Sanne de Vries" }],
  },
  {
    organization: { id: "org-kredietbank", name: "Kredietbank Rijn en Veluwezoom" },
    workers: [{ id: "user-ingrid", name: "Ingrid Jansen" }],
  },
];

const meetingId = "z-1";

function renderForm(variables: Record<string, unknown>, onRecorded: () => void) {
  const mocks = [
    {
      request: { query: RecordZorgoverlegDocument, variables },
      result: () => {
        onRecorded();
        return {
          data: {
            recordZorgoverleg: {
              __typename: "Zorgoverleg" as const,
              id: meetingId,
              recordedAt: new Date().toISOString(),
            },
          },
        };
      },
    },
  ];
  render(
    <MockedProvider mocks={mocks}>
      <RecordZorgoverlegForm
        meeting={{ id: meetingId, clientParticipates: true }}
        team={team as never}
        regieHolderName="Wijkteam Arnhem-Noord"
      />
    </MockedProvider>,
  );
}

describe("recording a zorgoverleg", () => {
  it("sends every agreement with its owner, and the regie decision", async () => {
    const user = userEvent.setup();
    const recorded = vi.fn();
    // Other days than the form's default (two weeks from today): what is typed is what is sent.
    const firstDue = daysFromToday(15);
    const secondDue = daysFromToday(36);
    renderForm(
      {
        input: {
          zorgoverlegId: meetingId,
          summary: "Schuldregeling kan starten.",
          communicationAgreement: "Maandelijks een update.",
          clientParticipated: true,
          agreements: [
            {
              description: "Aanvraag indienen",
              ownerOrganizationId: "org-kredietbank",
              ownerUserId: "user-ingrid",
              dueOn: firstDue,
            },
            {
              description: "Budgetcoaching aanvragen",
              ownerOrganizationId: "org-wijkteam",
              ownerUserId: null,
              dueOn: secondDue,
            },
          ],
          regieDecision: {
            toOrganizationId: "org-kredietbank",
            toUserId: null,
            reason: "Schuldregeling is het hoofdspoor.",
          },
        },
      },
      recorded,
    );
    await user.type(screen.getByLabelText("Samenvatting"), "Schuldregeling kan starten.");
    await user.type(
      screen.getByLabelText("Zo houden we elkaar op de hoogte"),
      "Maandelijks een update.",
    );
    const first = screen.getByRole("group", { name: "Afspraak 1" });
    await user.type(within(first).getByLabelText("Wat"), "Aanvraag indienen");
    await user.selectOptions(within(first).getByLabelText("Organisatie"), "org-kredietbank");
    // Only workers of the chosen organisation can be named.
    expect(
      within(within(first).getByLabelText("Medewerker (niet verplicht)"))
        .getAllByRole("option")
        .map((option) => option.textContent),
    ).toEqual(["Iemand van de organisatie", "Ingrid Jansen"]);
    await user.selectOptions(
      within(first).getByLabelText("Medewerker (niet verplicht)"),
      "user-ingrid",
    );
    await user.clear(within(first).getByLabelText("Uiterlijk klaar op"));
    await user.type(within(first).getByLabelText("Uiterlijk klaar op"), firstDue);

    await user.click(screen.getByRole("button", { name: "Afspraak toevoegen" }));
    await user.click(screen.getByRole("button", { name: "Afspraak toevoegen" }));
    await user.click(screen.getByRole("button", { name: "Afspraak 3 verwijderen" }));
    expect(screen.queryByRole("group", { name: "Afspraak 3" })).toBeNull();
    const second = screen.getByRole("group", { name: "Afspraak 2" });
    await user.type(within(second).getByLabelText("Wat"), "Budgetcoaching aanvragen");
    await user.clear(within(second).getByLabelText("Uiterlijk klaar op"));
    await user.type(within(second).getByLabelText("Uiterlijk klaar op"), secondDue);

    // The regie decision asks for a reason only once regie moves.
    expect(screen.queryByLabelText("Waarom de regie overgaat")).toBeNull();
    await user.selectOptions(screen.getByLabelText("Regie naar"), "org-kredietbank");
    await user.type(
      screen.getByLabelText("Waarom de regie overgaat"),
      "Schuldregeling is het hoofdspoor.",
    );
    await user.click(screen.getByRole("button", { name: "Verslag vastleggen" }));
    await waitFor(() => expect(recorded).toHaveBeenCalledOnce());
    expect(screen.queryByRole("alert")).toBeNull();
  });
});
