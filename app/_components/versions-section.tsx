// The frozen versions of a live document: the list with who froze each, one version's text, and a
// word-level comparison of two. Shared by every versioned document (problem statement, measures).
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { FrozenBy } from "../../features/docs/frozen-by.ts";
import type { DiffPart } from "../../features/docs/versions.ts";
import { formatDateTime } from "../../features/shared/dates.ts";

type Props = {
  /** The page the version links and the comparison form point at. */
  basePath: string;
  versions: { id: string; number: number; sha256: string; createdAt: Date; frozenBy: FrozenBy }[];
  read: { number: number; html: string } | null;
  diff: { from: number; to: number; parts: DiffPart[] } | null;
};

export async function VersionsSection({ basePath, versions, read, diff }: Props) {
  const t = await getTranslations("problem");
  const locale = await getLocale();
  const formerMember = (await getTranslations("activity"))("formerMember");
  const who = (by: FrozenBy) => (by.kind === "party" ? by.name : by.kind === "person" ? by.pseudonym : formerMember);
  return (
    <section aria-labelledby="versions">
      <h2 id="versions">{t("versionsHeading")}</h2>
      {versions.length === 0 ? (
        <p className="hint">{t("versionsNone")}</p>
      ) : (
        <ol className="plain-list" data-testid="versions">
          {versions.map((version) => (
            <li key={version.id}>
              <strong>{t("version", { number: version.number })}</strong>{" "}
              <span className="hint">
                {t("frozenBy", { at: formatDateTime(version.createdAt, locale), who: who(version.frozenBy) })} ·{" "}
                {t("fingerprint", { hash: version.sha256.slice(0, 12) })}
              </span>{" "}
              <Link href={`${basePath}?read=${version.number}#version-text`}>{t("readVersion", { number: version.number })}</Link>
            </li>
          ))}
        </ol>
      )}
      {read && (
        <section aria-labelledby="version-text" className="version-text">
          <h3 id="version-text">{t("textOf", { number: read.number })}</h3>
          {/* Rendered on the server from the frozen state through the shared schema, escaped there. */}
          {/* biome-ignore lint/security/noDangerouslySetInnerHtml: HTML written by features/docs/render.ts from escaped text */}
          <div data-testid="version-html" dangerouslySetInnerHTML={{ __html: read.html }} />
        </section>
      )}
      {versions.length >= 2 && (
        <form method="get" action={basePath} className="row" aria-labelledby="compare-heading">
          <h3 id="compare-heading" className="visually-hidden">
            {t("compareHeading")}
          </h3>
          <div className="field">
            <label htmlFor="diff-from">{t("from")}</label>
            <select id="diff-from" name="from" defaultValue={String(diff?.from ?? versions[1]?.number)}>
              {versions.map((v) => (
                <option key={v.id} value={v.number}>
                  {t("version", { number: v.number })}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="diff-to">{t("to")}</label>
            <select id="diff-to" name="to" defaultValue={String(diff?.to ?? versions[0]?.number)}>
              {versions.map((v) => (
                <option key={v.id} value={v.number}>
                  {t("version", { number: v.number })}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="secondary">
            {t("compare")}
          </button>
        </form>
      )}
      {diff && (
        <section aria-labelledby="diff-heading">
          <h3 id="diff-heading">{t("diffHeading", { from: diff.from, to: diff.to })}</h3>
          <p className="hint">{t("diffLegend")}</p>
          {diff.parts.every((part) => part.kind === "same") ? (
            <p>{t("noChanges")}</p>
          ) : (
            <p className="diff" data-testid="version-diff">
              {diff.parts.map((part, index) =>
                part.kind === "added" ? (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the parts are a fixed list in reading order
                  <ins key={index}>
                    <span className="visually-hidden">[{t("inserted")} </span>
                    {part.text}
                    <span className="visually-hidden">]</span>
                  </ins>
                ) : part.kind === "removed" ? (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the parts are a fixed list in reading order
                  <del key={index}>
                    <span className="visually-hidden">[{t("deleted")} </span>
                    {part.text}
                    <span className="visually-hidden">]</span>
                  </del>
                ) : (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the parts are a fixed list in reading order
                  <span key={index}>{part.text}</span>
                ),
              )}
            </p>
          )}
        </section>
      )}
    </section>
  );
}
