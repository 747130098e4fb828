// Greedy list scheduling for the seed: a few workers (database connections) and tasks in a preferred
// order, longest first; each idle worker takes the first task whose prerequisites have finished. So
// an index is built while other tables still load, and neither connection waits at a phase barrier.

export interface WorkerTask<W> {
  name: string;
  /** Names of tasks that must have finished first. */
  after?: readonly string[];
  run: (worker: W) => Promise<void>;
}

/** Runs every task once; when one fails, no new task starts and the first failure is thrown once the running ones end. */
export async function runOnWorkers<W>(workers: readonly W[], tasks: readonly WorkerTask<W>[]): Promise<void> {
  const names = new Set(tasks.map((task) => task.name));
  for (const task of tasks) {
    const missing = (task.after ?? []).filter((name) => !names.has(name));
    if (missing.length) throw new Error(`Task "${task.name}" waits for unknown task(s): ${missing.join(", ")}`);
  }
  const finished = new Set<string>();
  const started = new Set<WorkerTask<W>>();
  let failure: { error: unknown } | null = null;
  let waiting: (() => void)[] = [];
  const wakeAll = () => {
    const wake = waiting;
    waiting = [];
    for (const resume of wake) resume();
  };
  const nextReady = () => tasks.find((task) => !started.has(task) && (task.after ?? []).every((name) => finished.has(name)));

  const work = async (worker: W) => {
    while (!failure && started.size < tasks.length) {
      const task = nextReady();
      if (!task) {
        await new Promise<void>((resume) => waiting.push(resume));
        continue;
      }
      started.add(task);
      try {
        await task.run(worker);
        finished.add(task.name);
      } catch (error) {
        failure ??= { error };
      }
      wakeAll();
    }
  };
  await Promise.all(workers.map(work));
  if (failure) throw (failure as { error: unknown }).error;
}
