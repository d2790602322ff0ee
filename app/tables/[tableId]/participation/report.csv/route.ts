import { getTranslations } from "next-intl/server";
import { reportCsv } from "../../../../../features/participation/report.ts";
import { isAppError } from "../../../../../features/shared/app-error.ts";
import { getDb } from "../../../../../prisma/db.ts";
import { currentSession } from "../../../../_server/session.ts";
import { reportInput } from "../labels.ts";

export async function GET(_request: Request, { params }: { params: Promise<{ tableId: string }> }) {
  const { tableId } = await params;
  const session = await currentSession();
  if (!session) return new Response("Not signed in", { status: 401 });
  try {
    const { matrix, labels, title, conditions } = await reportInput(getDb(), session.accountId, tableId);
    return new Response(`\uFEFF${reportCsv(matrix, labels, title, conditions)}`, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${(await getTranslations("participation"))("reportFilename")}.csv"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    if (isAppError(error)) return new Response("Not found", { status: 404 });
    throw error;
  }
}
