import { describe, expect, it } from "vitest";
import { runOnWorkers, type WorkerTask } from "@/bench/support/run-on-workers";

// The seed's scheduler: each idle worker takes the first task, in list order, whose prerequisites
// have finished; a failure stops new tasks and is thrown.

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function recorder() {
  const log: string[] = [];
  const task = (name: string, ms: number, after?: string[]): WorkerTask<string> => ({
    name,
    after,
    run: async (worker) => {
      log.push(`${worker} starts ${name}`);
      await tick(ms);
      log.push(`${worker} ends ${name}`);
    },
  });
  return { log, task };
}

describe("runOnWorkers", () => {
  it("keeps both workers busy, starting a task only after what it waits for has ended", async () => {
    const { log, task } = recorder();
    await runOnWorkers(["A", "B"], [task("long", 60), task("short", 10), task("index of long", 10, ["long"]), task("other", 10)]);
    // B finishes "short", skips the index (its table still loading) and takes "other".
    expect(log.indexOf("B starts other")).toBeLessThan(log.indexOf("A ends long"));
    expect(log.indexOf("A ends long")).toBeLessThan(log.findIndex((line) => line.endsWith("starts index of long")));
    expect(log.filter((line) => line.includes(" starts "))).toHaveLength(4);
  });

  it("starts nothing new after a failure and throws it once the running task has ended", async () => {
    const { log, task } = recorder();
    const failing: WorkerTask<string> = { name: "broken", run: async () => { await tick(5); throw new Error("INSERT failed"); } };
    await expect(runOnWorkers(["A", "B"], [task("slow", 30), failing, task("later", 5), task("waits", 5, ["slow"])])).rejects.toThrow("INSERT failed");
    expect(log).toContain("A ends slow");
    expect(log.some((line) => line.includes("later") || line.includes("waits"))).toBe(false);
  });

  it("refuses a task waiting for one that does not exist (it would wait forever)", async () => {
    const { task } = recorder();
    await expect(runOnWorkers(["A"], [task("index", 1, ["no such load"])])).rejects.toThrow('Task "index" waits for unknown task(s): no such load');
  });
});
