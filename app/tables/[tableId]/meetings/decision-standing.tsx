// A decision's standing against the mandate, worded the same in the console and on the meeting
// page: within scope with the domain's power, or advisory only with the reason.
import { useTranslations } from "next-intl";
import type { DecisionView } from "../../../../features/meetings/decision-view.ts";

export function DecisionStanding({ decision }: { decision: DecisionView }) {
  const t = useTranslations("console");
  const tm = useTranslations("mandate");
  return (
    <>
      {decision.text} — {tm(`domainNames.${decision.domain}` as never)}:{" "}
      <strong>
        {decision.scope === "within_scope"
          ? t("withinScope", { power: tm(`powers.${decision.decisionPower}` as never) })
          : `${t("advisoryOnly")} (${t(`advisoryReasons.${decision.advisoryReason}` as never)})`}
      </strong>
    </>
  );
}
