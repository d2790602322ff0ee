import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { AGENDA_PURPOSES } from "../../../../../features/meetings/model.ts";
import { meetingDetail } from "../../../../../features/meetings/queries.ts";
import { isAppError } from "../../../../../features/shared/app-error.ts";
import { formatDateTime, formatTime } from "../../../../../features/shared/dates.ts";
import { getDb } from "../../../../../prisma/db.ts";
import {
  addAgendaItemAction,
  moveAgendaItemAction,
  removeAgendaItemAction,
  replyAction,
  updateMeetingAction,
} from "../../../../_actions/meetings.ts";
import { ActionForm } from "../../../../_components/action-form.tsx";
import { loadTable } from "../../load-table.ts";
import { TableHeader } from "../../table-header.tsx";
import { DecisionStanding } from "../decision-standing.tsx";
import { MeetingFields } from "../meeting-fields.tsx";
import { OwnTime } from "../own-time.tsx";
import { MinutesLink } from "./minutes/minutes-link.tsx";

type Props = { params: Promise<{ tableId: string; meetingId: string }> };

async function load(tableId: string, meetingId: string) {
  const { session, table } = await loadTable(tableId, `/tables/${tableId}/meetings/${meetingId}`);
  try {
    return { table, meeting: await meetingDetail(getDb(), session.accountId, table.id, meetingId) };
  } catch (error) {
    if (isAppError(error)) notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { tableId, meetingId } = await params;
  const { table, meeting } = await load(tableId, meetingId);
  return { title: `${meeting.title} — ${table.title}` };
}

export default async function MeetingPage({ params }: Props) {
  const { tableId, meetingId } = await params;
  const { table, meeting } = await load(tableId, meetingId);
  const t = await getTranslations("meetings");
  const tc = await getTranslations("console");
  const locale = await getLocale();
  const hidden = (
    <>
      <input type="hidden" name="tableId" value={table.id} />
      <input type="hidden" name="meetingId" value={meeting.id} />
    </>
  );
  return (
    <div className="stack">
      <TableHeader table={table} current="meetings" heading={meeting.title} />
      <p>
        <Link href={`/tables/${table.id}/meetings`}>← {t("back")}</Link>
      </p>
      {meeting.cancelled && <p className="alert alert-info">{t("cancelled")}</p>}
      {!meeting.cancelled && (
        <p>
          <Link href={`/tables/${table.id}/meetings/${meeting.id}/console`} data-testid="console-link">
            {tc("open")}
          </Link>{" "}
          <span className="hint">{tc("openLead")}</span>
        </p>
      )}
      <dl className="facts" data-testid="meeting-details">
        <dt>{t("when")}</dt>
        <dd>
          {formatDateTime(meeting.startsAt, locale)}–{formatTime(meeting.endsAt, locale)}{" "}
          <span className="hint">({t("amsterdamTime")})</span>
          <OwnTime at={meeting.startsAt.toISOString()} locale={locale} />
        </dd>
        <dt>{t("fields.address")}</dt>
        <dd data-testid="meeting-address">
          {meeting.address !== null ? (
            meeting.address || "—"
          ) : meeting.hasAddress ? (
            <span className="hint">{t("addressAfterReply")}</span>
          ) : (
            "—"
          )}
        </dd>
        {meeting.onlineLink && (
          <>
            <dt>{t("fields.onlineLink")}</dt>
            <dd>
              <a href={meeting.onlineLink} rel="noreferrer noopener">
                {meeting.onlineLink}
              </a>
            </dd>
          </>
        )}
        <dt>{t("fields.languages")}</dt>
        <dd>{meeting.languages.join(", ") || "—"}</dd>
        {meeting.interpretation && (
          <>
            <dt>{t("fields.interpretation")}</dt>
            <dd>{meeting.interpretation}</dd>
          </>
        )}
        {meeting.accessibilityNotes && (
          <>
            <dt>{t("fields.accessibilityNotes")}</dt>
            <dd>{meeting.accessibilityNotes}</dd>
          </>
        )}
        {meeting.safetyNotes && (
          <>
            <dt>{t("fields.safetyNotes")}</dt>
            <dd>{meeting.safetyNotes}</dd>
          </>
        )}
        <dt>{t("fields.compensation")}</dt>
        <dd>
          {[meeting.compensatesTravel && t("fields.compensatesTravel"), meeting.compensatesMeals && t("fields.compensatesMeals")]
            .filter(Boolean)
            .join(", ") || t("noCompensation")}
        </dd>
        <dt>{t("replies")}</dt>
        <dd data-testid="reply-counts">
          {t("replyCounts", { attending: meeting.attendingCount, notAttending: meeting.notAttendingCount })}
        </dd>
      </dl>

      {meeting.may["meetings.reply"] && (
        <section aria-labelledby="reply-heading" className="card">
          <h2 id="reply-heading" style={{ marginTop: 0 }}>
            {t("yourReply")}
          </h2>
          <p data-testid="my-reply">
            {meeting.myReply === null ? t("noReplyYet") : meeting.myReply ? t("youAttend") : t("youDoNotAttend")}
          </p>
          <div className="row">
            <ActionForm action={replyAction} submitLabel={t("attend")}>
              {hidden}
              <input type="hidden" name="attending" value="yes" />
            </ActionForm>
            <ActionForm action={replyAction} submitLabel={t("notAttend")} secondary>
              {hidden}
              <input type="hidden" name="attending" value="no" />
            </ActionForm>
          </div>
        </section>
      )}

      <section aria-labelledby="decisions-heading">
        <h2 id="decisions-heading">{tc("decisions")}</h2>
        {meeting.decisions.length === 0 ? (
          <p>{tc("noDecisions")}</p>
        ) : (
          <ul data-testid="meeting-decisions">
            {meeting.decisions.map((d) => (
              <li key={d.id}>
                <DecisionStanding decision={d} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="agenda-heading">
        <h2 id="agenda-heading">
          {t("agenda")} <span className="badge">{t("totalMinutes", { minutes: meeting.totalMinutes })}</span>
        </h2>
        {meeting.agenda.length === 0 ? (
          <p className="hint">{t("noAgenda")}</p>
        ) : (
          <ol className="agenda" data-testid="agenda">
            {meeting.agenda.map((item, index) => (
              <li key={item.id}>
                <span>
                  <strong>{item.title}</strong> <span className="badge">{t(`purposes.${item.purpose}`)}</span>{" "}
                  <span className="hint">
                    {t("minutes", { minutes: item.timeboxMinutes })}
                    {item.proposedBy && ` · ${t("proposedBy", { party: item.proposedBy })}`}
                  </span>
                  {item.factId && (
                    <>
                      {" "}
                      · <Link href={`/tables/${table.id}/facts/${item.factId}`}>{t("aboutFact")}</Link>
                    </>
                  )}
                </span>
                {meeting.may["meetings.agenda.edit"] && (
                  <span className="row">
                    {index > 0 && (
                      <ActionForm action={moveAgendaItemAction} submitLabel={t("moveUp", { title: item.title })} secondary>
                        {hidden}
                        <input type="hidden" name="itemId" value={item.id} />
                        <input type="hidden" name="direction" value="up" />
                      </ActionForm>
                    )}
                    {index < meeting.agenda.length - 1 && (
                      <ActionForm action={moveAgendaItemAction} submitLabel={t("moveDown", { title: item.title })} secondary>
                        {hidden}
                        <input type="hidden" name="itemId" value={item.id} />
                        <input type="hidden" name="direction" value="down" />
                      </ActionForm>
                    )}
                    <ActionForm action={removeAgendaItemAction} submitLabel={t("removeItem", { title: item.title })} secondary>
                      {hidden}
                      <input type="hidden" name="itemId" value={item.id} />
                    </ActionForm>
                  </span>
                )}
              </li>
            ))}
          </ol>
        )}
        {meeting.may["meetings.agenda.propose"] && (
          <details className="card">
            <summary>{t("addItem")}</summary>
            <ActionForm action={addAgendaItemAction} submitLabel={t("addItem")}>
              {hidden}
              <div className="field">
                <label htmlFor="item-title">{t("fields.itemTitle")}</label>
                <input id="item-title" name="title" type="text" maxLength={200} required />
              </div>
              <div className="row">
                <div className="field">
                  <label htmlFor="item-purpose">{t("fields.purpose")}</label>
                  <select id="item-purpose" name="purpose" defaultValue="discuss">
                    {AGENDA_PURPOSES.map((purpose) => (
                      <option key={purpose} value={purpose}>
                        {t(`purposes.${purpose}`)}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="field">
                  <label htmlFor="item-timebox">{t("fields.timebox")}</label>
                  <input
                    id="item-timebox"
                    name="timeboxMinutes"
                    type="number"
                    min={1}
                    max={480}
                    step={1}
                    defaultValue={15}
                    inputMode="numeric"
                  />
                </div>
              </div>
              {table.myRole === "delegate" && <p className="hint">{t("proposedForYourParty")}</p>}
            </ActionForm>
          </details>
        )}
      </section>

      {meeting.may["meetings.schedule"] && (
        <details className="card">
          <summary>{t("editDetails")}</summary>
          <ActionForm action={updateMeetingAction} submitLabel={t("save")} savedMessage={t("saved")}>
            {hidden}
            <MeetingFields prefix="edit" values={{ ...meeting, address: meeting.address ?? "" }} />
          </ActionForm>
        </details>
      )}

      <MinutesLink tableId={table.id} meetingId={meeting.id} />
    </div>
  );
}
