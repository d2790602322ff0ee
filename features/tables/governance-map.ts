// The governance map of a municipality: its tables (public ones, and those the viewer sits at),
// their mandates and responsible officials, and which policy domains are covered, twice, or not.
import type { Db } from "../../prisma/db.ts";
import { mandateHistory, mandateStanding, POLICY_DOMAINS } from "./mandates.ts";

export type PolicyDomain = (typeof POLICY_DOMAINS)[number];

export async function municipalitiesVisibleTo(db: Db, accountId: string | null): Promise<string[]> {
  const rows = await db.table.findMany({
    where: { municipality: { not: "" }, OR: [{ publicSummary: true }, ...(accountId ? [{ memberships: { some: { accountId } } }] : [])] },
    select: { municipality: true },
    distinct: ["municipality"],
    orderBy: { municipality: "asc" },
  });
  return rows.map((row) => row.municipality);
}

export async function governanceMap(db: Db, accountId: string | null, municipality: string, now: Date) {
  const tables = await db.table.findMany({
    where: {
      municipality: { equals: municipality.trim(), mode: "insensitive" },
      OR: [{ publicSummary: true }, ...(accountId ? [{ memberships: { some: { accountId } } }] : [])],
    },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      title: true,
      status: true,
      publicSummary: true,
      memberships: accountId ? { where: { accountId }, select: { id: true } } : false,
    },
  });
  const entries = await Promise.all(
    tables.map(async (table) => {
      const latest = (await mandateHistory(db, table.id))[0];
      return {
        id: table.id,
        title: table.title,
        status: table.status,
        isMember: Boolean(accountId && table.memberships?.length),
        standing: mandateStanding(latest, now),
        mandate: latest
          ? {
              issuingBody: latest.issuingBody,
              decisionReference: latest.decisionReference,
              decisionPower: latest.decisionPower,
              domains: latest.domains as PolicyDomain[],
              officials: latest.officials,
            }
          : null,
      };
    }),
  );
  const coverage = POLICY_DOMAINS.map((domain) => {
    const coveringTables = entries.filter((e) => e.mandate?.domains.includes(domain) && e.standing.state !== "lapsed");
    const officials = coveringTables.flatMap((e) =>
      (e.mandate?.officials ?? []).filter((o) => o.domains.includes(domain)).map((o) => ({ ...o, tableId: e.id, tableTitle: e.title })),
    );
    return {
      domain,
      tables: coveringTables.map((e) => ({ id: e.id, title: e.title })),
      officials,
      state: coveringTables.length === 0 ? "uncovered" : coveringTables.length > 1 ? "overlap" : "covered",
    };
  });
  return { municipality: municipality.trim(), tables: entries, coverage };
}
