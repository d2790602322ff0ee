import "server-only";
import { getTranslations } from "next-intl/server";
import type { ReportLabels } from "../../../../features/participation/report.ts";

/** Translated labels for the participation views and reports, in the reader's language. */
export async function participationLabels(): Promise<ReportLabels> {
  const t = await getTranslations("participation");
  const tp = await getTranslations("phases");
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
  };
}
