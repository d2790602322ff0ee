import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { type ActionResult, runAction } from "./action-result.ts";
import { currentSession } from "./session.ts";

/** The signed-in person's account id; anyone else is sent to sign in. */
export async function signedInAccountId(): Promise<string> {
  const session = await currentSession();
  if (!session) redirect("/sign-in");
  return session.accountId;
}

/**
 * Runs a server action's work for the signed-in person and turns its AppError into a
 * translatable result. On success the page at `path` (with `layout`, every page below it too)
 * shows the change.
 */
export async function act<T>(path: string, work: (accountId: string) => Promise<T>, options: { layout?: boolean } = {}) {
  const accountId = await signedInAccountId();
  const result: ActionResult<T> = await runAction(() => work(accountId));
  // A table's pages share its data (the overview, members, parties...): refresh them all.
  const layout = options.layout ?? /^\/tables\/[^/]+$/.test(path);
  if (result.ok) revalidatePath(path, layout ? "layout" : undefined);
  return result;
}

/** Like act, for forms that only need to know that it worked. */
export async function actForForm(path: string, work: (accountId: string) => Promise<unknown>, options: { layout?: boolean } = {}) {
  return withoutData(await act(path, work, options));
}

export function withoutData(result: ActionResult<unknown>): ActionResult {
  return result.ok ? { ok: true, data: null } : result;
}
