import type { participationMatrix } from "../../../../features/participation/queries.ts";
import type { ReportLabels } from "../../../../features/participation/report.ts";

type Matrix = Awaited<ReturnType<typeof participationMatrix>>;

/** A phase of the matrix by id, named as the sections show it ("" when it is not there). */
export function phaseNamer(matrix: Matrix, labels: Pick<ReportLabels, "phase">): (id: string) => string {
  return (id) => {
    const phase = matrix.phases.find((p) => p.id === id);
    return phase ? labels.phase(phase) : "";
  };
}
