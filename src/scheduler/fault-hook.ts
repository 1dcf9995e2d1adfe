/**
 * TEST AID ONLY. `FOLLOWTHROUGH_FAULT=<point>:<N>` makes the delivery loop kill its own process
 * with SIGKILL at a named point on the Nth row it reaches there: `mid-claim` (leased, nothing
 * else done), `before-send`, `after-send-before-commit` (delivered, not yet recorded); or the tick
 * thread after its Nth slice is committed: `mid-tick` (the rest of the tick not yet planned). The
 * crash tests use it to show that no reminder is lost and duplicates stay within the concurrency.
 * Read only by the delivery loop and the tick thread; unset, it does nothing.
 */
export const FAULT_POINTS = ['mid-claim', 'before-send', 'after-send-before-commit', 'mid-tick'] as const;
export type FaultPoint = (typeof FAULT_POINTS)[number];

export interface FaultHook {
  reached(point: FaultPoint): void;
}

export const noFaults: FaultHook = { reached() {} };

export function faultHookFrom(value: string | undefined, kill: () => void = () => process.kill(process.pid, 'SIGKILL')): FaultHook {
  const match = /^([a-z-]+):(\d+)$/.exec(value ?? '');
  if (!match || !(FAULT_POINTS as readonly string[]).includes(match[1])) return noFaults;
  const [point, nth] = [match[1] as FaultPoint, Number(match[2])];
  let count = 0;
  return {
    reached(at) {
      if (at === point && ++count === nth) kill();
    },
  };
}
