import { getTranslations } from "next-intl/server";
import { proposePollAction, scheduleMeetingAction } from "../../../_actions/meetings.ts";
import { ActionForm } from "../../../_components/action-form.tsx";
import { EMPTY_MEETING, MeetingFields } from "./meeting-fields.tsx";

// Three rows are enough for most polls; empty rows are left out.
const SLOT_ROWS = [0, 1, 2];

/** For the organisers: ask when people can come, or schedule a meeting at a known time. */
export async function NewMeetingForms({ tableId }: { tableId: string }) {
  const t = await getTranslations("meetings");
  return (
    <section aria-labelledby="plan-heading">
      <h2 id="plan-heading">{t("plan")}</h2>
      <details className="card">
        <summary>{t("newPoll")}</summary>
        <ActionForm action={proposePollAction} submitLabel={t("proposePoll")}>
          <input type="hidden" name="tableId" value={tableId} />
          <div className="field">
            <label htmlFor="poll-title">{t("fields.title")}</label>
            <input id="poll-title" name="title" type="text" maxLength={120} required />
          </div>
          <div className="field">
            <label htmlFor="poll-note">{t("fields.note")}</label>
            <textarea id="poll-note" name="note" rows={2} maxLength={2000} />
          </div>
          <p className="hint">{t("slotsHint")}</p>
          {SLOT_ROWS.map((row) => (
            <fieldset key={row} className="row">
              <legend>{t("slotNumber", { number: row + 1 })}</legend>
              <div className="field">
                <label htmlFor={`slot-start-${row}`}>{t("fields.startsAt")}</label>
                <input id={`slot-start-${row}`} name="slotStart" type="datetime-local" />
              </div>
              <div className="field">
                <label htmlFor={`slot-end-${row}`}>{t("fields.endsAt")}</label>
                <input id={`slot-end-${row}`} name="slotEnd" type="datetime-local" />
              </div>
            </fieldset>
          ))}
        </ActionForm>
      </details>
      <details className="card">
        <summary>{t("newMeeting")}</summary>
        <ActionForm action={scheduleMeetingAction} submitLabel={t("schedule")}>
          <input type="hidden" name="tableId" value={tableId} />
          <div className="row">
            <div className="field">
              <label htmlFor="meeting-start">{t("fields.startsAt")}</label>
              <input id="meeting-start" name="startsAt" type="datetime-local" required />
            </div>
            <div className="field">
              <label htmlFor="meeting-end">{t("fields.endsAt")}</label>
              <input id="meeting-end" name="endsAt" type="datetime-local" required />
            </div>
          </div>
          <MeetingFields prefix="new" values={EMPTY_MEETING} />
        </ActionForm>
      </details>
    </section>
  );
}
