/**
 * Where a browser reaches the realtime server: REALTIME_URL behind a proxy, otherwise the host
 * the page was requested on with REALTIME_PORT. Decided per request, never at build time.
 */
export function realtimeAddress(options: { realtimeUrl?: string; port: number | string; requestHost: string; secure: boolean }): string {
  if (options.realtimeUrl) return options.realtimeUrl.replace(/\/$/, "").replace(/^http/, "ws");
  const hostname = new URL(`http://${options.requestHost}`).hostname;
  return `${options.secure ? "wss" : "ws"}://${hostname}:${options.port}`;
}
