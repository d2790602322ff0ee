// The starting text of a meeting's minutes, written once on the server from stored rows when the
// minutes are first opened after the meeting: who attended (by pseudonym and party, as recorded:
// the latest attendance mark per member), the agenda, the decisions with their mandate standing
// and result, and the follow-up actions. Labels come from the messages in the table's language,
// so the text reads like any other page; people then edit it together.
import { createTranslator } from "use-intl/core";
import type { AttendanceStatus } from "../../generated/prisma/enums.ts";
import type { Locale } from "../../i18n/locales.ts";
import { MESSAGES } from "../../i18n/messages.ts";
import type { Db } from "../../prisma/db.ts";
import type { ProseMirrorJson } from "../docs/seed.ts";
import { formatDateTime, formatDay, formatTime } from "../shared/dates.ts";

export const ATTENDANCE_ORDER = ["present", "online", "left_early", "absent"] as const satisfies readonly AttendanceStatus[];

/** Everything the pre-fill says, already shaped for reading: names are pseudonyms and party names. */
export type MinutesFacts = {
  title: string;
  startsAt: Date;
  endsAt: Date;
  attendance: { status: AttendanceStatus; name: string; party: string | null; role: string }[];
  agenda: { title: string; purpose: string; timeboxMinutes: number; proposedBy: string | null }[];
  decisions: {
    text: string;
    domain: string;
    participationForm: string;
    scope: "within_scope" | "advisory_only";
    decisionPower: string | null;
    advisoryReason: string | null;
    result: { passed: boolean | null; parties: { name: string; answer: string | null }[] } | null;
    actions: { text: string; owner: string; dueDate: Date; status: string }[];
  }[];
};

/** The latest row per member, from rows in any order (ties broken by id, as rounds do). */
export function latestMarks<T extends { membershipId: string; createdAt: Date; id: string }>(rows: readonly T[]): Map<string, T> {
  const latest = new Map<string, T>();
  for (const row of rows) {
    const known = latest.get(row.membershipId);
    if (!known || known.createdAt < row.createdAt || (known.createdAt.getTime() === row.createdAt.getTime() && known.id < row.id)) {
      latest.set(row.membershipId, row);
    }
  }
  return latest;
}

/** The rows behind the pre-fill, for callers that have authorised the reader. */
export async function minutesFacts(db: Db, tableId: string, meetingId: string): Promise<MinutesFacts | null> {
  const meeting = await db.meeting.findFirst({
    where: { id: meetingId, tableId },
    select: {
      title: true,
      startsAt: true,
      endsAt: true,
      attendance: { select: { id: true, membershipId: true, status: true, createdAt: true } },
      agenda: { where: { removedAt: null }, orderBy: { position: "asc" } },
      decisions: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        include: {
          round: { select: { passed: true, parties: { orderBy: { position: "asc" } } } },
          actions: {
            orderBy: [{ createdAt: "asc" }, { id: "asc" }],
            include: { statuses: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] } },
          },
        },
      },
    },
  });
  if (!meeting) return null;
  const parties = new Map((await db.party.findMany({ where: { tableId }, select: { id: true, name: true } })).map((p) => [p.id, p.name]));
  const marks = [...latestMarks(meeting.attendance).values()];
  const people = await db.membership.findMany({
    where: { id: { in: marks.map((m) => m.membershipId) } },
    select: { id: true, role: true, partyId: true, leftAt: true, createdAt: true, account: { select: { pseudonym: true } } },
    orderBy: { createdAt: "asc" },
  });
  const byId = new Map(people.map((p) => [p.id, p]));
  const attendance = marks
    .flatMap((mark) => {
      const person = byId.get(mark.membershipId);
      if (!person) return [];
      // Someone who has since left is not named again; their party still shows who was there.
      return [
        {
          status: mark.status,
          name: person.leftAt ? "" : person.account.pseudonym,
          party: person.partyId ? (parties.get(person.partyId) ?? null) : null,
          role: person.role,
          order: person.createdAt.getTime(),
        },
      ];
    })
    .sort((a, b) => a.order - b.order)
    .map(({ order: _order, ...row }) => row);
  return {
    title: meeting.title,
    startsAt: meeting.startsAt,
    endsAt: meeting.endsAt,
    attendance,
    agenda: meeting.agenda.map((item) => ({
      title: item.title,
      purpose: item.purpose,
      timeboxMinutes: item.timeboxMinutes,
      proposedBy: item.proposedByPartyId ? (parties.get(item.proposedByPartyId) ?? null) : null,
    })),
    decisions: meeting.decisions.map((decision) => ({
      text: decision.text,
      domain: decision.domain,
      participationForm: decision.participationForm,
      scope: decision.scope,
      decisionPower: decision.decisionPower,
      advisoryReason: decision.advisoryReason,
      result: decision.round
        ? { passed: decision.round.passed, parties: decision.round.parties.map((p) => ({ name: p.partyName, answer: p.finalAnswer })) }
        : null,
      actions: decision.actions.map((action) => ({
        text: action.text,
        owner: parties.get(action.ownerPartyId) ?? "",
        dueDate: action.dueDate,
        status: action.statuses.at(-1)?.status ?? "open",
      })),
    })),
  };
}

/** The labels of the pre-fill in one language. */
export function minutesTranslator(locale: Locale) {
  return createTranslator({ locale, messages: MESSAGES[locale] });
}

const text = (value: string): ProseMirrorJson[] => (value ? [{ type: "text", text: value }] : []);
const paragraph = (value: string): ProseMirrorJson => ({ type: "paragraph", content: text(value) });
const heading = (value: string, level: 1 | 2 | 3): ProseMirrorJson => ({ type: "heading", attrs: { level }, content: text(value) });
const list = (items: ProseMirrorJson[][]): ProseMirrorJson => ({
  type: "bulletList",
  content: items.map((content) => ({ type: "listItem", content })),
});

/** The pre-filled minutes as a document for docs/seed.ts contentUpdate. */
export function minutesContent(facts: MinutesFacts, locale: Locale): ProseMirrorJson {
  const t = minutesTranslator(locale);
  const has = (key: string) => t.has(key as never);
  const label = (key: string, fallback: string) => (has(key) ? t(key as never) : fallback);
  const person = (row: MinutesFacts["attendance"][number]) => {
    const name = row.name || t("minutes.prefill.formerMember");
    if (row.party) return `${name} (${row.party})`;
    return `${name} (${label(`roles.${row.role}`, row.role)})`;
  };
  const content: ProseMirrorJson[] = [
    heading(t("minutes.prefill.title", { meeting: facts.title }), 1),
    paragraph(
      t("minutes.prefill.when", {
        start: formatDateTime(facts.startsAt, locale),
        end: formatTime(facts.endsAt, locale),
      }),
    ),
    heading(t("minutes.prefill.attendance"), 2),
  ];
  if (facts.attendance.length === 0) content.push(paragraph(t("minutes.prefill.noAttendance")));
  else {
    content.push(
      list(
        ATTENDANCE_ORDER.flatMap((status) => {
          const rows = facts.attendance.filter((row) => row.status === status);
          if (rows.length === 0) return [];
          return [[paragraph(`${t(`minutes.attendance.${status}`)}: ${rows.map(person).join(", ")}`)]];
        }),
      ),
    );
  }
  content.push(heading(t("minutes.prefill.agenda"), 2));
  if (facts.agenda.length === 0) content.push(paragraph(t("minutes.prefill.noAgenda")));
  else {
    content.push({
      type: "orderedList",
      attrs: { start: 1 },
      content: facts.agenda.map((item) => ({
        type: "listItem",
        content: [
          paragraph(
            t("minutes.prefill.agendaItem", {
              title: item.title,
              purpose: t(`meetings.purposes.${item.purpose as "inform"}`),
              minutes: item.timeboxMinutes,
              party: item.proposedBy ?? "",
              proposed: String(item.proposedBy !== null),
            }),
          ),
        ],
      })),
    });
  }
  content.push(heading(t("minutes.prefill.decisions"), 2));
  if (facts.decisions.length === 0) content.push(paragraph(t("minutes.prefill.noDecisions")));
  facts.decisions.forEach((decision, index) => {
    content.push(heading(t("minutes.prefill.decision", { number: index + 1 }), 3));
    content.push(paragraph(decision.text));
    content.push(paragraph(standing(t, label, decision)));
    content.push(
      paragraph(
        t("minutes.prefill.domainAndForm", {
          domain: label(`mandate.domainNames.${decision.domain}`, decision.domain),
          form: label(`participation.forms.${decision.participationForm}`, decision.participationForm),
        }),
      ),
    );
    if (decision.result) {
      const answers = decision.result.parties
        .map((p) => `${p.name}: ${p.answer ? t(`minutes.scale.${p.answer as "support"}`) : t("minutes.prefill.noAnswer")}`)
        .join("; ");
      content.push(paragraph(t("minutes.prefill.result", { passed: String(decision.result.passed === true), answers })));
    }
    if (decision.actions.length > 0) {
      content.push(paragraph(t("minutes.prefill.actionsOfDecision")));
      content.push(list(decision.actions.map((action) => [paragraph(actionLine(t, locale, action))])));
    }
  });
  const actions = facts.decisions.flatMap((d) => d.actions);
  content.push(heading(t("minutes.prefill.actions"), 2));
  content.push(
    actions.length === 0
      ? paragraph(t("minutes.prefill.noActions"))
      : list(actions.map((action) => [paragraph(actionLine(t, locale, action))])),
  );
  return { type: "doc", content };
}

type T = ReturnType<typeof minutesTranslator>;

/** "Within scope — co-decision" or "Advisory only", as everywhere a decision is shown. */
export function standing(t: T, label: (key: string, fallback: string) => string, decision: MinutesFacts["decisions"][number]): string {
  if (decision.scope === "within_scope") {
    return t("minutes.standing.within", { power: label(`mandate.powers.${decision.decisionPower}`, decision.decisionPower ?? "") });
  }
  return decision.advisoryReason
    ? t("minutes.standing.advisoryBecause", { reason: t(`minutes.advisoryReasons.${decision.advisoryReason as "no_mandate"}`) })
    : t("minutes.standing.advisory");
}

function actionLine(t: T, locale: Locale, action: MinutesFacts["decisions"][number]["actions"][number]): string {
  return t("minutes.prefill.action", {
    text: action.text,
    party: action.owner,
    due: formatDay(action.dueDate, locale),
    status: t(`followUps.statuses.${action.status as "open"}`),
  });
}
