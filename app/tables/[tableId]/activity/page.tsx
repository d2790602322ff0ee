import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { formatDateTime } from "../../../../features/shared/dates.ts";
import { type ACTIVITY_MESSAGE_VALUES, type ActivityEntry, activityOf } from "../../../../features/tables/activity.ts";
import { getDb } from "../../../../prisma/db.ts";
import { loadTable } from "../load-table.ts";

type Props = { params: Promise<{ tableId: string }> };

type MessageValues = Record<(typeof ACTIVITY_MESSAGE_VALUES)[number], string | number>;

const ROLES = ["facilitator", "chair", "secretary", "delegate", "observer", "treasurer"];

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { tableId } = await params;
  const { table } = await loadTable(tableId, `/tables/${tableId}/activity`);
  return { title: (await getTranslations("activity"))("title", { table: table.title }) };
}

export default async function ActivityPage({ params }: Props) {
  const { tableId } = await params;
  const { session, table } = await loadTable(tableId, `/tables/${tableId}/activity`);
  const t = await getTranslations("activity");
  const tt = await getTranslations("table");
  const tr = await getTranslations("roles");
  const ts = await getTranslations("statuses");
  const tf = await getTranslations("facts");
  const tc = await getTranslations("conditions");
  const tp = await getTranslations("participation");
  const tph = await getTranslations("phases");
  const tk = await getTranslations("commitments");
  const tpr = await getTranslations("problem");
  const locale = await getLocale();
  const events = await activityOf(getDb(), session.accountId, table.id);
  const actor = (event: ActivityEntry) =>
    event.spokenAs?.kind === "party"
      ? (event.spokenAs.name ?? t("aParty"))
      : event.spokenAs?.kind === "anonymous"
        ? t("someoneOf", { party: event.spokenAs.name ?? t("aParty") })
        : event.spokenAs?.kind === "process"
          ? tc(`processOwner.${event.spokenAs.role}`)
          : (event.actor ?? (event.formerMember ? t("formerMember") : t("system")));
  // Mid-sentence, so in lower case: "joined as delegate".
  const role = (value: string | null) => (value && ROLES.includes(value) ? tr(value as "chair").toLocaleLowerCase(locale) : (value ?? ""));
  // Keys from older events may no longer exist; they show as they are rather than break the page.
  const known = (has: boolean, label: () => string, raw: string) => (has ? label() : raw);
  const status = (event: ActivityEntry, value: string | null) => {
    if (!value) return "";
    if (event.action.startsWith("fact"))
      return known(tf.has(`statuses.${value}`), () => tf(`statuses.${value}` as "statuses.proposed"), value);
    return known(ts.has(value), () => ts(value as "active"), value);
  };
  // Every message gets every value, so none can ask for one it is not given.
  const values = ({ detail, subject }: ActivityEntry): MessageValues => {
    const phase = detail.phase
      ? detail.phase.name || (detail.phase.kind ? tph(`kinds.${detail.phase.kind}` as "kinds.agenda_setting") : "")
      : "";
    return {
      party: detail.party ?? t("aParty"),
      hasParty: detail.party ? "yes" : "no",
      vouched: detail.vouched ? "yes" : "no",
      phase: phase || t("unknownRecord"),
      member: subject?.pseudonym ?? t("formerMember"),
      role: role(detail.role),
      fromRole: role(detail.from),
      fromStatus: "",
      toStatus: "",
      version: detail.version ?? 0,
      position: detail.position ?? 0,
      kind: detail.kind ? known(tk.has(`kinds.${detail.kind}`), () => tk(`kinds.${detail.kind}` as "kinds.other"), detail.kind) : "",
      form: detail.form ? known(tp.has(`forms.${detail.form}`), () => tp(`forms.${detail.form}` as "forms.consultation"), detail.form) : "",
      item: detail.item
        ? `${detail.item} (${known(tc.has(`items.${detail.item}`), () => tc(`items.${detail.item}` as "items.INF-1"), "")})`
        : "",
      answer: detail.answer
        ? known(tc.has(`answers.${detail.answer}`), () => tc(`answers.${detail.answer}` as "answers.met"), detail.answer)
        : "",
      scope: detail.scope ?? "table",
      title: detail.title ?? t("unknownRecord"),
      fact: detail.fact ? `${detail.fact.code} ${detail.fact.title}` : t("unknownRecord"),
      target: detail.target ? `${detail.target.code} ${detail.target.title}` : t("unknownRecord"),
      stance: detail.stance
        ? known(tf.has(`stances.${detail.stance}`), () => tf(`stances.${detail.stance}` as "stances.accepts"), detail.stance)
        : "",
      linkType: detail.linkType
        ? known(
            tf.has(`linkTypes.${detail.linkType}`),
            () => tf(`linkTypes.${detail.linkType}` as "linkTypes.contradicts"),
            detail.linkType,
          )
        : "",
      revision: detail.revision ?? 0,
      count: detail.count ?? 0,
      links: detail.links ?? 0,
      fields:
        detail.fields.length === 0
          ? t("fields.none")
          : detail.fields.map((field) => known(t.has(`fields.${field}`), () => t(`fields.${field}` as "fields.title"), field)).join(", "),
    };
  };
  return (
    <div className="stack">
      <p>
        <Link href={`/tables/${table.id}`}>← {tt("back")}</Link>
      </p>
      <h1>{t("title", { table: table.title })}</h1>
      {events.length === 0 ? (
        <p className="hint">{t("none")}</p>
      ) : (
        <ol className="plain-list" data-testid="activity-log">
          {events.map((event) => (
            <li key={event.id} data-action={event.action}>
              <span>
                <strong data-testid="activity-message">
                  {t(`actions.${event.messageKey}` as "actions.other", {
                    ...values(event),
                    fromStatus: status(event, event.detail.fromStatus),
                    toStatus: status(event, event.detail.toStatus),
                  })}
                </strong>
                {event.detail.contact !== null && ` (${t(event.detail.contact ? "contactOn" : "contactOff")})`}
                {event.detail.roundAnswer && `: ${tpr(`answers.${event.detail.roundAnswer as "support"}`)}`}
                {event.detail.passed !== null && `: ${tpr(event.detail.passed ? "result.passed" : "result.failed")}`}
                {event.detail.sexWorkerObjection && ` — ${tpr("result.sexWorkerObjectionShort")}`}
                {event.detail.atDeadline && ` (${tpr("closedAtDeadline")})`}
                {event.detail.note && <span className="hint"> — {t("note", { note: event.detail.note })}</span>}
                {event.detail.reason && <span className="hint"> — {t("reason", { reason: event.detail.reason })}</span>}
                <br />
                <span className="hint">
                  <span data-testid="activity-actor">{actor(event)}</span> ·{" "}
                  <time dateTime={event.at.toISOString()}>{formatDateTime(event.at, locale)}</time>
                </span>
              </span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
