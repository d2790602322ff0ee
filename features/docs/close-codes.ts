// WebSocket close codes of the realtime server, in one place for the server and the browser
// editor (which must tell "reconnect" from "reload" and "access ended").
export const CLOSE = {
  malformed: 1003,
  policy: 1008,
  tooBig: 1009,
  storageFailed: 1011,
  going: 1001,
  restart: 1012,
  sessionEnded: 4401,
  noAccess: 4403,
  reload: 4409,
} as const;
