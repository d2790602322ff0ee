import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Assessment } from "../../../features/tables/characteristics.ts";
import type { PolicyDomain } from "../../../features/tables/mandates.ts";
import { Icon, type IconName } from "../../_components/icons.tsx";

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
