// The selects that forms across the tables pages share: a party, a phase, a form of participation.
// Plain components without state, so server and client components both use them.

type Choice = { value: string; label: string };

type SelectProps = {
  id: string;
  name: string;
  label: string;
  choices: Choice[];
  defaultValue?: string;
  /** The label of an empty first choice ("no party", "any party"), when there is one. */
  empty?: string;
  /** Only the label and the select, for a form that lays them out itself (with its label hidden). */
  bare?: boolean;
};

function LabelledSelect({ id, name, label, choices, defaultValue, empty, bare }: SelectProps) {
  const select = (
    <select id={id} name={name} defaultValue={defaultValue ?? (empty === undefined ? undefined : "")}>
      {empty !== undefined && <option value="">{empty}</option>}
      {choices.map((choice) => (
        <option key={choice.value} value={choice.value}>
          {choice.label}
        </option>
      ))}
    </select>
  );
  if (bare) {
    return (
      <>
        <label htmlFor={id} className="visually-hidden">
          {label}
        </label>
        {select}
      </>
    );
  }
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {select}
    </div>
  );
}

type Common = Omit<SelectProps, "choices" | "name"> & { name?: string };

/** One of the table's parties, by id. */
export function PartySelect({ parties, name = "partyId", ...props }: Common & { parties: { id: string; name: string }[] }) {
  return <LabelledSelect {...props} name={name} choices={parties.map((party) => ({ value: party.id, label: party.name }))} />;
}

/** One of the table's phases, by id, each with its name in the reader's language. */
export function PhaseSelect({ phases, name = "phaseId", ...props }: Common & { phases: { id: string; label: string }[] }) {
  return <LabelledSelect {...props} name={name} choices={phases.map((phase) => ({ value: phase.id, label: phase.label }))} />;
}

/** A form of participation, with its translated name. */
export function FormSelect<F extends string>({
  forms,
  formLabel,
  name = "form",
  ...props
}: Common & { forms: readonly F[]; formLabel: (form: F) => string }) {
  return <LabelledSelect {...props} name={name} choices={forms.map((form) => ({ value: form, label: formLabel(form) }))} />;
}
