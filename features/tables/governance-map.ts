// The governance map of a municipality: its tables (public ones, and those the viewer sits at),
// their mandates and responsible officials, and which policy domains are covered, twice, or not.
import type { DecisionPower, IssuingBody, TableStatus } from "../../generated/prisma/enums.ts";
import type { Db } from "../../prisma/db.ts";
import {
  type DomainPower,
  type MandateStanding,
  mandateHistory,
  mandateStanding,
  type Official,
  POLICY_DOMAINS,
  type PolicyDomain,
  SHARED_DECISION_POWERS,
} from "./mandates.ts";
import { actorFor, can } from "./policy.ts";
import { CURRENT_MEMBER } from "./queries.ts";

export type { PolicyDomain };

type MapEntry = {
  id: string;
  title: string;
  status: TableStatus;
  isMember: boolean;
  standing: MandateStanding;
  mandate: {
    issuingBody: IssuingBody;
    decisionReference: string;
    /** Each covered domain with the table's decision power there. */
    domains: DomainPower[];
    officials: Official[];
    dual: boolean;
  } | null;
};

/** Tables that could be on someone's map; the policy decides which of them actually are. */
function candidates(accountId: string | null) {
  return { OR: [{ publicSummary: true }, ...(accountId ? [{ memberships: { some: { accountId, ...CURRENT_MEMBER } } }] : [])] };
}

async function visibleTables(db: Db, accountId: string | null, where: object) {
  const tables = await db.table.findMany({
    where: { AND: [where, candidates(accountId)] },
    orderBy: { createdAt: "asc" },
    select: { id: true, title: true, municipality: true, status: true, publicSummary: true },
  });
  const memberships = accountId
    ? await db.membership.findMany({
        where: { accountId, tableId: { in: tables.map((table) => table.id) }, ...CURRENT_MEMBER },
        select: { tableId: true, role: true, party: { select: { type: true } } },
      })
    : [];
  return tables
    .map((table) => {
      const own = memberships.find((m) => m.tableId === table.id);
      const membership = own ? { role: own.role, partyType: own.party?.type ?? null } : null;
      return { ...table, isMember: Boolean(membership), actor: actorFor(accountId, membership) };
    })
    .filter((table) => can(table.actor, "table.map.view", table));
}

export async function municipalitiesVisibleTo(db: Db, accountId: string | null): Promise<string[]> {
  const tables = await visibleTables(db, accountId, { municipality: { not: "" } });
  return [...new Set(tables.map((table) => table.municipality))].sort((a, b) => a.localeCompare(b, "nl"));
}

export async function governanceMap(db: Db, accountId: string | null, municipality: string, now: Date) {
  const tables = await visibleTables(db, accountId, { municipality: { equals: municipality.trim(), mode: "insensitive" } });
  const entries: MapEntry[] = [];
  // One after the other: the embedded database serves one query at a time anyway.
  for (const table of tables) {
    const latest = (await mandateHistory(db, table.id))[0];
    entries.push({
      id: table.id,
      title: table.title,
      status: table.status,
      isMember: table.isMember,
      standing: mandateStanding(latest, now),
      mandate: latest
        ? {
            issuingBody: latest.issuingBody,
            decisionReference: latest.decisionReference,
            domains: latest.domains,
            officials: latest.officials,
            // Several responsible office-holders share this mandate (e.g. mayor and alderman).
            dual: latest.officials.length > 1,
          }
        : null,
    });
  }
  const coverage = POLICY_DOMAINS.map((domain) => {
    const powerIn = (e: MapEntry): DecisionPower | null => e.mandate?.domains.find((d) => d.domain === domain)?.decisionPower ?? null;
    const coveringTables = entries.filter((e) => powerIn(e) !== null && e.standing.state !== "lapsed");
    const officials = coveringTables.flatMap((e) =>
      (e.mandate?.officials ?? []).filter((o) => o.domains.includes(domain)).map((o) => ({ ...o, tableId: e.id, tableTitle: e.title })),
    );
    return {
      domain,
      // Per table the power it has in this domain: a table may co-decide on one domain and only advise on another.
      tables: coveringTables.map((e) => {
        const decisionPower = powerIn(e) as DecisionPower;
        return { id: e.id, title: e.title, decisionPower, shared: SHARED_DECISION_POWERS.includes(decisionPower) };
      }),
      officials,
      state: coveringTables.length === 0 ? "uncovered" : coveringTables.length > 1 ? "overlap" : "covered",
    };
  });
  return { municipality: municipality.trim(), tables: entries, coverage };
}
