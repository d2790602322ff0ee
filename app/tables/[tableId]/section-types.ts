import type { tableOverview } from "../../../features/tables/overview.ts";
import type { tableForMember } from "../../../features/tables/queries.ts";

/** The table as the signed-in member sees it, and its overview, as the sections receive them. */
export type Table = Awaited<ReturnType<typeof tableForMember>>;
export type Overview = Awaited<ReturnType<typeof tableOverview>>;
