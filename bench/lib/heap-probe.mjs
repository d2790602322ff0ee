// Loaded into a server process by the memory benchmarks only (node --expose-gc --import): on
// SIGUSR2 it collects garbage and writes the live heap and resident size to a file, so memory per
// document is measured from what is really retained, not from garbage not yet collected.
import { writeFileSync } from "node:fs";

process.on("SIGUSR2", () => {
  globalThis.gc?.();
  globalThis.gc?.();
  const usage = process.memoryUsage();
  writeFileSync(`${process.env.BENCH_HEAP_FILE ?? "/tmp"}/heap-${process.pid}.json`, JSON.stringify(usage));
});
