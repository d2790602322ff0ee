import "server-only";
import { getTranslations } from "next-intl/server";
import { conditionsOverview } from "../../../../features/participation/conditions.ts";
import type { ConditionRows, ReportLabels } from "../../../../features/participation/report.ts";
import type { Db } from "../../../../prisma/db.ts";

/** Translated labels for the participation views and reports, in the reader's language. */
export async function participationLabels(): Promise<ReportLabels> {
  const t = await getTranslations("participation");
  const tp = await getTranslations("phases");
  const tc = await getTranslations("conditions");
  return {
    title: t("reportTitle"),
    columns: [
      t("columns.party"),
      t("columns.phase"),
      t("columns.intended"),
      t("columns.perceived"),
      t("columns.assessedOn"),
      t("columns.gap"),
      t("columns.explanation"),
    ],
    form: (form) => t(`forms.${form}`),
    phase: (phase) => phase.name || (phase.kind ? tp(`kinds.${phase.kind}` as "kinds.agenda_setting") : ""),
    gap: (severity) => (severity === "serious" ? t("gapSerious") : severity === "differs" ? t("gapDiffers") : ""),
    notSet: t("notSet"),
    condition: (item) => `${item} ${tc(`items.${item}` as "items.INF-1")}`,
    answer: (answer) => tc(`answers.${answer}`),
    wholeTable: tc("wholeTable"),
  };
}

/** Every party's latest condition answers, for the whole table and for each phase. */
export async function allConditionRows(db: Db, accountId: string, tableId: string, phaseIds: string[]): Promise<ConditionRows> {
  const scopes: ConditionRows = [];
  for (const phaseId of [null, ...phaseIds]) {
    const rows = (await conditionsOverview(db, accountId, tableId, phaseId)).filter((row) => row.answers.length > 0);
    if (rows.length > 0) scopes.push({ phaseId, rows });
  }
  return scopes;
}
