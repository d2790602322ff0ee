import { getTranslations } from "next-intl/server";
import { funderCsv } from "../../../../../features/compensation/exports.ts";
import { isAppError } from "../../../../../features/shared/app-error.ts";
import { getDb } from "../../../../../prisma/db.ts";
import { currentSession } from "../../../../_server/session.ts";

export async function GET(_request: Request, { params }: { params: Promise<{ tableId: string }> }) {
  const { tableId } = await params;
  const session = await currentSession();
  if (!session) return new Response("Not signed in", { status: 401 });
  try {
    return new Response(`\uFEFF${await funderCsv(getDb(), session.accountId, tableId)}`, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${(await getTranslations("compensation"))("funderFilename")}.csv"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    if (isAppError(error)) return new Response("Not found", { status: 404 });
    throw error;
  }
}
