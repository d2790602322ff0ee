import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { tableOverview } from "../../../../features/tables/overview.ts";
import { getDb } from "../../../../prisma/db.ts";
import { CommitmentsSection } from "../commitments-section.tsx";
import { loadTable } from "../load-table.ts";
import { TableHeader } from "../table-header.tsx";

type Props = { params: Promise<{ tableId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { tableId } = await params;
  const { table } = await loadTable(tableId, `/tables/${tableId}/commitments`);
  return { title: `${(await getTranslations("tableNav"))("commitments")} — ${table.title}` };
}

export default async function CommitmentsPage({ params }: Props) {
  const { tableId } = await params;
  const { session, table } = await loadTable(tableId, `/tables/${tableId}/commitments`);
  const overview = await tableOverview(getDb(), session.accountId, table.id, new Date());
  return (
    <div className="stack">
      <TableHeader table={table} current="commitments" heading={(await getTranslations("tableNav"))("commitments")} />
      <CommitmentsSection table={table} overview={overview} />
    </div>
  );
}
