import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { FilterGroup } from "./FilterGroup";

describe("a filter group", () => {
  const options = [
    { value: "TELEFOON", label: "Telefoon", count: 12 },
    { value: "WHATSAPP", label: "WhatsApp", count: 3 },
    { value: "INLOOP", label: "Inloop", count: 0 },
  ];

  it("shows every value with its count, under a legend", () => {
    render(
      <FilterGroup legend="Kanaal" options={options} selected={["WHATSAPP"]} onToggle={() => {}} />,
    );
    expect(screen.getByRole("group", { name: "Kanaal" })).toBeInTheDocument();
    expect(screen.getByRole("checkbox", { name: "Telefoon (12)" })).not.toBeChecked();
    expect(screen.getByRole("checkbox", { name: "WhatsApp (3)" })).toBeChecked();
    // A value that would give no results cannot be chosen.
    expect(screen.getByRole("checkbox", { name: "Inloop (0)" })).toBeDisabled();
  });

  it("reports which value was switched", async () => {
    const onToggle = vi.fn();
    render(<FilterGroup legend="Kanaal" options={options} selected={[]} onToggle={onToggle} />);
    await userEvent.click(screen.getByRole("checkbox", { name: "Telefoon (12)" }));
    expect(onToggle).toHaveBeenCalledWith("TELEFOON");
  });
});
