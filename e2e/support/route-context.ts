// A table with something in every section, for tests that visit every page of it: a public
// summary, a party, a mandate, the demo's measure, a fact register, problem versions and a meeting.
import { createInvitation } from "../../features/tables/commands.ts";
import { recordMandate } from "../../features/tables/mandates.ts";
import { addParty } from "../../features/tables/parties.ts";
import type { RouteContext } from "../routes.ts";
import { makeTable, seedDemoMeasure, seedMeeting, seedProblem, seedRegister, type TestAccount, testDb } from "./data.ts";

/** A filled table whose facilitator is `account`, and the ids its pages need. */
export async function filledTable(account: TestAccount): Promise<RouteContext> {
  const table = await makeTable([{ account, role: "facilitator" }]);
  const invitation = await createInvitation(testDb(), account.id, { tableId: table.id, role: "delegate" });
  // Fill the table so every section renders: a public summary, a party and a mandate.
  await testDb().table.update({
    where: { id: table.id },
    data: { publicSummary: true, policyQuestion: "Moet thuiswerk worden toegestaan?" },
  });
  await addParty(testDb(), account.id, table.id, { type: "sex_worker_organisation", name: "Stichting Rode Lantaarn" });
  await recordMandate(testDb(), account.id, table.id, {
    issuingBody: "college",
    decisionReference: "LD-2025-014",
    decisionDate: "2025-03-03",
    scope: "Een herzien artikel opstellen",
    domains: [
      { domain: "public_order", decisionPower: "binding_recommendation" },
      { domain: "care", decisionPower: "advisory" },
    ],
    termStart: "2025-03-03",
    termEnd: "2030-03-03",
    officials: [
      { office: "Burgemeester", portfolio: "Openbare orde", domains: ["public_order"] },
      { office: "Wethouder", portfolio: "Zorg", domains: ["care"] },
    ],
  });
  // The demo's measure, from its check to its decided review, so the measure page renders every
  // section. First: its check counts every party that has a delegate by then.
  const measureId = await seedDemoMeasure(account.id, table.id);
  // A fact with a link, a position and a question, so the register's pages render every section.
  const fact = await seedRegister(account.id, table.id);
  // Two versions, their diff and a closed round, so the problem page renders every section.
  await seedProblem(account.id, table.id);
  return {
    tableId: table.id,
    invitationToken: invitation.token,
    factId: fact,
    meetingId: await seedMeeting(account.id, table.id),
    measureId,
  };
}
