import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { chairDeclarations } from "../../../../features/tables/chair.ts";
import { getDb } from "../../../../prisma/db.ts";
import { ChairSection } from "../chair-section.tsx";
import { loadTable } from "../load-table.ts";
import { TableHeader } from "../table-header.tsx";

type Props = { params: Promise<{ tableId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { tableId } = await params;
  const { table } = await loadTable(tableId, `/tables/${tableId}/chair`);
  return { title: `${(await getTranslations("tableNav"))("chair")} — ${table.title}` };
}

export default async function ChairPage({ params }: Props) {
  const { tableId } = await params;
  const { table } = await loadTable(tableId, `/tables/${tableId}/chair`);
  const chairs = await chairDeclarations(getDb(), table.id);
  return (
    <div className="stack">
      <TableHeader table={table} current="chair" heading={(await getTranslations("tableNav"))("chair")} />
      <ChairSection table={table} chairs={chairs} />
    </div>
  );
}
