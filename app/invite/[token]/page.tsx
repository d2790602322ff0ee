import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { isAppError } from "../../../features/shared/app-error.ts";
import { inspectInvitation } from "../../../features/tables/commands.ts";
import { getDb } from "../../../prisma/db.ts";
import { currentSession } from "../../_server/session.ts";
import { SignUpForm } from "../../sign-up/sign-up-form.tsx";
import { AcceptInvitation } from "./accept-invitation.tsx";

type Props = { params: Promise<{ token: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("invite"))("metaTitle") };
}

export default async function InvitePage({ params }: Props) {
  const { token } = await params;
  const t = await getTranslations("invite");
  const te = await getTranslations("errors");
  const tr = await getTranslations("roles");
  let invitation: Awaited<ReturnType<typeof inspectInvitation>>;
  try {
    invitation = await inspectInvitation(getDb(), token);
  } catch (error) {
    if (!isAppError(error)) throw error;
    return (
      <div className="stack">
        <h1>{t("cannotUse")}</h1>
        <p className="alert alert-error" role="alert">
          {te(error.code)}
        </p>
      </div>
    );
  }
  const session = await currentSession();
  const path = `/invite/${token}`;
  return (
    <div className="stack">
      <h1>{t("title", { table: invitation.tableTitle })}</h1>
      <p className="lead">
        {t("lead", {
          role: tr(invitation.role).toLocaleLowerCase(await getLocale()),
          hasParty: invitation.partyName ? "yes" : "no",
          party: invitation.partyName ?? "",
        })}
      </p>
      {invitation.role === "chair" && <p className="alert alert-info">{t("chairNote")}</p>}
      {session ? (
        <AcceptInvitation token={token} chair={invitation.role === "chair"} />
      ) : (
        <>
          <h2>{t("signUpToJoin")}</h2>
          <SignUpForm callbackUrl={path} invitation={token} chairDeclaration={invitation.role === "chair"} />
          <p>
            <Link href={`/sign-in?callbackUrl=${encodeURIComponent(path)}`}>{t("signInToJoin")}</Link>
          </p>
        </>
      )}
    </div>
  );
}
