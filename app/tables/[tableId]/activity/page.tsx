import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { formatDateTime } from "../../../../features/shared/dates.ts";
import { activityMessageKey, activityOf } from "../../../../features/tables/activity.ts";
import { getDb } from "../../../../prisma/db.ts";
import { loadTable } from "../load-table.ts";

type Props = { params: Promise<{ tableId: string }> };

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
  const locale = await getLocale();
  const tf = await getTranslations("facts");
  const events = await activityOf(getDb(), session.accountId, table.id);
  const tc = await getTranslations("conditions");
  const tp = await getTranslations("problem");
  const actor = (event: (typeof events)[number]) =>
    event.spokenAs?.kind === "party"
      ? (event.spokenAs.name ?? t("aParty"))
      : event.spokenAs?.kind === "process"
        ? tc(`processOwner.${event.spokenAs.role}`)
        : (event.actor ?? (event.formerMember ? t("formerMember") : t("system")));
  const role = (value: string | null) =>
    value && ["facilitator", "chair", "secretary", "delegate", "observer", "treasurer"].includes(value) ? tr(value as "chair") : value;
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
            <li key={event.id}>
              <span>
                <strong>{t(`actions.${activityMessageKey(event.action)}`)}</strong>
                {event.detail.from && event.detail.role && ` (${role(event.detail.from)} → ${role(event.detail.role)})`}
                {!event.detail.from && event.detail.role && ` (${role(event.detail.role)})`}
                {event.detail.version && ` (${t("version", { version: event.detail.version })})`}
                {event.subject && `: ${event.subject.pseudonym ?? t("formerMember")}`}
                {event.detail.party &&
                  ` — ${
                    event.action === "commitment.breached" || event.action === "commitment.responded"
                      ? t("commitmentOf", { party: event.detail.party })
                      : event.action === "membership.vouched"
                        ? t("vouchedFor", { party: event.detail.party })
                        : t(event.detail.vouched ? "forPartyVouched" : "forParty", { party: event.detail.party })
                  }`}
                {event.detail.contact !== null && ` (${t(event.detail.contact ? "contactOn" : "contactOff")})`}
                {event.detail.note && <span className="hint"> — {t("note", { note: event.detail.note })}</span>}
                {event.detail.fact && ` — ${event.detail.fact.code} ${event.detail.fact.title}`}
                {event.detail.fromStatus &&
                  event.detail.toStatus &&
                  ` (${tf(`statuses.${event.detail.fromStatus as "proposed"}`)} → ${tf(`statuses.${event.detail.toStatus as "proposed"}`)})`}
                {event.detail.stance && `: ${tf(`stances.${event.detail.stance as "accepts"}`)}`}
                {event.detail.linkType && `: ${tf(`linkTypes.${event.detail.linkType as "contradicts"}`)}`}
                {event.detail.target && ` ${event.detail.target.code}`}
                {event.detail.answer && `: ${tp(`answers.${event.detail.answer as "support"}`)}`}
                {event.detail.passed !== null && `: ${tp(event.detail.passed ? "result.passed" : "result.failed")}`}
                {event.detail.sexWorkerObjection && ` — ${tp("result.sexWorkerObjectionShort")}`}
                {event.detail.atDeadline && ` (${tp("closedAtDeadline")})`}
                {event.detail.count !== null && ` (${t("records", { count: event.detail.count })})`}
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
