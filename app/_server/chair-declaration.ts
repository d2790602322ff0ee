import type { AcceptDeclaration } from "../../features/tables/chair.ts";

/** The independence declaration as ChairDeclarationFields sent it, for acceptInvitation. */
export function declarationFromForm(form: FormData): AcceptDeclaration {
  return {
    signed: form.get("declarationSigned") === "on",
    holdsPoliticalOffice: form.get("holdsPoliticalOffice") === "on",
    declaredTies: String(form.get("declaredTies") ?? ""),
  };
}
