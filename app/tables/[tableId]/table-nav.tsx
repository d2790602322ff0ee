import Link from "next/link";
import { getTranslations } from "next-intl/server";

// The table's own pages, in the order a table works: set up, then define the problem and the
// facts, then the record. Every page of a table shows the same list, with the current one marked.
export const TABLE_PAGES = [
  { key: "overview", path: "" },
  { key: "parties", path: "/parties" },
  { key: "members", path: "/members" },
  { key: "phases", path: "/phases" },
  { key: "commitments", path: "/commitments" },
  { key: "chair", path: "/chair" },
  { key: "mandate", path: "/mandate" },
  { key: "problem", path: "/problem" },
  { key: "participation", path: "/participation" },
  { key: "facts", path: "/facts" },
  { key: "meetings", path: "/meetings" },
  { key: "measures", path: "/measures" },
  { key: "compensation", path: "/compensation" },
  { key: "notes", path: "/notes" },
  { key: "activity", path: "/activity" },
] as const;
export type TablePage = (typeof TABLE_PAGES)[number]["key"];

export async function TableNav({ tableId, title, current }: { tableId: string; title: string; current: TablePage }) {
  const t = await getTranslations("tableNav");
  return (
    <nav aria-label={t("label", { title })} className="table-nav">
      <ul>
        {TABLE_PAGES.map((page) => (
          <li key={page.key}>
            <Link href={`/tables/${tableId}${page.path}`} aria-current={page.key === current ? "page" : undefined}>
              {t(page.key)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
