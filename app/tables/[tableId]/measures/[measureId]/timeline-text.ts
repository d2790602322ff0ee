// One sentence per timeline event, for the page and the PDF alike, in the language of the
// translator given.
import type { TimelineEvent } from "../../../../../features/measures/timeline.ts";
import { formatDay } from "../../../../../features/shared/dates.ts";

type Translate = (key: string, values?: Record<string, string | number>) => string;

export function timelineText(event: TimelineEvent, t: Translate, tm: Translate, locale: string): string {
  switch (event.kind) {
    case "created":
      return t("timeline.created");
    case "version":
      return t("timeline.version", { number: event.number });
    case "check_opened":
      return t("timeline.checkOpened", { version: event.version });
    case "check_answered":
      return t(event.declined ? "timeline.checkDeclined" : "timeline.checkAnswered", { party: event.party });
    case "mitigation":
      return `${t("timeline.mitigation", { dimension: t(`dimensions.${event.dimension}`), kind: t(`mitigationKinds.${event.mitigationKind}`) })}: ${event.text}${event.removedAt ? ` (${t("timeline.removed")})` : ""}`;
    case "round_closed":
      return t("timeline.roundClosed", { version: event.version, passed: String(event.passed) });
    case "status":
      return `${t("timeline.status", { from: t(`statuses.${event.from}`), to: t(`statuses.${event.to}`) })}${event.override ? ` — ${t("timeline.override")}` : ""}${event.reason ? `: ${event.reason}` : ""}`;
    case "adopted":
      return `${t("timeline.adopted", { body: tm(`bodies.${event.body}`), reference: event.reference, date: formatDay(event.decidedOn, locale), version: event.version })}${event.effectiveOn ? ` ${t("effectiveShown", { date: formatDay(event.effectiveOn, locale) })}` : ""}`;
    case "review_opened":
      return t("timeline.reviewOpened", { date: formatDay(event.scheduledFor, locale) });
    case "review_assessed":
      return t("timeline.reviewAssessed", { party: event.party, verdict: t(`verdicts.${event.verdict}`) });
    case "review_decided":
      return `${t(`outcomeHeadline.${event.outcome}`)} ${event.note}`;
  }
}
