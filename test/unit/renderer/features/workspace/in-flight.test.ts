import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createInFlightGate } from '../../../../../renderer/features/workspace/in-flight.ts';
import type { Activity, Ran } from '../../../../../renderer/features/workspace/in-flight.ts';

/**
 * The workspace's in-flight owner (renderer/features/workspace/in-flight.ts): whatever the order
 * of presses and outcomes, at most one action runs, a refused press says what runs (so the UI can
 * say it) and never starts its action, and a finished or failed action frees the gate.
 */
type Model = { running: Activity | null };
type Real = {
  gate: ReturnType<typeof createInFlightGate>;
  seen: (Activity | null)[];
  pending: { settle: (fail: boolean) => void; result: Promise<Ran<string>> } | null;
  started: number;
};

class Start implements fc.AsyncCommand<Model, Real> {
  readonly activity: Activity;
  constructor(activity: Activity) {
    this.activity = activity;
  }
  check = () => true;
  async run(m: Model, r: Real) {
    const before = r.started;
    let settle!: (fail: boolean) => void;
    const result = r.gate.run(this.activity, () => {
      r.started++;
      return new Promise<string>((resolve, reject) => {
        settle = (fail) => (fail ? reject(new Error('service failed')) : resolve(this.activity));
      });
    });
    if (m.running === null) {
      expect(r.started).toBe(before + 1);
      expect(r.gate.current()).toBe(this.activity);
      expect(r.seen.at(-1)).toBe(this.activity);
      m.running = this.activity;
      r.pending = { settle, result };
    } else {
      expect(await result).toEqual({ ran: false, busyWith: m.running });
      expect(r.started).toBe(before);
      expect(r.gate.current()).toBe(m.running);
    }
  }
  toString = () => `start(${this.activity})`;
}

class Finish implements fc.AsyncCommand<Model, Real> {
  readonly fail: boolean;
  constructor(fail: boolean) {
    this.fail = fail;
  }
  check = (m: Readonly<Model>) => m.running !== null;
  async run(m: Model, r: Real) {
    const { settle, result } = r.pending!;
    settle(this.fail);
    if (this.fail) await expect(result).rejects.toThrow('service failed');
    else expect(await result).toEqual({ ran: true, value: m.running });
    expect(r.gate.current()).toBeNull();
    expect(r.seen.at(-1)).toBeNull();
    m.running = null;
    r.pending = null;
  }
  toString = () => `finish(${this.fail ? 'fail' : 'ok'})`;
}

describe('in-flight gate', () => {
  it('runs one action at a time and says which one refused presses wait for', async () => {
    const activity = fc.constantFrom<Activity>('refresh', 'review', 'push');
    const commands = [activity.map((a) => new Start(a)), fc.boolean().map((f) => new Finish(f))];
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 40 }), async (cmds) => {
        const seen: (Activity | null)[] = [];
        const real: Real = {
          gate: createInFlightGate((c) => seen.push(c)),
          seen,
          pending: null,
          started: 0,
        };
        await fc.asyncModelRun(() => ({ model: { running: null }, real }), cmds);
      }),
    );
  });
});
