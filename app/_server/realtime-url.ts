import "server-only";
import { headers } from "next/headers";
import { parseServerEnv } from "../../features/config/env.ts";
import { realtimeAddress } from "../../features/config/realtime-address.ts";

export async function realtimeUrl(): Promise<string> {
  const env = parseServerEnv();
  const requestHeaders = await headers();
  const proto = requestHeaders.get("x-forwarded-proto") ?? new URL(env.NEXTAUTH_URL).protocol.replace(":", "");
  return realtimeAddress({
    realtimeUrl: env.REALTIME_URL,
    port: env.REALTIME_PORT,
    requestHost: requestHeaders.get("x-forwarded-host") ?? requestHeaders.get("host") ?? "127.0.0.1",
    secure: proto === "https",
  });
}
