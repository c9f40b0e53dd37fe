// Driving a machine by actor names in step tests: whether an actor can move, one named step (failing with
// the actors that could move instead), and boot plus loader A's whole scx_enable().
import type { Machine } from '../../workers/model/sched/machine/core.ts';
import { actorName, parseActor } from '../../workers/model/sched/describe.ts';

export const names = (m: Machine) => m.script.loaders.map((l) => l.name);

export const can = (m: Machine, id: string) => m.isEnabled(parseActor(id, names(m), m.n)!);

/** Apply actor `id` `times` times; throws naming the actors that could move when it cannot. */
export function step(m: Machine, id: string, times = 1): void {
  for (let i = 0; i < times; i++) {
    const code = parseActor(id, names(m), m.n);
    if (code === null) throw new Error(`bad actor ${id}`);
    if (!m.isEnabled(code))
      throw new Error(
        `${id} cannot move; can: ${m
          .enabledActors()
          .map((a) => actorName(a, names(m)))
          .join(' ')}`,
      );
    m.apply(code);
  }
}

/** Boot and run loader A to completion (scx_enable()). */
export function bootAndEnable(m: Machine): void {
  step(m, 'boot');
  while (can(m, 'enable:A')) step(m, 'enable:A');
}
