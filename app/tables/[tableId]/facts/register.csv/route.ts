import { getTranslations } from "next-intl/server";
import { registerCsv } from "../../../../../features/facts/export.ts";
import { factRegister } from "../../../../../features/facts/queries.ts";
import { isAppError } from "../../../../../features/shared/app-error.ts";
import { getDb } from "../../../../../prisma/db.ts";
import { currentSession } from "../../../../_server/session.ts";
import { exportLabels } from "../labels.ts";

export async function GET(_request: Request, { params }: { params: Promise<{ tableId: string }> }) {
  const { tableId } = await params;
  const session = await currentSession();
  if (!session) return new Response("Not signed in", { status: 401 });
  try {
    const register = await factRegister(getDb(), session.accountId, tableId);
    const table = await getDb().table.findUniqueOrThrow({ where: { id: tableId }, select: { title: true } });
    const labels = await exportLabels(register.language, table.title, register.decisionRule, new Date());
    const t = await getTranslations({ locale: labels.locale, namespace: "facts" });
    const csv = registerCsv(register.rows, register.countedParties, labels);
    return new Response(`\uFEFF${csv}`, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${t("filename")}.csv"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    if (isAppError(error)) return new Response("Not found", { status: 404 });
    throw error;
  }
}
