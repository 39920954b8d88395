/**
 * Hands out results in the order their tasks were submitted, whatever order they finish in:
 * each task takes a ticket when it is submitted and files its result under it; `put` returns
 * the results that are now next in line (none while an earlier task is still running). A sweep
 * writes results.csv this way, so the file is the same on any number of threads.
 */
export class InOrder<T> {
  private readonly waiting = new Map<number, T>();
  private next = 0;
  private issued = 0;

  /** The ticket of the next submitted task. */
  ticket(): number {
    return this.issued++;
  }

  /** Files the result of ticket `t`; returns the results ready to be written, in ticket order. */
  put(t: number, result: T): T[] {
    this.waiting.set(t, result);
    const ready: T[] = [];
    while (this.waiting.has(this.next)) {
      ready.push(this.waiting.get(this.next)!);
      this.waiting.delete(this.next++);
    }
    return ready;
  }
}
