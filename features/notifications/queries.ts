// A person's own notifications: how many are unread, the newest ones, and marking them read.
// Every read and write is scoped to the signed-in account; someone else's notification is
// NOT_FOUND, never FORBIDDEN, so its existence is not given away.
import type { Db } from "../../prisma/db.ts";
import { isUuid } from "../identity/sessions.ts";
import { AppError } from "../shared/app-error.ts";
import { NOTIFICATION_LIST_SIZE, type NotificationKind, sameSiteLink } from "./model.ts";

export type NotificationView = {
  id: string;
  kind: NotificationKind;
  /** Null when the stored link would leave Tafel: such a link is neither shown nor followed. */
  link: string | null;
  createdAt: Date;
  read: boolean;
};

export async function unreadCount(db: Db, accountId: string): Promise<number> {
  return db.notification.count({ where: { accountId, readAt: null } });
}

/** The newest notifications of this account, newest first. */
export async function notificationsOf(db: Db, accountId: string): Promise<NotificationView[]> {
  const rows = await db.notification.findMany({
    where: { accountId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: NOTIFICATION_LIST_SIZE,
    select: { id: true, kind: true, link: true, createdAt: true, readAt: true },
  });
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    link: sameSiteLink(row.link),
    createdAt: row.createdAt,
    read: row.readAt !== null,
  }));
}

/**
 * Marks one of the account's own notifications read (a second time changes nothing) and returns
 * where it leads, or null when its link would leave Tafel.
 */
export async function markRead(db: Db, accountId: string, notificationId: string, now = new Date()): Promise<{ link: string | null }> {
  if (!isUuid(notificationId)) throw new AppError("NOT_FOUND");
  const found = await db.notification.findFirst({ where: { id: notificationId, accountId }, select: { id: true, link: true } });
  if (!found) throw new AppError("NOT_FOUND");
  await db.notification.updateMany({ where: { id: found.id, accountId, readAt: null }, data: { readAt: now } });
  return { link: sameSiteLink(found.link) };
}

/** Marks every unread notification of the account read; returns how many. */
export async function markAllRead(db: Db, accountId: string, now = new Date()): Promise<number> {
  const { count } = await db.notification.updateMany({ where: { accountId, readAt: null }, data: { readAt: now } });
  return count;
}
