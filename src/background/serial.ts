/**
 * One queue per kind of stored state: read-plan-write steps run one after another within this
 * worker, so an alarm-driven update and an agent's click never overwrite each other. A failed
 * step does not block the ones after it.
 */
export type Serial = <T>(step: () => Promise<T>) => Promise<T>;

export function createSerial(): Serial {
  let queue: Promise<unknown> = Promise.resolve();
  return <T>(step: () => Promise<T>): Promise<T> => {
    const run = queue.then(step, step);
    queue = run.catch(() => undefined);
    return run;
  };
}
