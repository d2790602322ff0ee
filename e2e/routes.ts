// Every page of the app, with how to reach it. accessibility.spec.ts checks each one with axe
// in both languages, and fails when a page under app/ is missing here.
export type RouteContext = { tableId: string; invitationToken: string; factId: string; meetingId: string };

export const ROUTES: { pattern: string; path: (ctx: RouteContext) => string; signedIn: boolean }[] = [
  { pattern: "/", path: () => "/", signedIn: false },
  { pattern: "/", path: () => "/", signedIn: true },
  { pattern: "/sign-in", path: () => "/sign-in", signedIn: false },
  { pattern: "/sign-up", path: () => "/sign-up", signedIn: false },
  { pattern: "/settings", path: () => "/settings", signedIn: true },
  { pattern: "/invite/[token]", path: (ctx) => `/invite/${ctx.invitationToken}`, signedIn: false },
  { pattern: "/tables/[tableId]", path: (ctx) => `/tables/${ctx.tableId}`, signedIn: true },
  { pattern: "/tables/[tableId]/parties", path: (ctx) => `/tables/${ctx.tableId}/parties`, signedIn: true },
  { pattern: "/tables/[tableId]/members", path: (ctx) => `/tables/${ctx.tableId}/members`, signedIn: true },
  { pattern: "/tables/[tableId]/phases", path: (ctx) => `/tables/${ctx.tableId}/phases`, signedIn: true },
  { pattern: "/tables/[tableId]/commitments", path: (ctx) => `/tables/${ctx.tableId}/commitments`, signedIn: true },
  { pattern: "/tables/[tableId]/chair", path: (ctx) => `/tables/${ctx.tableId}/chair`, signedIn: true },
  { pattern: "/tables/[tableId]/notes", path: (ctx) => `/tables/${ctx.tableId}/notes`, signedIn: true },
  {
    pattern: "/tables/[tableId]/problem",
    path: (ctx) => `/tables/${ctx.tableId}/problem?read=2&from=1&to=2`,
    signedIn: true,
  },
  { pattern: "/tables/[tableId]/mandate", path: (ctx) => `/tables/${ctx.tableId}/mandate`, signedIn: true },
  { pattern: "/tables/[tableId]/summary", path: (ctx) => `/tables/${ctx.tableId}/summary`, signedIn: false },
  { pattern: "/governance", path: () => "/governance?municipality=Lindendam", signedIn: true },
  { pattern: "/tables/[tableId]/participation", path: (ctx) => `/tables/${ctx.tableId}/participation`, signedIn: true },
  { pattern: "/tables/[tableId]/activity", path: (ctx) => `/tables/${ctx.tableId}/activity`, signedIn: true },
  { pattern: "/tables/[tableId]/facts", path: (ctx) => `/tables/${ctx.tableId}/facts`, signedIn: true },
  { pattern: "/tables/[tableId]/facts/new", path: (ctx) => `/tables/${ctx.tableId}/facts/new`, signedIn: true },
  { pattern: "/tables/[tableId]/facts/[factId]", path: (ctx) => `/tables/${ctx.tableId}/facts/${ctx.factId}`, signedIn: true },
  { pattern: "/tables/[tableId]/facts/[factId]/edit", path: (ctx) => `/tables/${ctx.tableId}/facts/${ctx.factId}/edit`, signedIn: true },
  { pattern: "/tables/[tableId]/facts/questions", path: (ctx) => `/tables/${ctx.tableId}/facts/questions`, signedIn: true },
  { pattern: "/tables/[tableId]/meetings", path: (ctx) => `/tables/${ctx.tableId}/meetings`, signedIn: true },
  { pattern: "/tables/[tableId]/meetings/[meetingId]", path: (ctx) => `/tables/${ctx.tableId}/meetings/${ctx.meetingId}`, signedIn: true },
  {
    pattern: "/tables/[tableId]/meetings/[meetingId]/console",
    path: (ctx) => `/tables/${ctx.tableId}/meetings/${ctx.meetingId}/console`,
    signedIn: true,
  },
  {
    pattern: "/tables/[tableId]/meetings/[meetingId]/minutes",
    path: (ctx) => `/tables/${ctx.tableId}/meetings/${ctx.meetingId}/minutes`,
    signedIn: true,
  },
  { pattern: "/tables/[tableId]/actions", path: (ctx) => `/tables/${ctx.tableId}/actions`, signedIn: true },
  { pattern: "/tables/[tableId]/compensation", path: (ctx) => `/tables/${ctx.tableId}/compensation`, signedIn: true },
  { pattern: "/_not-found", path: () => "/this-page-does-not-exist", signedIn: false },
];
