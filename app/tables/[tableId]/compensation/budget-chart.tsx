// A bar per category against the budget, drawn with CSS widths; the numbers are in the text of
// each bar and in the table beside it, so the chart adds nothing a screen reader misses.
export function BudgetChart({
  label,
  budgetCents,
  rows,
}: {
  label: string;
  budgetCents: number;
  rows: { key: string; label: string; cents: number; shown: string }[];
}) {
  const scale = Math.max(budgetCents, ...rows.map((r) => r.cents), 1);
  return (
    <figure aria-label={label} style={{ margin: 0 }}>
      <ul className="plain-list" style={{ display: "grid", gap: "0.25rem" }}>
        {rows.map((row) => (
          <li key={row.key} style={{ display: "grid", gridTemplateColumns: "8rem 1fr", alignItems: "center", gap: "0.5rem" }}>
            <span>{row.label}</span>
            <span style={{ display: "block", background: "#e6e6e6", borderRadius: 2 }}>
              <span
                style={{
                  display: "block",
                  width: `${Math.max(0, Math.min(100, (row.cents / scale) * 100))}%`,
                  minWidth: "fit-content",
                  background: "#1d4f91",
                  color: "#fff",
                  padding: "0 0.25rem",
                  borderRadius: 2,
                }}
              >
                {row.shown}
              </span>
            </span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
