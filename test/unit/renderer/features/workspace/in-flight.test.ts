import fc from 'fast-check';
import { command } from '../../../../support/fc-command.ts';
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

const Start = (activity: Activity) =>
  command<Model, Real>(`start(${activity})`, async (m, r) => {
    const before = r.started;
    let settle!: (fail: boolean) => void;
    const result = r.gate.run(activity, () => {
      r.started++;
      return new Promise<string>((resolve, reject) => {
        settle = (fail) => (fail ? reject(new Error('service failed')) : resolve(activity));
      });
    });
    if (m.running === null) {
      expect(r.started).toBe(before + 1);
      expect(r.gate.current()).toBe(activity);
      expect(r.seen.at(-1)).toBe(activity);
      m.running = activity;
      r.pending = { settle, result };
    } else {
      expect(await result).toEqual({ ran: false, busyWith: m.running });
      expect(r.started).toBe(before);
      expect(r.gate.current()).toBe(m.running);
    }
  });

const Finish = (fail: boolean) =>
  command<Model, Real>(
    `finish(${fail ? 'fail' : 'ok'})`,
    async (m, r) => {
      const { settle, result } = r.pending!;
      settle(fail);
      if (fail) await expect(result).rejects.toThrow('service failed');
      else expect(await result).toEqual({ ran: true, value: m.running });
      expect(r.gate.current()).toBeNull();
      expect(r.seen.at(-1)).toBeNull();
      m.running = null;
      r.pending = null;
    },
    (m: Readonly<Model>) => m.running !== null,
  );

describe('in-flight gate', () => {
  it('runs one action at a time and says which one refused presses wait for', async () => {
    const activity = fc.constantFrom<Activity>('refresh', 'review', 'push');
    const commands = [activity.map((a) => Start(a)), fc.boolean().map((f) => Finish(f))];
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
