import { CombinedGraphQLErrors } from "@apollo/client";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { type FormProblem, ProblemArea, problemOf } from "./form";
import { CheckboxGroup, RadioGroup, TextField } from "./fields";

function serverError(message: string, extensions: Record<string, unknown>) {
  return new CombinedGraphQLErrors({ errors: [{ message, extensions }] });
}

function ContactForm({ problem }: { problem: FormProblem | null }) {
  return (
    <ProblemArea problem={problem}>
      <form>
        <TextField id="loket-telefoon" name="t1" path="contactPoint.phone" label="Telefoon loket" />
        <TextField
          id="coordinator-telefoon"
          name="t2"
          path="coordinator.phone"
          label="Telefoon coördinator"
        />
        <CheckboxGroup
          legend="Gemeenten"
          name="gemeente"
          path="gemeenten"
          labels={{ GM0202: "Arnhem" }}
        />
      </form>
    </ProblemArea>
  );
}

describe("a form with a problem from the server", () => {
  it("sums the problem up at the top, focused, linked to the one field the server named", () => {
    const problem = problemOf(
      serverError("Het telefoonnummer mag hoogstens 30 tekens lang zijn.", {
        code: "BAD_USER_INPUT",
        field: "phone",
        fieldPath: "coordinator.phone",
      }),
      "Opslaan is niet gelukt.",
    );
    render(<ContactForm problem={problem} />);
    const summary = screen.getByRole("alert", { name: "Controleer het volgende" });
    expect(summary).toHaveFocus();
    const link = screen.getByRole("link", { name: /hoogstens 30 tekens/ });
    expect(link).toHaveAttribute("href", "#coordinator-telefoon");

    // Each field still says what is wrong with it.
    const coordinatorPhone = screen.getByLabelText("Telefoon coördinator");
    expect(coordinatorPhone).toHaveAttribute("aria-invalid", "true");
    expect(coordinatorPhone).toHaveAccessibleDescription(
      "Het telefoonnummer mag hoogstens 30 tekens lang zijn.",
    );
    expect(screen.getByLabelText("Telefoon loket")).not.toHaveAttribute("aria-invalid");

    fireEvent.click(link);
    expect(coordinatorPhone).toHaveFocus();
  });

  it("falls back to the field name for errors the services raise", () => {
    render(
      <ContactForm
        problem={problemOf(
          serverError("Kies minstens één gemeente.", {
            code: "BAD_USER_INPUT",
            field: "gemeenten",
          }),
          "Opslaan is niet gelukt.",
        )}
      />,
    );
    expect(screen.getByRole("group", { name: "Gemeenten" })).toHaveAccessibleDescription(
      "Kies minstens één gemeente.",
    );
    // The link to a group focuses its first option.
    fireEvent.click(screen.getByRole("link", { name: /Kies minstens één gemeente/ }));
    expect(screen.getByLabelText("Arnhem")).toHaveFocus();
  });

  it("shows a general message when the failure names no field", () => {
    render(<ContactForm problem={problemOf(new Error("netwerk"), "Opslaan is niet gelukt.")} />);
    const summary = screen.getByRole("alert", { name: "Er ging iets mis" });
    expect(summary).toHaveTextContent("Opslaan is niet gelukt.");
    expect(screen.queryByRole("link")).toBeNull();
    expect(screen.getByLabelText("Telefoon loket")).not.toHaveAttribute("aria-invalid");
  });
});

describe("a form the browser's own checks refuse", () => {
  function RequiredForm({ onSubmit }: { onSubmit: () => void }) {
    return (
      <ProblemArea problem={null}>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            onSubmit();
          }}
        >
          <TextField id="naam" name="naam" path="displayName" label="Naam" required />
          <TextField id="mail" name="mail" path="email" label="E-mailadres" type="email" />
          <button type="submit">Opslaan</button>
        </form>
      </ProblemArea>
    );
  }

  it("lists every failing field in Dutch, sends nothing, and clears once they pass", async () => {
    let sent = 0;
    render(<RequiredForm onSubmit={() => (sent += 1)} />);
    fireEvent.change(screen.getByLabelText("E-mailadres"), { target: { value: "geen-adres" } });
    fireEvent.click(screen.getByRole("button", { name: "Opslaan" }));

    const summary = await screen.findByRole("alert", { name: "Controleer het volgende" });
    // The browser's checks arrive as events outside React's batch: focus follows the render.
    await waitFor(() => expect(summary).toHaveFocus());
    expect(sent).toBe(0);
    expect(screen.getByRole("link", { name: "Vul ‘Naam’ in." })).toHaveAttribute("href", "#naam");
    expect(
      screen.getByRole("link", { name: /Vul bij ‘E-mailadres’ een e-mailadres in/ }),
    ).toHaveAttribute("href", "#mail");
    expect(screen.getByLabelText("Naam")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByLabelText("Naam")).toHaveAccessibleDescription("Vul ‘Naam’ in.");

    fireEvent.click(screen.getByRole("link", { name: /E-mailadres/ }));
    expect(screen.getByLabelText("E-mailadres")).toHaveFocus();

    fireEvent.change(screen.getByLabelText("Naam"), { target: { value: "J. de Boer" } });
    fireEvent.change(screen.getByLabelText("E-mailadres"), {
      target: { value: "j@voorbeeld.nl" },
    });
    fireEvent.click(screen.getByRole("button", { name: "Opslaan" }));
    expect(sent).toBe(1);
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("names a group of radio buttons once, by its legend, and links to the group", async () => {
    render(
      <ProblemArea problem={null}>
        <form onSubmit={(event) => event.preventDefault()}>
          <RadioGroup
            legend="In balans?"
            name="balans"
            path="inBalance"
            required
            labels={{ JA: "Ja", NEE: "Nee", DEELS: "Deels" }}
          />
          <button type="submit">Vastleggen</button>
        </form>
      </ProblemArea>,
    );
    fireEvent.click(screen.getByRole("button", { name: "Vastleggen" }));
    const summary = await screen.findByRole("alert");
    expect(screen.getAllByRole("listitem")).toHaveLength(1);
    const link = screen.getByRole("link", { name: "Kies bij ‘In balans?’ een antwoord." });
    expect(link).toHaveAttribute("href", "#balans-groep");
    await waitFor(() => expect(summary).toHaveFocus());
    expect(screen.getByRole("group", { name: "In balans?" })).toHaveAccessibleDescription(
      "Kies bij ‘In balans?’ een antwoord.",
    );
    fireEvent.click(link);
    expect(screen.getByLabelText("Ja")).toHaveFocus();
  });
});
