// What a notification is: its kind and the page it leads to. The text comes from the kind alone
// (messages "notifications.kinds.<kind>"), so it never names a person, a party or what a table is
// about: someone else may see the screen (privacy rule R5). The page it leads to checks membership.
import { NotificationKind } from "../../generated/prisma/enums.ts";
import { parseDocName } from "../docs/names.ts";

export const NOTIFICATION_KINDS = Object.values(NotificationKind);
export type { NotificationKind };

/** How many notifications the list shows: the newest ones. */
export const NOTIFICATION_LIST_SIZE = 50;

/**
 * Only a path inside Tafel may be stored or followed: no other site ("//host", "/\host"), no
 * scheme, no control characters. The same rule as the return path after signing in.
 */
export function isSameSitePath(link: string): boolean {
  if (!link.startsWith("/") || link.startsWith("//") || link.startsWith("/\\")) return false;
  return !/[\\\p{Cc}\s]/u.test(link);
}

/** The link if it stays on Tafel, otherwise null (a row written by anything else is never followed). */
export function sameSiteLink(link: string): string | null {
  return isSameSitePath(link) ? link : null;
}

export const tablePath = (tableId: string) => `/tables/${tableId}`;
export const measurePath = (tableId: string, measureId: string) => `/tables/${tableId}/measures/${measureId}`;
export const meetingPath = (tableId: string, meetingId: string) => `/tables/${tableId}/meetings/${meetingId}`;
export const compensationPath = (tableId: string) => `/tables/${tableId}/compensation`;

/** The page of a live document that a round is held on. */
export function documentPath(name: string): string {
  const ref = parseDocName(name);
  if (!ref) throw new Error(`no page for document ${name}`);
  switch (ref.kind) {
    case "problem":
      return `/tables/${ref.tableId}/problem`;
    case "minutes":
      return `${meetingPath(ref.tableId, ref.meetingId)}/minutes`;
    case "measure":
      return measurePath(ref.tableId, ref.measureId);
    case "notes":
      return `/tables/${ref.tableId}/notes`;
    case "perspective":
      return `/tables/${ref.tableId}/problem`;
  }
}
