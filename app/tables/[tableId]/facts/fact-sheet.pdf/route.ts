import { getTranslations } from "next-intl/server";
import { factSheetPdf } from "../../../../../features/facts/export.ts";
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
    const pdf = await factSheetPdf(register.rows, register.countedParties, labels);
    return new Response(new Uint8Array(pdf), {
      headers: {
        "content-type": "application/pdf",
        "content-disposition": `attachment; filename="${t("sheet.filename")}.pdf"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    if (isAppError(error)) return new Response("Not found", { status: 404 });
    throw error;
  }
}
