// next-auth configuration: credentials only, a JWT cookie that carries nothing but the account
// id and the session id. Whether the session is still alive is always checked in the database.
import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "../../prisma/db.ts";
import { parseServerEnv } from "../config/env.ts";
import { isAppError } from "../shared/app-error.ts";
import { readClientAddress } from "./client-address.ts";
import { revokeSession } from "./sessions.ts";
import { signIn } from "./sign-in.ts";

export function authOptions(): AuthOptions {
  const env = parseServerEnv();
  return {
    secret: env.NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: env.SESSION_MAX_HOURS * 3600 },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "Tafel",
        credentials: { signInName: { type: "text" }, passphrase: { type: "password" }, code: { type: "text" } },
        async authorize(credentials, req) {
          try {
            const result = await signIn(
              getDb(),
              {
                signInName: credentials?.signInName,
                passphrase: credentials?.passphrase,
                code: credentials?.code,
                ip: readClientAddress(req?.headers),
              },
              { secret: env.NEXTAUTH_SECRET },
            );
            return { id: result.accountId, sid: result.sessionId };
          } catch (error) {
            // The code travels to the sign-in form, which shows the translated message.
            if (isAppError(error)) {
              throw new Error(error.details.retryAt ? `${error.code}|${error.details.retryAt}` : error.code);
            }
            throw error;
          }
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) return { sub: user.id, sid: (user as { sid?: string }).sid };
        return { sub: token.sub, sid: token.sid };
      },
      async session({ session, token }) {
        return { expires: session.expires, accountId: token.sub, sessionId: token.sid } as never;
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid === "string") await revokeSession(getDb(), token.sid, new Date());
      },
    },
  };
}
