import { getTranslations } from "next-intl/server";
import type { tableForMember } from "../../../features/tables/queries.ts";
import { TableNav, type TablePage } from "./table-nav.tsx";

type Table = Awaited<ReturnType<typeof tableForMember>>;

/** The table's title, the viewer's role and the table's pages, above every sub-page. */
export async function TableHeader({ table, current, heading }: { table: Table; current: TablePage; heading?: string }) {
  const t = await getTranslations("table");
  const tr = await getTranslations("roles");
  return (
    <header className="stack">
      {heading ? (
        <>
          <p className="hint" style={{ margin: 0 }}>
            {table.title}
          </p>
          <h1 style={{ marginTop: 0 }}>{heading}</h1>
        </>
      ) : (
        <h1>{table.title}</h1>
      )}
      <p style={{ margin: 0 }}>
        <span className="badge">{t("yourRole", { role: tr(table.myRole) })}</span>
      </p>
      <TableNav tableId={table.id} title={table.title} current={current} />
    </header>
  );
}
