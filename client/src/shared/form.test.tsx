import { CombinedGraphQLErrors } from "@apollo/client";
import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { CheckboxGroup } from "./CheckboxGroup";
import { type FormProblem, ProblemArea, TextField, problemOf } from "./form";

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
  it("marks the one field the server named, shows the message beside it and focuses it", () => {
    const problem = problemOf(
      serverError("Het telefoonnummer ('phone') mag hoogstens 30 tekens lang zijn.", {
        code: "BAD_USER_INPUT",
        field: "phone",
        fieldPath: "coordinator.phone",
      }),
      "Opslaan is niet gelukt.",
    );
    render(<ContactForm problem={problem} />);
    expect(screen.getByRole("alert")).toHaveTextContent("hoogstens 30 tekens");
    const coordinatorPhone = screen.getByLabelText("Telefoon coördinator");
    expect(coordinatorPhone).toHaveAttribute("aria-invalid", "true");
    expect(coordinatorPhone).toHaveAccessibleDescription(
      "Het telefoonnummer ('phone') mag hoogstens 30 tekens lang zijn.",
    );
    expect(coordinatorPhone).toHaveFocus();
    expect(screen.getByLabelText("Telefoon loket")).not.toHaveAttribute("aria-invalid");
  });

  it("falls back to the field name for errors the services raise", () => {
    render(
      <ContactForm
        problem={problemOf(
          serverError("Kies minstens één gemeente ('gemeenten').", {
            code: "BAD_USER_INPUT",
            field: "gemeenten",
          }),
          "Opslaan is niet gelukt.",
        )}
      />,
    );
    expect(screen.getByRole("group", { name: "Gemeenten" })).toHaveAccessibleDescription(
      "Kies minstens één gemeente ('gemeenten').",
    );
  });

  it("shows a general message when the failure names no field", () => {
    render(<ContactForm problem={problemOf(new Error("netwerk"), "Opslaan is niet gelukt.")} />);
    expect(screen.getByRole("alert")).toHaveTextContent("Opslaan is niet gelukt.");
    expect(screen.getByLabelText("Telefoon loket")).not.toHaveAttribute("aria-invalid");
  });
});
