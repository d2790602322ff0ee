"use client";
// The live console: the same view for everyone in the meeting, with the controls each person may
// use. Everything shown comes from the server's state; buttons send commands and show the
// server's answer. Timers run on the server's clock (offset from the last state received).
import { useTranslations } from "next-intl";
import { useEffect, useMemo, useRef, useState } from "react";
import { type ConnectionStatus, ConsoleSocket } from "../../../../../../features/meetings/console-socket.ts";
import type { ConsoleState, ConsoleViewer } from "../../../../../../features/meetings/console-state.ts";
import { DecisionStanding } from "../../decision-standing.tsx";

/** The choices of the forms, passed from the server so no server module reaches the browser. */
export type ConsoleChoices = { answers: string[]; attendance: string[]; domains: string[]; forms: string[] };
type Props = { serverUrl: string; meetingId: string; choices: ConsoleChoices };

function minutesSeconds(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, "0")}`;
}

export function ConsoleView({ serverUrl, meetingId, choices }: Props) {
  const t = useTranslations("console");
  const te = useTranslations("errors");
  const tp = useTranslations("participation.forms");
  const tm = useTranslations("mandate");
  const ta = useTranslations("problem.answers");
  const tr = useTranslations("decisionRules");
  const [state, setState] = useState<ConsoleState | null>(null);
  const [viewer, setViewer] = useState<ConsoleViewer | null>(null);
  const [status, setStatus] = useState<ConnectionStatus>("connecting");
  const [message, setMessage] = useState<{ kind: "error" | "ok"; text: string } | null>(null);
  const [offset, setOffset] = useState(0);
  const [, setTick] = useState(0);
  const socket = useRef<ConsoleSocket | null>(null);

  useEffect(() => {
    const created = new ConsoleSocket({
      url: `${serverUrl}/console/${meetingId}`,
      open: (url) => new WebSocket(url) as never,
      onState: (next) => {
        setOffset(new Date(next.serverNow).getTime() - Date.now());
        setState(next);
      },
      onViewer: setViewer,
      onStatus: setStatus,
    });
    socket.current = created;
    const timer = setInterval(() => setTick((n) => n + 1), 1000);
    return () => {
      clearInterval(timer);
      created.close();
    };
  }, [serverUrl, meetingId]);

  const now = Date.now() + offset;
  async function send(command: Record<string, unknown>): Promise<boolean> {
    const answer = (await socket.current?.send(command)) ?? { ok: false as const, code: "CONNECTION_LOST" };
    if (answer.ok) {
      setMessage({ kind: "ok", text: t("done") });
      return true;
    }
    const code = answer.code;
    setMessage({
      kind: "error",
      text: code === "CONNECTION_LOST" ? t("connectionLost") : te.has(code) ? te(code) : t("errorUnknown"),
    });
    return false;
  }

  const mine = useMemo(
    () => state?.queue.find((turn) => turn.membershipId === viewer?.membershipId && !turn.chair) ?? null,
    [state, viewer],
  );

  if (!state || !viewer) {
    return (
      <p role="status" data-testid="console-status">
        {t(`status.${status}`)}
      </p>
    );
  }

  const run = viewer.mayRun && state.running;
  const item = state.agenda.find((i) => i.id === state.currentItem?.id) ?? null;
  const itemElapsed = state.currentItem ? now - new Date(state.currentItem.startedAt).getTime() : 0;
  const check = state.check;
  const myParty = check?.parties.find((p) => p.partyId === viewer.partyId) ?? null;
  const lastClosedCheck = check && !check.open && !state.decisions.some((d) => d.roundId === check.id) ? check : null;

  return (
    <div className="stack" data-testid="console">
      <p role="status" data-testid="console-status" className={status === "open" ? "" : "alert alert-info"}>
        {t(`status.${status}`)}
      </p>
      <div aria-live="polite" data-testid="console-message">
        {message && <p className={message.kind === "error" ? "alert alert-error" : ""}>{message.text}</p>}
      </div>

      {!state.openedAt && <p className="alert alert-info">{t("notOpened")}</p>}
      {state.endedAt && <p className="alert alert-info">{t("ended")}</p>}
      {viewer.mayRun && !state.openedAt && (
        <p>
          <button type="button" onClick={() => send({ type: "session.open" })}>
            {t("openMeeting")}
          </button>
        </p>
      )}

      <section aria-labelledby="console-agenda">
        <h2 id="console-agenda">{t("agenda")}</h2>
        {state.agenda.length === 0 ? (
          <p>{t("noAgenda")}</p>
        ) : (
          <ol data-testid="console-agenda">
            {state.agenda.map((entry) => (
              <li key={entry.id} aria-current={entry.id === item?.id ? "step" : undefined}>
                {entry.id === item?.id && <strong>{t("current")}: </strong>}
                {entry.title} ({t("timebox", { minutes: entry.timeboxMinutes })})
                {entry.id === item?.id && (
                  <span data-testid="item-timer">
                    {" "}
                    — {t("elapsed", { elapsed: minutesSeconds(itemElapsed), minutes: entry.timeboxMinutes })}
                    {itemElapsed > entry.timeboxMinutes * 60_000 && <strong> {t("overTime")}</strong>}
                  </span>
                )}
                {run && entry.id !== item?.id && (
                  <>
                    {" "}
                    <button type="button" className="secondary" onClick={() => send({ type: "item.start", itemId: entry.id })}>
                      {t("startItem")}
                      <span className="visually-hidden">: {entry.title}</span>
                    </button>
                  </>
                )}
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="console-speaking">
        <h2 id="console-speaking">{t("speaking")}</h2>
        <p data-testid="console-speaker" aria-live="polite">
          {state.speaking ? (
            <>
              <strong>{state.speaking.chair ? t("chairSpeaking") : state.speaking.label}</strong>
              {state.speaking.partyName && ` (${state.speaking.partyName})`} —{" "}
              {state.speaking.startedAt && minutesSeconds(now - new Date(state.speaking.startedAt).getTime())}
            </>
          ) : (
            t("nobodySpeaking")
          )}
        </p>
        {run && (
          <p className="row">
            <button type="button" onClick={() => send({ type: "speaker.next" })} disabled={state.queue.length === 0 && !state.speaking}>
              {t("nextSpeaker")}
            </button>{" "}
            <button type="button" className="secondary" onClick={() => send({ type: "speaker.end" })} disabled={!state.speaking}>
              {t("endTurn")}
            </button>{" "}
            <button type="button" className="secondary" onClick={() => send({ type: "chair.speak" })}>
              {t("chairSpeaks")}
            </button>
          </p>
        )}
        {viewer.maySpeak && state.running && (
          <p>
            {mine ? (
              <button type="button" className="secondary" onClick={() => send({ type: "hand.lower", turnId: mine.id })}>
                {t("lowerHand")}
              </button>
            ) : (
              <button
                type="button"
                onClick={() => send({ type: "hand.raise" })}
                disabled={state.speaking?.membershipId === viewer.membershipId}
              >
                {t("raiseHand")}
              </button>
            )}
          </p>
        )}
        <h3>{t("queue")}</h3>
        {state.queue.length === 0 ? (
          <p>{t("queueEmpty")}</p>
        ) : (
          <ol data-testid="console-queue">
            {state.queue.map((turn) => (
              <li key={turn.id}>
                {turn.label}
                {turn.partyName && ` (${turn.partyName})`}
                {turn.guest && ` — ${t("guest")}`}
                {run && (
                  <>
                    {" "}
                    <button type="button" className="secondary" onClick={() => send({ type: "speaker.call", turnId: turn.id })}>
                      {t("call")}
                      <span className="visually-hidden">: {turn.label}</span>
                    </button>{" "}
                    <button type="button" className="secondary" onClick={() => send({ type: "hand.lower", turnId: turn.id })}>
                      {t("remove")}
                      <span className="visually-hidden">: {turn.label}</span>
                    </button>
                  </>
                )}
              </li>
            ))}
          </ol>
        )}
        {run && (
          <form
            method="post"
            onSubmit={async (event) => {
              event.preventDefault();
              const form = event.currentTarget;
              const data = new FormData(form);
              const ok = await send({
                type: "guest.add",
                label: String(data.get("label") ?? ""),
                partyId: String(data.get("partyId") ?? "") || null,
              });
              if (ok) form.reset();
            }}
          >
            <fieldset>
              <legend>{t("addGuest")}</legend>
              <label>
                {t("guestLabel")} <input name="label" maxLength={60} required autoComplete="off" />
              </label>{" "}
              <label>
                {t("guestParty")}{" "}
                <select name="partyId" defaultValue="">
                  <option value="">{t("noParty")}</option>
                  {state.parties.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                    </option>
                  ))}
                </select>
              </label>{" "}
              <button type="submit" className="secondary">
                {t("add")}
              </button>
            </fieldset>
          </form>
        )}
      </section>

      <section aria-labelledby="console-balance">
        <h2 id="console-balance">{t("balance")}</h2>
        <p className="hint">{t("balanceLead")}</p>
        <table className="data-table" data-testid="console-balance">
          <thead>
            <tr>
              <th scope="col">{t("balanceParty")}</th>
              <th scope="col">{t("balanceTime")}</th>
              <th scope="col">{t("balanceShare")}</th>
            </tr>
          </thead>
          <tbody>
            {state.balance.map((row) => (
              <tr key={row.key}>
                <th scope="row">
                  {row.key === "chair" ? t("chairTime") : row.key === "unaffiliated" ? t("unaffiliated") : (row.name ?? row.key)}
                </th>
                <td>{minutesSeconds(row.ms)}</td>
                <td>
                  {row.key === "chair" || row.key === "unaffiliated" ? "—" : `${Math.round(row.share * 100)}%`}
                  {row.dominant && <strong> {t("dominant")}</strong>}
                  {row.unheard && <em> {t("unheard")}</em>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="console-check">
        <h2 id="console-check">{t("check")}</h2>
        {check && (
          <div data-testid="console-check">
            <p>
              <strong>{t("proposal")}:</strong> {check.proposal}
            </p>
            <p>{check.open ? t("checkOpen") : t("checkClosed")}</p>
            <ul>
              {check.parties.map((p) => (
                <li key={p.partyId}>
                  {p.name}: {p.answer ? ta(p.answer) : t("noAnswer")}
                  {p.reason && ` — ${p.reason}`}
                </li>
              ))}
            </ul>
            {check.result && (
              <p data-testid="check-result">
                {t("result", {
                  passed: String(check.result.passed),
                  supporting: check.result.supporting,
                  counted: check.result.counted,
                  rule: tr(check.result.rule),
                })}
                {check.result.sexWorkerObjection && <strong> {t("sexWorkerObjection")}</strong>}
              </p>
            )}
            {check.open && viewer.mayAnswer && myParty && (
              <form
                method="post"
                onSubmit={(event) => {
                  event.preventDefault();
                  const data = new FormData(event.currentTarget);
                  void send({
                    type: "check.answer",
                    roundId: check.id,
                    answer: String(data.get("answer")),
                    reason: String(data.get("reason") ?? ""),
                  });
                }}
              >
                <fieldset>
                  <legend>
                    {t("answerFor")}: {myParty.name}
                  </legend>
                  <label htmlFor="check-answer">{t("answer")}</label>{" "}
                  <select id="check-answer" name="answer" defaultValue="support">
                    {choices.answers.map((a) => (
                      <option key={a} value={a}>
                        {ta(a)}
                      </option>
                    ))}
                  </select>
                  <label htmlFor="check-reason">{t("reason")}</label>{" "}
                  <input id="check-reason" name="reason" maxLength={4000} aria-describedby="reason-hint" />
                  <span id="reason-hint" className="hint">
                    {" "}
                    {t("reasonHint")}
                  </span>{" "}
                  <button type="submit">{t("send")}</button>
                </fieldset>
              </form>
            )}
            {check.open && run && (
              <button type="button" className="secondary" onClick={() => send({ type: "check.close", roundId: check.id })}>
                {t("closeCheck")}
              </button>
            )}
          </div>
        )}
        {run && !check?.open && (
          <form
            method="post"
            onSubmit={async (event) => {
              event.preventDefault();
              const form = event.currentTarget;
              const ok = await send({ type: "check.open", proposal: String(new FormData(form).get("proposal") ?? "") });
              if (ok) form.reset();
            }}
          >
            <label htmlFor="check-proposal">{t("proposal")}</label>
            <textarea id="check-proposal" name="proposal" rows={3} maxLength={2000} required />
            <button type="submit">{t("openCheck")}</button>
          </form>
        )}
      </section>

      <section aria-labelledby="console-decisions">
        <h2 id="console-decisions">{t("decisions")}</h2>
        {state.decisions.length === 0 ? (
          <p>{t("noDecisions")}</p>
        ) : (
          <ul data-testid="console-decisions">
            {state.decisions.map((d) => (
              <li key={d.id}>
                <DecisionStanding decision={d} />
              </li>
            ))}
          </ul>
        )}
        {run && (
          <form
            key={lastClosedCheck?.id ?? "none"}
            method="post"
            onSubmit={async (event) => {
              event.preventDefault();
              const form = event.currentTarget;
              const data = new FormData(form);
              const ok = await send({
                type: "decision.record",
                text: String(data.get("text") ?? ""),
                domain: String(data.get("domain") ?? ""),
                participationForm: String(data.get("participationForm") ?? ""),
                roundId: data.get("onCheck") && lastClosedCheck ? lastClosedCheck.id : null,
                advisoryConfirmed: data.get("advisoryConfirmed") === "on",
              });
              if (ok) form.reset();
            }}
          >
            <fieldset>
              <legend>{t("recordDecision")}</legend>
              <label htmlFor="decision-text">{t("decisionText")}</label>
              <textarea id="decision-text" name="text" rows={3} maxLength={4000} required defaultValue={lastClosedCheck?.proposal ?? ""} />
              <label>
                {t("domain")}{" "}
                <select name="domain" defaultValue="public_order">
                  {choices.domains.map((d) => (
                    <option key={d} value={d}>
                      {tm(`domainNames.${d}`)}
                    </option>
                  ))}
                </select>
              </label>{" "}
              <label>
                {t("participationForm")}{" "}
                <select name="participationForm" defaultValue="shared_decision_power">
                  {choices.forms.map((f) => (
                    <option key={f} value={f}>
                      {tp(f)}
                    </option>
                  ))}
                </select>
              </label>
              {lastClosedCheck && (
                <label>
                  <input type="checkbox" name="onCheck" defaultChecked /> {t("onCheck")}
                </label>
              )}
              <label>
                <input type="checkbox" name="advisoryConfirmed" /> {t("advisoryConfirm")}
              </label>
              <button type="submit">{t("record")}</button>
            </fieldset>
          </form>
        )}
      </section>

      <section aria-labelledby="console-attendance">
        <h2 id="console-attendance">{t("attendance")}</h2>
        <p className="hint">{t("attendanceLead")}</p>
        <ul data-testid="console-attendance">
          {state.attendance.map((a) => (
            <li key={a.membershipId}>
              {a.pseudonym}
              {a.partyName && ` (${a.partyName})`}:{" "}
              {viewer.mayRun && !state.endedAt ? (
                <select
                  aria-label={t("attendanceOf", { name: a.pseudonym })}
                  value={a.status ?? ""}
                  onChange={(event) => void send({ type: "attendance.mark", membershipId: a.membershipId, status: event.target.value })}
                >
                  <option value="" disabled>
                    {t("notRecorded")}
                  </option>
                  {choices.attendance.map((s) => (
                    <option key={s} value={s}>
                      {t(`attendanceStatuses.${s}`)}
                    </option>
                  ))}
                </select>
              ) : a.status ? (
                t(`attendanceStatuses.${a.status}`)
              ) : (
                t("notRecorded")
              )}
            </li>
          ))}
        </ul>
      </section>

      {run && (
        <p>
          <button type="button" className="secondary" onClick={() => send({ type: "session.end" })}>
            {t("endMeeting")}
          </button>
        </p>
      )}
    </div>
  );
}
