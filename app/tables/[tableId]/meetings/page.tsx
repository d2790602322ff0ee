import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { meetingsOf } from "../../../../features/meetings/queries.ts";
import { formatDateTime, formatTime } from "../../../../features/shared/dates.ts";
import { getDb } from "../../../../prisma/db.ts";
import { answerPollAction, chooseSlotAction } from "../../../_actions/meetings.ts";
import { ActionForm } from "../../../_components/action-form.tsx";
import { loadTable } from "../load-table.ts";
import { TableHeader } from "../table-header.tsx";
import { NewMeetingForms } from "./new-meeting-forms.tsx";
import { OwnTime } from "./own-time.tsx";

type Props = { params: Promise<{ tableId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { tableId } = await params;
  const { table } = await loadTable(tableId, `/tables/${tableId}/meetings`);
  return { title: `${(await getTranslations("meetings"))("title")} — ${table.title}` };
}

export default async function MeetingsPage({ params }: Props) {
  const { tableId } = await params;
  const { session, table } = await loadTable(tableId, `/tables/${tableId}/meetings`);
  const t = await getTranslations("meetings");
  const locale = await getLocale();
  const data = await meetingsOf(getDb(), session.accountId, table.id);
  const when = (start: Date, end: Date) => `${formatDateTime(start, locale)}–${formatTime(end, locale)}`;
  return (
    <div className="stack">
      <TableHeader table={table} current="meetings" heading={t("title")} />
      <p className="hint">{t("timesNote")}</p>

      <section aria-labelledby="upcoming-heading">
        <h2 id="upcoming-heading">{t("upcoming")}</h2>
        {data.upcoming.length === 0 ? (
          <p className="hint">{t("noUpcoming")}</p>
        ) : (
          <ul className="plain-list" data-testid="upcoming-meetings">
            {data.upcoming.map((m) => (
              <li key={m.id}>
                <span>
                  <Link href={`/tables/${table.id}/meetings/${m.id}`}>{m.title}</Link>
                  <br />
                  <span className="hint">
                    {when(m.startsAt, m.endsAt)}
                    <OwnTime at={m.startsAt.toISOString()} locale={locale} />
                  </span>
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="polls-heading">
        <h2 id="polls-heading">{t("polls")}</h2>
        {data.polls.length === 0 && <p className="hint">{t("noPolls")}</p>}
        {data.polls.map((poll) => (
          <article key={poll.id} className="card" data-testid="poll" aria-labelledby={`poll-${poll.id}`}>
            <h3 id={`poll-${poll.id}`} style={{ marginTop: 0 }}>
              {poll.title}
            </h3>
            {poll.note && <p>{poll.note}</p>}
            {data.may["meetings.poll.answer"] && (
              <ActionForm action={answerPollAction} submitLabel={t("saveAnswers")} savedMessage={t("answersSaved")}>
                <input type="hidden" name="tableId" value={table.id} />
                <input type="hidden" name="pollId" value={poll.id} />
                {poll.slots.map((slot) => (
                  <fieldset key={slot.id} className="field" data-testid="poll-slot">
                    <legend>
                      {when(slot.startsAt, slot.endsAt)}
                      <OwnTime at={slot.startsAt.toISOString()} locale={locale} />
                    </legend>
                    <div className="row">
                      {(["yes", "if_need_be", "no"] as const).map((answer) => (
                        <label key={answer}>
                          <input type="radio" name={`slot:${slot.id}`} value={answer} defaultChecked={slot.mine === answer} />{" "}
                          {t(`answers.${answer}`)}
                        </label>
                      ))}
                    </div>
                    <p className="hint" data-testid="slot-tally">
                      {t("tally", { yes: slot.tally.yes, ifNeedBe: slot.tally.if_need_be, no: slot.tally.no })}
                    </p>
                  </fieldset>
                ))}
              </ActionForm>
            )}
            <details>
              <summary>{t("whoAnswered")}</summary>
              <table className="data-table">
                <caption className="visually-hidden">{t("whoAnswered")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("member")}</th>
                    {poll.slots.map((slot) => (
                      <th key={slot.id} scope="col">
                        {formatDateTime(slot.startsAt, locale)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {(poll.slots[0]?.answers ?? []).map((row, index) => (
                    <tr key={row.pseudonym + String(index)}>
                      <th scope="row">{row.pseudonym}</th>
                      {poll.slots.map((slot) => {
                        const answer = slot.answers[index]?.answer;
                        return <td key={slot.id}>{answer ? t(`answers.${answer}`) : "—"}</td>;
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
            {data.may["meetings.schedule"] && (
              <ActionForm action={chooseSlotAction} submitLabel={t("choose")} className="row" secondary>
                <input type="hidden" name="tableId" value={table.id} />
                <input type="hidden" name="pollId" value={poll.id} />
                <div className="field">
                  <label htmlFor={`choose-${poll.id}`}>{t("chosenSlot")}</label>
                  <select id={`choose-${poll.id}`} name="slotId">
                    {poll.slots.map((slot) => (
                      <option key={slot.id} value={slot.id}>
                        {when(slot.startsAt, slot.endsAt)} —{" "}
                        {t("tally", { yes: slot.tally.yes, ifNeedBe: slot.tally.if_need_be, no: slot.tally.no })}
                      </option>
                    ))}
                  </select>
                </div>
              </ActionForm>
            )}
          </article>
        ))}
      </section>

      {data.may["meetings.schedule"] && <NewMeetingForms tableId={table.id} />}

      <section aria-labelledby="past-heading">
        <h2 id="past-heading">{t("past")}</h2>
        {data.past.length === 0 ? (
          <p className="hint">{t("noPast")}</p>
        ) : (
          <ul className="plain-list">
            {data.past.map((m) => (
              <li key={m.id}>
                <span>
                  <Link href={`/tables/${table.id}/meetings/${m.id}`}>{m.title}</Link>{" "}
                  <span className="hint">
                    {when(m.startsAt, m.endsAt)}
                    {m.cancelled && ` — ${t("cancelled")}`}
                  </span>
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <p>
        <Link href={`/tables/${table.id}/actions`}>{(await getTranslations("followUps"))("link")}</Link>
      </p>
    </div>
  );
}
