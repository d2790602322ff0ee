import { type NextRequest, NextResponse } from "next/server";
import { realtimeAddress } from "./features/config/realtime-address.ts";

// A fresh nonce per request lets Next's own inline scripts run and nothing else. The realtime
// server is a different origin (another port), so connect-src names it explicitly.
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const realtime = realtimeOrigin(request);
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${process.env.NODE_ENV === "development" ? " 'unsafe-eval'" : ""}`,
    // Editors set inline styles (caret colours); styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    `connect-src 'self' ${realtime}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

function realtimeOrigin(request: NextRequest): string {
  return new URL(
    realtimeAddress({
      realtimeUrl: process.env.REALTIME_URL,
      port: process.env.REALTIME_PORT ?? "1234",
      requestHost: request.headers.get("host") ?? request.nextUrl.host,
      secure: request.nextUrl.protocol === "https:",
    }),
  ).origin;
}

export const config = {
  matcher: [{ source: "/((?!api|_next/static|_next/image|favicon.ico).*)", missing: [{ type: "header", key: "next-router-prefetch" }] }],
};
