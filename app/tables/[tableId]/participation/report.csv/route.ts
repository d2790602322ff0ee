import { participationMatrix } from "../../../../../features/participation/queries.ts";
import { reportCsv } from "../../../../../features/participation/report.ts";
import { isAppError } from "../../../../../features/shared/app-error.ts";
import { getDb } from "../../../../../prisma/db.ts";
import { currentSession } from "../../../../_server/session.ts";
import { allConditionRows, participationLabels } from "../labels.ts";

export async function GET(_request: Request, { params }: { params: Promise<{ tableId: string }> }) {
  const { tableId } = await params;
  const session = await currentSession();
  if (!session) return new Response("Not signed in", { status: 401 });
  try {
    const matrix = await participationMatrix(getDb(), session.accountId, tableId);
    const csv = reportCsv(
      matrix,
      await participationLabels(),
      await allConditionRows(
        getDb(),
        session.accountId,
        tableId,
        matrix.phases.map((p) => p.id),
      ),
    );
    return new Response(`\uFEFF${csv}`, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": 'attachment; filename="participatie.csv"',
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    if (isAppError(error)) return new Response("Not found", { status: 404 });
    throw error;
  }
}
