import { getTranslations } from "next-intl/server";
import { personalData } from "../../../../features/identity/personal-data.ts";
import { getDb } from "../../../../prisma/db.ts";
import { currentSession } from "../../../_server/session.ts";

/** The person's own data as one JSON file: saved, never cached on the way. */
export async function GET() {
  const session = await currentSession();
  if (!session) return new Response("Not signed in", { status: 401, headers: { "cache-control": "no-store" } });
  const data = await personalData(getDb(), session.accountId, new Date());
  if (!data) return new Response("Not signed in", { status: 401, headers: { "cache-control": "no-store" } });
  return new Response(`${JSON.stringify(data, null, 2)}\n`, {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="${(await getTranslations("personalData"))("filename")}.json"`,
      "cache-control": "no-store",
    },
  });
}
