import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { tableOverview } from "../../../../features/tables/overview.ts";
import { getDb } from "../../../../prisma/db.ts";
import { loadTable } from "../load-table.ts";
import { PartiesSection } from "../parties-section.tsx";
import { TableHeader } from "../table-header.tsx";

type Props = { params: Promise<{ tableId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { tableId } = await params;
  const { table } = await loadTable(tableId, `/tables/${tableId}/parties`);
  return { title: `${(await getTranslations("tableNav"))("parties")} — ${table.title}` };
}

export default async function PartiesPage({ params }: Props) {
  const { tableId } = await params;
  const { session, table } = await loadTable(tableId, `/tables/${tableId}/parties`);
  const overview = await tableOverview(getDb(), session.accountId, table.id, new Date());
  return (
    <div className="stack">
      <TableHeader table={table} current="parties" heading={(await getTranslations("tableNav"))("parties")} />
      <PartiesSection table={table} overview={overview} />
    </div>
  );
}
