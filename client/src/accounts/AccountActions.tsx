// An account on the accounts page: the work it still holds, and what a beheerder can do with it.
import { type FormEvent, useState } from "react";
import type { AccountFieldsFragment, Role } from "../gql/graphql";
import { CheckboxGroup } from "../shared/fields";
import { formatList } from "../shared/format";

export function OpenWork({ account }: { account: AccountFieldsFragment }) {
  const parts = [
    account.regieCases ? `regie op ${account.regieCases} casus(sen)` : null,
    account.openAgreements ? `${account.openAgreements} open afspra(a)k(en)` : null,
    account.nazorgPlans ? `${account.nazorgPlans} nazorgplan(nen)` : null,
  ].filter((part): part is string => part !== null);
  if (parts.length === 0) return null;
  return account.status === "UITGESCHAKELD" ? (
    <div className="utrecht-alert utrecht-alert--warning">
      <p className="utrecht-paragraph">
        Nog over te dragen: {formatList(parts)}. Zolang dat niet is gebeurd, staat de regie op de
        lijst van de regiobeheerder.
      </p>
    </div>
  ) : (
    <p className="utrecht-paragraph">Heeft {formatList(parts)}.</p>
  );
}

export function AccountActions(props: {
  account: AccountFieldsFragment;
  isSelf: boolean;
  roleLabels: Record<string, string>;
  onResend(): void;
  onRevoke(): void;
  onRoles(roles: Role[]): void;
  onDisable(): void;
  onEnable(): void;
  onResetSecondFactor(): void;
}) {
  const { account } = props;
  if (account.status === "UITGENODIGD") {
    return (
      <div className="kk-actions">
        <button
          type="button"
          className="utrecht-button utrecht-button--secondary-action"
          onClick={props.onResend}
        >
          Uitnodiging opnieuw versturen
        </button>
        <button
          type="button"
          className="utrecht-button utrecht-button--subtle"
          onClick={props.onRevoke}
        >
          Uitnodiging intrekken
        </button>
      </div>
    );
  }
  if (account.status === "UITGESCHAKELD") {
    return (
      <div className="kk-actions">
        <button
          type="button"
          className="utrecht-button utrecht-button--secondary-action"
          onClick={props.onEnable}
        >
          Weer inschakelen
        </button>
      </div>
    );
  }
  const onRoles = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    props.onRoles(new FormData(event.currentTarget).getAll("rol").map(String) as Role[]);
  };
  return (
    <div className="kk-stack">
      <details>
        <summary>Rollen wijzigen</summary>
        <form onSubmit={onRoles} className="kk-stack">
          <CheckboxGroup
            legend={`Rollen van ${account.name}`}
            name="rol"
            labels={props.roleLabels}
            selected={account.roles}
          />
          <div>
            <button type="submit" className="utrecht-button utrecht-button--secondary-action">
              Rollen opslaan
            </button>
          </div>
        </form>
      </details>
      {account.secondFactor ? (
        <ConfirmedAction
          label="Tweestapsverificatie wissen (telefoon kwijt)"
          warning={`${account.name} wordt overal uitgelogd, logt daarna in met alleen het wachtwoord en stelt de app opnieuw in. Doe dit alleen als u zeker weet dat het ${account.name} is die erom vraagt.`}
          confirmLabel="Ja, wissen"
          onConfirm={props.onResetSecondFactor}
        />
      ) : null}
      <ConfirmedAction
        label="Uitschakelen (vertrekt)"
        warning={`${props.isSelf ? "U schakelt uw eigen account uit. " : ""}${account.name} wordt meteen overal uitgelogd en kan niet meer inloggen. Open werk blijft staan om over te dragen.`}
        confirmLabel="Ja, uitschakelen"
        onConfirm={props.onDisable}
      />
    </div>
  );
}

/** An action that cannot be undone at once: asked again, with what it does, before it is done. */
function ConfirmedAction(props: {
  label: string;
  warning: string;
  confirmLabel: string;
  onConfirm(): void;
}) {
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <div className="kk-actions">
        <button
          type="button"
          className="utrecht-button utrecht-button--secondary-action"
          onClick={() => setConfirming(true)}
        >
          {props.label}
        </button>
      </div>
    );
  }
  return (
    <div className="utrecht-alert utrecht-alert--warning kk-stack" role="alert">
      <p className="utrecht-paragraph">{props.warning}</p>
      <div className="kk-actions">
        <button
          type="button"
          className="utrecht-button utrecht-button--primary-action"
          onClick={props.onConfirm}
        >
          {props.confirmLabel}
        </button>
        <button
          type="button"
          className="utrecht-button utrecht-button--subtle"
          onClick={() => setConfirming(false)}
        >
          Annuleren
        </button>
      </div>
    </div>
  );
}
