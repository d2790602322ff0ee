import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { formatDate, formatDateTime, formatDay } from "../../../features/shared/dates.ts";
import type { chairDeclarations } from "../../../features/tables/chair.ts";
import type { Assessment } from "../../../features/tables/characteristics.ts";
import { COMMITMENT_KINDS, type CommitmentVoice } from "../../../features/tables/commitments.ts";
import { DECISION_RULES, LANGUAGE_CODES } from "../../../features/tables/details.ts";
import type { MandateStanding, PolicyDomain } from "../../../features/tables/mandates.ts";
import type { tableOverview } from "../../../features/tables/overview.ts";
import { PARTY_TYPES, REPRESENTATIONS } from "../../../features/tables/parties.ts";
import { breachResponseProblem, TABLE_STATUSES } from "../../../features/tables/policy.ts";
import type { tableForMember } from "../../../features/tables/queries.ts";
import {
  addPartyAction,
  addPhaseAction,
  appointChairAction,
  breachCommitmentAction,
  changeStatusAction,
  recordCommitmentAction,
  respondToBreachAction,
  signChairDeclarationAction,
  updateDetailsAction,
  updatePartyAction,
  updatePhaseAction,
} from "../../_actions/governance.ts";
import { ActionForm } from "../../_components/action-form.tsx";
import { Icon, type IconName } from "../../_components/icons.tsx";
import { PhaseButton } from "./phase-button.tsx";

type Table = Awaited<ReturnType<typeof tableForMember>>;
type Overview = Awaited<ReturnType<typeof tableOverview>>;

const STATE_ICON = { met: "check", not_met: "x", not_assessable: "ellipsis" } as const satisfies Record<string, IconName>;

// Where a table fixes each characteristic that is not met yet.
const CHARACTERISTIC_PAGE: Record<Assessment["characteristic"], string> = {
  all_parties: "/parties",
  authoritative: "/mandate",
  no_forum_hopping: "/commitments",
  face_to_face: "/phases",
  problem_and_facts_first: "/facts",
  facilitative_chair: "/chair",
};

export async function CharacteristicsPanel({ assessments, tableId }: { assessments: Assessment[]; tableId: string }) {
  const t = await getTranslations("characteristics");
  const tm = await getTranslations("mandate");
  const domainList = (domains: PolicyDomain[]) => domains.map((d) => tm(`domainNames.${d}`)).join(", ");
  return (
    <section aria-labelledby="characteristics" className="card">
      <h2 id="characteristics" style={{ marginTop: 0 }}>
        {t("title")}
      </h2>
      <ul className="plain-list" data-testid="characteristics">
        {assessments.map((a) => (
          <li key={a.characteristic} data-characteristic={a.characteristic} data-state={a.state}>
            <span>
              <strong>
                <Link href={`/tables/${tableId}${CHARACTERISTIC_PAGE[a.characteristic]}`}>{t(`names.${a.characteristic}`)}</Link>
              </strong>
              <br />
              <span className="hint">
                {t(`reasons.${a.reason}` as "reasons.allPresent", {
                  shared: domainList(a.domains?.shared ?? []),
                  advisory: domainList(a.domains?.advisory ?? []),
                  parties: (a.parties ?? []).join(", "),
                })}
              </span>
              {a.characteristic === "authoritative" && (
                <>
                  <br />
                  <span className="hint">{tm("sharedPowerHelp")}</span>
                </>
              )}
            </span>
            <span className={`badge state-${a.state}`}>
              <Icon name={STATE_ICON[a.state]} />
              {t(`states.${a.state}`)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

export async function StandingText({ standing }: { standing: MandateStanding }) {
  const t = await getTranslations("mandate.standing");
  const locale = await getLocale();
  const day = (date: Date) => formatDay(date, locale, "long");
  switch (standing.state) {
    case "none":
      return <>{t("none")}</>;
    case "authoritative": {
      const tm = await getTranslations("mandate");
      const domains = standing.sharedDomains.map((d) => tm(`domainNames.${d}`)).join(", ");
      return <>{t("authoritative", { date: day(standing.until), domains })}</>;
    }
    case "advisory":
      return <>{t("advisory", { date: day(standing.until) })}</>;
    case "not_started":
      return <>{t("not_started", { date: day(standing.from) })}</>;
    case "lapsed":
      return <>{t("lapsed", { date: day(standing.since) })}</>;
  }
}

export async function AboutSection({ table, overview }: { table: Table; overview: Overview }) {
  const t = await getTranslations("tableInfo");
  const ts = await getTranslations("statuses");
  const tr = await getTranslations("decisionRules");
  const tl = await getTranslations("languageNames");
  const tm = await getTranslations("mandate");
  return (
    <section aria-labelledby="about">
      <h2 id="about">{t("about")}</h2>
      {table.status === "closed" && <p className="alert alert-info">{t("closedNotice")}</p>}
      <dl className="facts">
        <dt>{t("policyQuestion")}</dt>
        <dd>{table.policyQuestion || <span className="hint">{t("noQuestion")}</span>}</dd>
        <dt>{t("municipality")}</dt>
        <dd>{[table.municipality, table.region].filter(Boolean).join(", ") || "—"}</dd>
        <dt>{t("status")}</dt>
        <dd data-testid="table-status">{ts(table.status)}</dd>
        <dt>{t("decisionRule")}</dt>
        <dd>{tr(table.decisionRule)}</dd>
        <dt>{t("languages")}</dt>
        <dd>{table.languages.map((code) => (LANGUAGE_CODES.includes(code as never) ? tl(code as never) : code)).join(", ")}</dd>
        <dt>{tm("title")}</dt>
        <dd data-testid="mandate-standing">
          <StandingText standing={overview.standing} /> · <Link href={`/tables/${table.id}/mandate`}>{tm("open")}</Link>
          {overview.latestMandate && (
            <ul data-testid="table-mandate-domains">
              {overview.latestMandate.domains.map((d) => (
                <li key={d.domain} data-domain={d.domain} data-power={d.decisionPower}>
                  {tm("domainPower", { domain: tm(`domainNames.${d.domain}`), power: tm(`powers.${d.decisionPower}`) })}
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt>{t("publicSummary")}</dt>
        <dd>
          {table.publicSummary ? t("publicSummaryOn") : t("publicSummaryOff")}
          {table.publicSummary && (
            <>
              {" "}
              · <Link href={`/tables/${table.id}/summary`}>{t("viewSummary")}</Link>
            </>
          )}
        </dd>
      </dl>
      {table.may["table.edit"] && (
        <details className="card">
          <summary>{t("edit")}</summary>
          <ActionForm action={updateDetailsAction} submitLabel={t("save")} savedMessage={t("saved")}>
            <input type="hidden" name="tableId" value={table.id} />
            <div className="field">
              <label htmlFor="details-title">{(await getTranslations("home"))("tableTitle")}</label>
              <input id="details-title" name="title" type="text" defaultValue={table.title} maxLength={120} />
            </div>
            <div className="field">
              <label htmlFor="details-question">{t("policyQuestion")}</label>
              <textarea id="details-question" name="policyQuestion" defaultValue={table.policyQuestion} rows={3} maxLength={2000} />
            </div>
            <div className="row">
              <div className="field">
                <label htmlFor="details-municipality">{t("municipality")}</label>
                <input id="details-municipality" name="municipality" type="text" defaultValue={table.municipality} maxLength={120} />
              </div>
              <div className="field">
                <label htmlFor="details-region">{t("region")}</label>
                <input id="details-region" name="region" type="text" defaultValue={table.region} maxLength={120} />
              </div>
            </div>
            <div className="field">
              <label htmlFor="details-rule">{t("decisionRule")}</label>
              <select id="details-rule" name="decisionRule" defaultValue={table.decisionRule}>
                {DECISION_RULES.map((rule) => (
                  <option key={rule} value={rule}>
                    {tr(rule)}
                  </option>
                ))}
              </select>
            </div>
            <fieldset className="field">
              <legend>{t("languages")}</legend>
              <div className="row">
                {LANGUAGE_CODES.map((code) => (
                  <label key={code}>
                    <input type="checkbox" name="languages" value={code} defaultChecked={table.languages.includes(code)} /> {tl(code)}
                  </label>
                ))}
              </div>
            </fieldset>
            <div className="field">
              <label>
                <input type="checkbox" name="publicSummary" defaultChecked={table.publicSummary} aria-describedby="public-hint" />{" "}
                {t("publicSummary")}
              </label>
              <p className="hint" id="public-hint">
                {t("publicSummaryHint")}
              </p>
            </div>
          </ActionForm>
        </details>
      )}
      {table.may["table.status.change"] && (
        <ActionForm action={changeStatusAction} submitLabel={t("changeStatus")} className="row" secondary>
          <input type="hidden" name="tableId" value={table.id} />
          <div className="field">
            <label htmlFor="table-status-select">{t("status")}</label>
            <select id="table-status-select" name="status" defaultValue={table.status}>
              {TABLE_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {ts(status)}
                </option>
              ))}
            </select>
          </div>
        </ActionForm>
      )}
    </section>
  );
}

export async function PartiesSection({ table, overview }: { table: Table; overview: Overview }) {
  const t = await getTranslations("parties");
  return (
    <section aria-labelledby="parties">
      <h2 id="parties">{t("title")}</h2>
      {overview.warnings.map((warning) => (
        <p key={warning} className="alert alert-error" data-testid={`warning-${warning}`}>
          <Icon name="alert" />
          {t(`warnings.${warning}`)}
        </p>
      ))}
      {overview.parties.length > 0 && overview.missingAffected.length > 0 && (
        <p className="hint" data-testid="missing-parties">
          {t("oftenAffected", { types: overview.missingAffected.map((type) => t(`types.${type}`)).join(", ") })}
        </p>
      )}
      {overview.parties.length === 0 ? (
        <p className="hint">{t("none")}</p>
      ) : (
        <ul className="plain-list" data-testid="party-list">
          {overview.parties.map((party) => (
            <li key={party.id}>
              <div>
                <strong>{party.name}</strong> <span className="badge">{t(`types.${party.type}`)}</span>
                {party.hasDecisionPower && <span className="badge">{t("decisionPower")}</span>}
                <br />
                <span className="hint">
                  {[party.represents, t(`representations.${party.representation}`), t("members", { count: party._count.memberships })]
                    .filter(Boolean)
                    .join(" · ")}
                </span>
              </div>
              {table.may["parties.manage"] && (
                <details style={{ flexBasis: "100%" }}>
                  <summary>{t("editParty", { party: party.name })}</summary>
                  <ActionForm action={updatePartyAction} submitLabel={t("save")} savedMessage={t("saved")}>
                    <input type="hidden" name="tableId" value={table.id} />
                    <input type="hidden" name="partyId" value={party.id} />
                    <PartyFields idPrefix={`party-${party.id}`} party={party} />
                  </ActionForm>
                </details>
              )}
            </li>
          ))}
        </ul>
      )}
      {table.may["parties.manage"] && (
        <details className="card">
          <summary>{t("add")}</summary>
          <ActionForm action={addPartyAction} submitLabel={t("add")} savedMessage={t("added")}>
            <input type="hidden" name="tableId" value={table.id} />
            <PartyFields idPrefix="party" />
          </ActionForm>
        </details>
      )}
    </section>
  );
}

type PartyDefaults = { type: string; name: string; represents: string; representation: string; hasDecisionPower: boolean };

/** The fields of a party, for adding one or changing one; ids are unique per form. */
async function PartyFields({ idPrefix, party }: { idPrefix: string; party?: PartyDefaults }) {
  const t = await getTranslations("parties");
  return (
    <>
      <div className="field">
        <label htmlFor={`${idPrefix}-type`}>{t("type")}</label>
        <select id={`${idPrefix}-type`} name="type" defaultValue={party?.type ?? "sex_worker_organisation"}>
          {PARTY_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`types.${type}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-name`}>{t("name")}</label>
        <input id={`${idPrefix}-name`} name="name" type="text" maxLength={120} defaultValue={party?.name} />
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-represents`}>{t("represents")}</label>
        <input id={`${idPrefix}-represents`} name="represents" type="text" maxLength={500} defaultValue={party?.represents} />
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-representation`}>{t("representation")}</label>
        <select id={`${idPrefix}-representation`} name="representation" defaultValue={party?.representation ?? "delegates"}>
          {REPRESENTATIONS.map((r) => (
            <option key={r} value={r}>
              {t(`representations.${r}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label>
          <input type="checkbox" name="hasDecisionPower" defaultChecked={party?.hasDecisionPower} /> {t("hasDecisionPower")}
        </label>
      </div>
    </>
  );
}

export async function PhasesSection({ table, overview }: { table: Table; overview: Overview }) {
  const t = await getTranslations("phases");
  const locale = await getLocale();
  const day = (date: Date | null) => (date ? formatDay(date, locale) : "…");
  const iso = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : "");
  return (
    <section aria-labelledby="phases">
      <h2 id="phases">{t("title")}</h2>
      <ol className="phase-list" data-testid="phase-list">
        {overview.phases.map((phase, index) => {
          const name = phase.name || (phase.kind ? t(`kinds.${phase.kind}` as "kinds.agenda_setting") : "");
          return (
            <li key={phase.id} aria-current={phase.current ? "step" : undefined} className={phase.current ? "current" : undefined}>
              <div className="row" style={{ justifyContent: "space-between" }}>
                <span>
                  <strong>{name}</strong> {phase.current && <span className="badge">{t("current")}</span>}
                  {(phase.startsOn || phase.endsOn) && (
                    <span className="hint"> {t("dates", { start: day(phase.startsOn), end: day(phase.endsOn) })}</span>
                  )}
                </span>
                {table.may["phases.manage"] && (
                  <span className="row">
                    {!phase.current && (
                      <PhaseButton tableId={table.id} phaseId={phase.id} kind="current" label={t("makeCurrent")} name={name} />
                    )}
                    {index > 0 && <PhaseButton tableId={table.id} phaseId={phase.id} kind="up" label={t("moveUp")} name={name} />}
                    {index < overview.phases.length - 1 && (
                      <PhaseButton tableId={table.id} phaseId={phase.id} kind="down" label={t("moveDown")} name={name} />
                    )}
                  </span>
                )}
              </div>
              <p className="hint">
                {t("deliverables")}: {phase.deliverables || t("noDeliverables")}
              </p>
              {table.may["phases.manage"] && (
                <details>
                  <summary>
                    {t("edit")}: {name}
                  </summary>
                  <ActionForm action={updatePhaseAction} submitLabel={t("save")}>
                    <input type="hidden" name="tableId" value={table.id} />
                    <input type="hidden" name="phaseId" value={phase.id} />
                    <div className="field">
                      <label htmlFor={`phase-name-${phase.id}`}>{t("name")}</label>
                      <input id={`phase-name-${phase.id}`} name="name" type="text" defaultValue={phase.name} maxLength={120} />
                    </div>
                    <div className="field">
                      <label htmlFor={`phase-deliverables-${phase.id}`}>{t("deliverables")}</label>
                      <textarea id={`phase-deliverables-${phase.id}`} name="deliverables" defaultValue={phase.deliverables} rows={2} />
                    </div>
                    <div className="row">
                      <div className="field">
                        <label htmlFor={`phase-start-${phase.id}`}>{t("startsOn")}</label>
                        <input id={`phase-start-${phase.id}`} name="startsOn" type="date" defaultValue={iso(phase.startsOn)} />
                      </div>
                      <div className="field">
                        <label htmlFor={`phase-end-${phase.id}`}>{t("endsOn")}</label>
                        <input id={`phase-end-${phase.id}`} name="endsOn" type="date" defaultValue={iso(phase.endsOn)} />
                      </div>
                    </div>
                  </ActionForm>
                </details>
              )}
            </li>
          );
        })}
      </ol>
      {table.may["phases.manage"] && (
        <ActionForm action={addPhaseAction} submitLabel={t("add")} className="row" secondary>
          <input type="hidden" name="tableId" value={table.id} />
          <div className="field">
            <label htmlFor="new-phase-name">{t("newName")}</label>
            <input id="new-phase-name" name="name" type="text" maxLength={120} />
          </div>
        </ActionForm>
      )}
    </section>
  );
}

type Chairs = Awaited<ReturnType<typeof chairDeclarations>>;

export async function ChairSection({ table, chairs }: { table: Table; chairs: Chairs }) {
  const t = await getTranslations("chair");
  const tr = await getTranslations("roles");
  const locale = await getLocale();
  const candidates = table.members.filter((m) => m.role !== "chair" && m.role !== "delegate" && !m.partyId);
  const mine = chairs.find((chair) => chair.membershipId === table.myMembershipId);
  return (
    <section aria-labelledby="chair">
      <h2 id="chair">{t("title")}</h2>
      {chairs.length === 0 ? (
        <p className="hint">{t("none")}</p>
      ) : (
        <ul className="plain-list" data-testid="chair-list">
          {chairs.map((chair) => (
            <li key={chair.membershipId} style={{ display: "block" }}>
              <strong>{chair.pseudonym}</strong>{" "}
              {chair.declaration ? (
                <>
                  <span className="badge state-met">
                    <Icon name="check" />
                    {t("declared", { date: formatDate(chair.declaration.signedAt, locale, "long") })}
                  </span>
                  <br />
                  <span className="hint">
                    {chair.declaration.appointer.kind === "member"
                      ? t("appointedBy", { pseudonym: chair.declaration.appointer.pseudonym })
                      : t(`appointer.${chair.declaration.appointer.kind}`)}
                    {" · "}
                    {t("ties", { ties: chair.declaration.declaredTies || t("noTies") })}
                  </span>
                </>
              ) : (
                <span className="badge state-not_met">
                  <Icon name="x" />
                  {t("undeclared")}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      <p className="hint">{t("noVote")}</p>
      {mine && !mine.declaration && table.may["chair.declare"] && (
        <div className="card">
          <h3 style={{ marginTop: 0 }}>{t("signTitle")}</h3>
          <p>{t("signLead")}</p>
          <ActionForm action={signChairDeclarationAction} submitLabel={t("sign")} savedMessage={t("signed")}>
            <input type="hidden" name="tableId" value={table.id} />
            <div className="field">
              <label>
                <input type="checkbox" name="holdsPoliticalOffice" /> {t("holdOfficeMyself")}
              </label>
            </div>
            <div className="field">
              <label htmlFor="own-ties">{t("declaredTies")}</label>
              <textarea id="own-ties" name="declaredTies" rows={2} maxLength={2000} />
            </div>
          </ActionForm>
        </div>
      )}
      {table.may["table.roles.change"] && candidates.length > 0 && (
        <details className="card">
          <summary>{t("appoint")}</summary>
          <p className="hint">{t("declaration")}</p>
          <ActionForm action={appointChairAction} submitLabel={t("appoint")} savedMessage={t("appointed")}>
            <input type="hidden" name="tableId" value={table.id} />
            <div className="field">
              <label htmlFor="chair-member">{t("member")}</label>
              <select id="chair-member" name="membershipId">
                {table.members
                  .filter((m) => m.role !== "chair")
                  .map((m) => (
                    <option key={m.membershipId} value={m.membershipId}>
                      {m.pseudonym} ({tr(m.role)})
                    </option>
                  ))}
              </select>
            </div>
            <div className="field">
              <label>
                <input type="checkbox" name="holdsPoliticalOffice" /> {t("holdsPoliticalOffice")}
              </label>
            </div>
            <div className="field">
              <label htmlFor="chair-ties">{t("declaredTies")}</label>
              <textarea id="chair-ties" name="declaredTies" rows={2} maxLength={2000} />
            </div>
          </ActionForm>
        </details>
      )}
    </section>
  );
}

export async function CommitmentsSection({ table, overview }: { table: Table; overview: Overview }) {
  const t = await getTranslations("commitments");
  const locale = await getLocale();
  const voice = (by: CommitmentVoice) => (by.kind === "former" ? t("formerMember") : by.kind === "party" ? by.name : by.pseudonym);
  const me = { role: table.myRole, partyId: table.myPartyId };
  const parties = table.myRole === "facilitator" ? overview.parties : overview.parties.filter((p) => p.id === table.myPartyId);
  return (
    <section aria-labelledby="commitments">
      <h2 id="commitments">{t("title")}</h2>
      {overview.commitments.length === 0 ? (
        <p className="hint">{t("none")}</p>
      ) : (
        <ul className="plain-list" data-testid="commitment-list">
          {overview.commitments.map((c) => (
            <li key={c.id} className="record-row">
              <span>
                <strong>{c.party.name}</strong>: {t(`kinds.${c.kind as (typeof COMMITMENT_KINDS)[number]}`)}
                {c.text && <span className="hint"> — {c.text}</span>}
                {c.breach && (
                  <>
                    <br />
                    <span className="hint" data-testid="breach-note">
                      {t("breachedNote", { note: c.breach.note })}
                    </span>
                    <br />
                    <span className="hint" data-testid="breach-marker">
                      {c.breach.at
                        ? t("breachedBy", { by: voice(c.breach.by), at: formatDateTime(c.breach.at, locale) })
                        : t("breachedByOnly", { by: voice(c.breach.by) })}
                    </span>
                  </>
                )}
                {c.responses.length > 0 && (
                  <ul className="breach-responses" data-testid="breach-responses" aria-label={t("responsesOf", { party: c.party.name })}>
                    {c.responses.map((r) => (
                      <li key={r.id}>
                        <span className="hint">{t("responseBy", { by: voice(r.by), at: formatDateTime(r.at, locale) })}</span> {r.text}
                      </li>
                    ))}
                  </ul>
                )}
              </span>
              <span className={`badge state-${c.status === "breached" ? "not_met" : "met"}`}>{t(`statuses.${c.status}`)}</span>
              {table.may["commitments.breach"] && c.status !== "breached" && (
                <details>
                  <summary>{t("breach")}</summary>
                  <ActionForm action={breachCommitmentAction} submitLabel={t("breach")} secondary>
                    <input type="hidden" name="tableId" value={table.id} />
                    <input type="hidden" name="commitmentId" value={c.id} />
                    <div className="field">
                      <label htmlFor={`breach-${c.id}`}>{t("breachNote")}</label>
                      <textarea id={`breach-${c.id}`} name="note" rows={2} maxLength={1000} />
                    </div>
                  </ActionForm>
                </details>
              )}
              {table.may["commitments.respond"] && breachResponseProblem(me, c) === null && (
                <details style={{ flexBasis: "100%" }}>
                  <summary>{t("respond", { party: c.party.name })}</summary>
                  <ActionForm action={respondToBreachAction} submitLabel={t("respondSubmit")} savedMessage={t("responded")}>
                    <input type="hidden" name="tableId" value={table.id} />
                    <input type="hidden" name="commitmentId" value={c.id} />
                    <p className="hint">{t("respondLead")}</p>
                    <div className="field">
                      <label htmlFor={`response-${c.id}`}>{t("responseText")}</label>
                      <textarea id={`response-${c.id}`} name="text" rows={3} maxLength={2000} />
                    </div>
                    <fieldset className="field">
                      <legend>{t("attribution")}</legend>
                      <label>
                        <input type="radio" name="attribution" value="organisation" defaultChecked /> {t("asOrganisation")}
                      </label>
                      <label>
                        <input type="radio" name="attribution" value="person" /> {t("asPerson")}
                      </label>
                    </fieldset>
                  </ActionForm>
                </details>
              )}
            </li>
          ))}
        </ul>
      )}
      {table.may["commitments.record"] && parties.length > 0 && (
        <details className="card">
          <summary>{t("add")}</summary>
          <ActionForm action={recordCommitmentAction} submitLabel={t("add")} savedMessage={t("added")}>
            <input type="hidden" name="tableId" value={table.id} />
            <div className="field">
              <label htmlFor="commitment-party">{t("party")}</label>
              <select id="commitment-party" name="partyId">
                {parties.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="commitment-kind">{t("kind")}</label>
              <select id="commitment-kind" name="kind" defaultValue="decisions_here">
                {COMMITMENT_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`kinds.${k}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="commitment-text">{t("text")}</label>
              <textarea id="commitment-text" name="text" rows={2} maxLength={1000} />
            </div>
          </ActionForm>
        </details>
      )}
    </section>
  );
}
