import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { formatBase, formatFigure } from "../../../../../features/facts/format.ts";
import { LINK_TYPES, STANCES, SYMMETRIC_LINK_TYPES } from "../../../../../features/facts/model.ts";
import { type FactDetail, factChoices, factDetail } from "../../../../../features/facts/queries.ts";
import { isAppError } from "../../../../../features/shared/app-error.ts";
import { formatDateTime } from "../../../../../features/shared/dates.ts";
import type { FactQualifier } from "../../../../../generated/prisma/enums.ts";
import { getDb } from "../../../../../prisma/db.ts";
import {
  changeStatusAction,
  linkFactsAction,
  recordPositionAction,
  setWordingAction,
  unlinkFactsAction,
} from "../../../../_actions/facts.ts";
import { ActionForm } from "../../../../_components/action-form.tsx";
import { loadTable } from "../../load-table.ts";
import { StanceChip, StatusBadge } from "../stance.tsx";

type Props = { params: Promise<{ tableId: string; factId: string }> };

async function load(tableId: string, factId: string) {
  const loaded = await loadTable(tableId, `/tables/${tableId}/facts/${factId}`);
  try {
    return { ...loaded, detail: await factDetail(getDb(), loaded.session.accountId, tableId, factId) };
  } catch (error) {
    if (isAppError(error)) notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { tableId, factId } = await params;
  const { detail } = await load(tableId, factId);
  return { title: `${detail.fact.code} — ${detail.fact.title}` };
}

type By = FactDetail["proposedBy"];

export default async function FactPage({ params }: Props) {
  const { tableId, factId } = await params;
  const { session, table, detail } = await load(tableId, factId);
  const { fact } = detail;
  const t = await getTranslations("facts");
  const te = await getTranslations("errors");
  const tr = await getTranslations("decisionRules");
  const tl = await getTranslations("languageNames");
  const locale = await getLocale();
  const when = (at: Date) => formatDateTime(at, locale);
  const byName = (by: By) => by.party ?? by.pseudonym ?? t("formerMember");
  const figure = formatFigure(fact, locale, (q: FactQualifier) => t(`qualifiers.${q}`));
  const base = formatBase(fact, locale, {
    denominator: t("denominator"),
    denominatorUnknown: t("denominatorUnknown"),
    denominatorMissing: t("denominatorMissing"),
    numerator: t("numerator"),
    sampleSize: t("sampleSize"),
    unknownShare: t("unknownShare"),
  });
  const breakdown = (fact.breakdown as { label: string; value: number | null; unit: string }[]) ?? [];
  const assumptions = (fact.assumptions as { text: string; status: "met"; assessedBy: string }[]) ?? [];
  const settled = fact.status === "agreed" || fact.status === "agreed_to_disagree";
  const choices = detail.may["facts.link"] ? (await factChoices(getDb(), session.accountId, table.id)).filter((c) => c.id !== fact.id) : [];
  const linkLabel = (type: (typeof LINK_TYPES)[number], outgoing: boolean) =>
    outgoing || SYMMETRIC_LINK_TYPES.includes(type) ? t(`linkTypes.${type}`) : t(`linkIncoming.${type as "supersedes"}`);
  const item = (label: string, value: string | null | undefined) =>
    value ? (
      <div style={{ display: "contents" }}>
        <dt>{label}</dt>
        <dd lang={fact.language}>{value}</dd>
      </div>
    ) : null;

  return (
    <div className="stack">
      <p>
        <Link href={`/tables/${table.id}/facts`}>← {t("back")}</Link>
      </p>
      <h1>
        {fact.code} — <span lang={fact.language}>{fact.title}</span>
      </h1>
      <p className="row">
        <StatusBadge status={fact.status} label={t(`statuses.${fact.status}`)} />
        <span className="hint">{t("proposedBy", { name: byName(detail.proposedBy) })}</span>
        {fact.language !== locale && (
          <span className="hint">
            {t("recordLanguage", { language: tl.has(fact.language as "nl") ? tl(fact.language as "nl") : fact.language })}
          </span>
        )}
        {detail.may.edit && <Link href={`/tables/${table.id}/facts/${fact.id}/edit`}>{t("edit")}</Link>}
      </p>
      {fact.statement && (
        <p className="lead" lang={fact.language}>
          {fact.statement}
        </p>
      )}
      {fact.sourceTitle === "" && fact.originalSource === "" && <p className="alert alert-info">{t("sourceMissing")}</p>}

      <section aria-labelledby="wording" className="card">
        <h2 id="wording" style={{ marginTop: 0 }}>
          {t("wordingTitle")}
        </h2>
        <p className="hint">{t("wordingLead")}</p>
        {fact.citationWording ? (
          <blockquote className="wording" data-testid="citation-wording">
            {fact.citationWording}
          </blockquote>
        ) : (
          <p className="hint">{t("wordingNone")}</p>
        )}
        {settled && <p className="hint">{t("wordingFixed")}</p>}
        {detail.may.wording && (
          <ActionForm action={setWordingAction} submitLabel={t("saveWording")} savedMessage={t("saved")} secondary>
            <input type="hidden" name="tableId" value={table.id} />
            <input type="hidden" name="factId" value={fact.id} />
            <div className="field">
              <label htmlFor="wording-text">{t("fields.citationWording")}</label>
              <p className="hint" id="wording-hint">
                {t("wordingChangesPositions")}
              </p>
              <textarea
                id="wording-text"
                name="wording"
                rows={3}
                maxLength={2000}
                defaultValue={fact.citationWording}
                aria-describedby="wording-hint"
              />
            </div>
          </ActionForm>
        )}
      </section>

      <section aria-labelledby="positions">
        <h2 id="positions">{t("positionsTitle")}</h2>
        <p className="hint">{t("positionsLead")}</p>
        <p role="status" data-testid="fact-result">
          {t("result", {
            supporting: detail.result.supporting,
            counted: detail.result.counted,
            rule: tr(detail.decisionRule),
            passed: String(detail.result.passed),
          })}
        </p>
        {detail.result.sexWorkerObjection && (
          <p className="alert alert-error">
            <strong>{t("sexWorkerObjection")}</strong>
          </p>
        )}
        <ul className="positions" data-testid="positions">
          {detail.columns.map((column) => (
            <li key={column.partyId} data-party={column.name}>
              <h3 style={{ margin: "0 0 0.25rem", fontSize: "1rem" }}>{column.name}</h3>
              <StanceChip
                stance={column.latest?.stance ?? null}
                label={column.latest ? t(`stances.${column.latest.stance}`) : t("noAnswer")}
                stale={column.latest && !column.current ? t("staleNote") : undefined}
              />
              {column.latest?.reasoning && <p style={{ marginBottom: 0 }}>{column.latest.reasoning}</p>}
              {column.latest && (
                <p className="hint" style={{ marginBottom: 0 }}>
                  <time dateTime={column.latest.createdAt.toISOString()}>{when(column.latest.createdAt)}</time>
                </p>
              )}
            </li>
          ))}
        </ul>
        {detail.uncountedParties.length > 0 && (
          <p className="hint">{t("uncounted", { parties: detail.uncountedParties.map((p) => p.name ?? "").join(", ") })}</p>
        )}
        <p className="hint">{t("ruleHelp")}</p>
        {detail.may.position && detail.myParty && (
          <div className="card">
            <h3 style={{ marginTop: 0 }}>{t("yourPosition", { party: detail.myParty.name })}</h3>
            <p className="hint">{t("yourPositionHint")}</p>
            <ActionForm action={recordPositionAction} submitLabel={t("savePosition")} savedMessage={t("saved")}>
              <input type="hidden" name="tableId" value={table.id} />
              <input type="hidden" name="factId" value={fact.id} />
              <fieldset className="field">
                <legend>{t("position")}</legend>
                {STANCES.map((stance) => (
                  <label key={stance} style={{ display: "block" }}>
                    <input
                      type="radio"
                      name="stance"
                      value={stance}
                      defaultChecked={detail.columns.find((c) => c.partyId === detail.myParty?.id)?.latest?.stance === stance}
                    />{" "}
                    {t(`stances.${stance}`)}
                  </label>
                ))}
              </fieldset>
              <div className="field">
                <label htmlFor="position-reasoning">{t("reasoning")}</label>
                <p className="hint" id="position-reasoning-hint">
                  {t("reasoningHint")}
                </p>
                <textarea id="position-reasoning" name="reasoning" rows={3} maxLength={4000} aria-describedby="position-reasoning-hint" />
              </div>
            </ActionForm>
          </div>
        )}
      </section>

      {detail.statusOptions.length > 0 && (
        <section aria-labelledby="status" className="card">
          <h2 id="status" style={{ marginTop: 0 }}>
            {t("statusTitle")}
          </h2>
          <p className="hint">{t("statusLead")}</p>
          {detail.statusOptions.map((option) => (
            <div key={option.to} className="field">
              {option.refusal ? (
                <p className="hint">
                  <strong>{t("moveTo", { status: t(`statuses.${option.to}`) })}</strong> —{" "}
                  {t("blocked", {
                    reason: te(option.refusal, { supporting: detail.result.supporting, counted: detail.result.counted }),
                  })}
                </p>
              ) : (
                <ActionForm action={changeStatusAction} submitLabel={t("moveTo", { status: t(`statuses.${option.to}`) })} secondary>
                  <input type="hidden" name="tableId" value={table.id} />
                  <input type="hidden" name="factId" value={fact.id} />
                  <input type="hidden" name="to" value={option.to} />
                  <div className="field">
                    <label htmlFor={`status-reason-${option.to}`}>{t("statusReason")}</label>
                    {option.to === "retired" && (
                      <p className="hint" id={`status-reason-${option.to}-hint`}>
                        {t("statusReasonHint")}
                      </p>
                    )}
                    <input
                      id={`status-reason-${option.to}`}
                      type="text"
                      name="reason"
                      maxLength={1000}
                      aria-describedby={option.to === "retired" ? `status-reason-${option.to}-hint` : undefined}
                    />
                  </div>
                </ActionForm>
              )}
            </div>
          ))}
        </section>
      )}

      <section aria-labelledby="figure">
        <h2 id="figure">{t("groups.figure")}</h2>
        <dl className="facts" data-testid="fact-figure">
          {item(t("figure"), [figure, fact.valueDisplay && `(${t("asInSource")}: ${fact.valueDisplay})`].filter(Boolean).join(" "))}
          {item(t("fields.valueKind"), t(`valueKinds.${fact.valueKind}`))}
          {item(t("fields.unit"), fact.unit)}
          {base.length > 0 && item(t("base"), base.join(" · "))}
          {breakdown.length > 0 &&
            item(
              t("fields.breakdown"),
              breakdown.map((b) => `${b.label}: ${b.value ?? "?"}${fact.percentage ? "%" : ""}${b.unit ? ` ${b.unit}` : ""}`).join("; "),
            )}
          {item(t("fields.countedObject"), fact.countedObject)}
          {item(t("fields.definitionUsed"), fact.definitionUsed)}
          {item(t("fields.referencePeriod"), [fact.referencePeriod, fact.periodKind].filter(Boolean).join(" — "))}
          {item(t("fields.publication"), fact.publication)}
          {item(t("fields.timeAmbiguity"), fact.timeAmbiguity)}
          {item(t("fields.geography"), fact.geography)}
          {item(t("fields.sectorScope"), fact.sectorScope)}
          {item(t("fields.topic"), fact.topic)}
        </dl>
      </section>

      <section aria-labelledby="method">
        <h2 id="method">{t("groups.method")}</h2>
        <dl className="facts">
          {item(t("fields.evidenceKind"), t(`evidenceKinds.${fact.evidenceKind}`))}
          {item(t("fields.methodDescription"), fact.methodDescription)}
        </dl>
        {assumptions.length > 0 && (
          <>
            <h3>{t("fields.assumptions")}</h3>
            <ul lang={fact.language}>
              {assumptions.map((assumption) => (
                <li key={assumption.text}>
                  {assumption.text} — <strong lang={locale}>{t(`assumptionStatuses.${assumption.status}`)}</strong>
                  {assumption.assessedBy && <span className="hint"> ({assumption.assessedBy})</span>}
                </li>
              ))}
            </ul>
          </>
        )}
        {fact.weaknesses.length > 0 && (
          <>
            <h3>{t("fields.weaknesses")}</h3>
            <ul lang={fact.language}>
              {fact.weaknesses.map((weakness) => (
                <li key={weakness}>{weakness}</li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby="source">
        <h2 id="source">{t("groups.source")}</h2>
        <dl className="facts">
          {item(t("fields.sourceTitle"), [fact.sourceTitle, fact.sourceLocator].filter(Boolean).join(", "))}
          {item(t("fields.originalSource"), fact.originalSource)}
        </dl>
        {fact.citationChain.length > 0 && (
          <>
            <h3>{t("fields.citationChain")}</h3>
            <ol lang={fact.language}>
              {fact.citationChain.map((step) => (
                <li key={step}>{step}</li>
              ))}
            </ol>
          </>
        )}
        {fact.caveats.length > 0 && (
          <>
            <h3>{t("fields.caveats")}</h3>
            <ul lang={fact.language}>
              {fact.caveats.map((caveat) => (
                <li key={caveat}>{caveat}</li>
              ))}
            </ul>
          </>
        )}
        {fact.frameNote && (
          <>
            <h3>{t("fields.frameNote")}</h3>
            <p lang={fact.language}>{fact.frameNote}</p>
          </>
        )}
      </section>

      <section aria-labelledby="links">
        <h2 id="links">{t("linksTitle")}</h2>
        {detail.links.length === 0 ? (
          <p className="hint">{t("noLinks")}</p>
        ) : (
          <ul className="plain-list" data-testid="fact-links">
            {detail.links.map((link) => (
              <li key={link.id}>
                <span>
                  {linkLabel(link.type, link.outgoing)}{" "}
                  <Link href={`/tables/${table.id}/facts/${link.other.id}`}>
                    {link.other.code} — {link.other.title}
                  </Link>
                  {link.note && <span className="hint"> — {link.note}</span>}
                  {link.removed && <span className="badge">{t("removed")}</span>}
                </span>
                {link.mayRemove && (
                  <ActionForm action={unlinkFactsAction} submitLabel={t("removeLink")} secondary>
                    <input type="hidden" name="tableId" value={table.id} />
                    <input type="hidden" name="linkId" value={link.id} />
                  </ActionForm>
                )}
              </li>
            ))}
          </ul>
        )}
        {detail.may["facts.link"] && choices.length > 0 && (
          <details>
            <summary>{t("addLink")}</summary>
            <ActionForm action={linkFactsAction} submitLabel={t("saveLink")} savedMessage={t("saved")}>
              <input type="hidden" name="tableId" value={table.id} />
              <input type="hidden" name="factId" value={fact.id} />
              <div className="row">
                <div className="field">
                  <label htmlFor="link-type">{t("linkType")}</label>
                  <select id="link-type" name="type">
                    {LINK_TYPES.map((type) => (
                      <option key={type} value={type}>
                        {t(`linkTypes.${type}`)}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="field">
                  <label htmlFor="link-target">{t("linkTarget")}</label>
                  <select id="link-target" name="target">
                    {choices.map((choice) => (
                      <option key={choice.id} value={choice.id}>
                        {choice.code} — {choice.title}
                      </option>
                    ))}
                  </select>
                </div>
              </div>
              <div className="field">
                <label htmlFor="link-note">{t("linkNote")}</label>
                <input id="link-note" type="text" name="note" maxLength={500} />
              </div>
            </ActionForm>
          </details>
        )}
      </section>

      {detail.answeredBy.length > 0 && (
        <section aria-labelledby="answers">
          <h2 id="answers">{t("answersTitle")}</h2>
          <ul>
            {detail.answeredBy.map((answer) => (
              <li key={answer.questionId}>
                <Link href={`/tables/${table.id}/facts/questions#q-${answer.questionId}`}>{answer.question}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="history">
        <h2 id="history">{t("historyTitle")}</h2>
        <details>
          <summary>{t("statusChanges")}</summary>
          {detail.history.statusChanges.length === 0 ? (
            <p className="hint">{t("noHistory")}</p>
          ) : (
            <ol>
              {detail.history.statusChanges.map((change) => (
                <li key={change.id}>
                  {t("statusChange", { from: t(`statuses.${change.from}`), to: t(`statuses.${change.to}`) })}
                  {change.reason && ` — ${change.reason}`}
                  {change.wording && <> — {t("settledWording", { wording: change.wording })}</>}
                  <br />
                  <span className="hint">{t("byAt", { by: byName(change.by), at: when(change.at) })}</span>
                </li>
              ))}
            </ol>
          )}
        </details>
        <details>
          <summary>{t("positionHistory")}</summary>
          {detail.history.positions.length === 0 ? (
            <p className="hint">{t("noHistory")}</p>
          ) : (
            <ol>
              {detail.history.positions.map((position) => (
                <li key={position.id}>
                  <strong>{position.party}</strong>: {t(`stances.${position.stance}`)}
                  {position.reasoning && ` — ${position.reasoning}`}{" "}
                  <span className="hint">({t("revision", { revision: position.revision })})</span>
                  <br />
                  <span className="hint">{when(position.at)}</span>
                </li>
              ))}
            </ol>
          )}
        </details>
        <details>
          <summary>{t("revisions")}</summary>
          <ol reversed>
            {detail.history.revisions.map((revision) => (
              <li key={revision.revision}>
                <strong>{t("revision", { revision: revision.revision })}</strong>
                {revision.note && ` — ${revision.note}`}
                <br />
                <span className="hint">{t("byAt", { by: byName(revision.by), at: when(revision.at) })}</span>
                {typeof revision.content.citationWording === "string" && revision.content.citationWording && (
                  <p className="hint" style={{ margin: 0 }}>
                    {t("settledWording", { wording: revision.content.citationWording })}
                  </p>
                )}
              </li>
            ))}
          </ol>
        </details>
      </section>
    </div>
  );
}
