import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { tableOverview } from "../../../../features/tables/overview.ts";
import { getDb } from "../../../../prisma/db.ts";
import { loadTable } from "../load-table.ts";
import { PhasesSection } from "../phases-section.tsx";
import { TableHeader } from "../table-header.tsx";

type Props = { params: Promise<{ tableId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { tableId } = await params;
  const { table } = await loadTable(tableId, `/tables/${tableId}/phases`);
  return { title: `${(await getTranslations("tableNav"))("phases")} — ${table.title}` };
}

export default async function PhasesPage({ params }: Props) {
  const { tableId } = await params;
  const { session, table } = await loadTable(tableId, `/tables/${tableId}/phases`);
  const overview = await tableOverview(getDb(), session.accountId, table.id, new Date());
  return (
    <div className="stack">
      <TableHeader table={table} current="phases" heading={(await getTranslations("tableNav"))("phases")} />
      <PhasesSection table={table} overview={overview} />
    </div>
  );
}
