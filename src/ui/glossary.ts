// The glossary: every RCU and sched_ext term the UI's prose uses, defined in two sentences in our own words,
// with the kernel file that explains it. `glossSegments` finds the terms in a piece of prose (pure).

export type TermId =
  'quiescent-state' | 'grace-period' | 'read-side' | 'call_rcu' | 'synchronize_rcu' | 'irq-work' | 'SCX_KICK_WAIT' | 'pnt_seq';

export interface GlossaryEntry {
  /** The term as the glossary heads it. */
  term: string;
  /** Two sentences, our words. */
  definition: string;
  /** Where the kernel explains it: a file in the kernel tree. */
  source: string;
  /** How the term is written in prose (matched whole-word, case-insensitively), longest first. */
  forms: string[];
}

export const GLOSSARY: Record<TermId, GlossaryEntry> = {
  'quiescent-state': {
    term: 'quiescent state',
    definition:
      'A moment when a CPU is certainly not inside any RCU read-side critical section, such as a context switch or time spent idle. A grace period ends once every CPU has passed through one.',
    source: 'Documentation/RCU/whatisRCU.rst',
    forms: ['quiescent states', 'quiescent state'],
  },
  'grace-period': {
    term: 'grace period',
    definition:
      'The wait RCU imposes before an old object may be freed: it lasts until every reader that might still see the object has finished. It ends when every CPU has reported a quiescent state.',
    source: 'Documentation/RCU/whatisRCU.rst',
    forms: ['grace periods', 'grace period'],
  },
  'read-side': {
    term: 'read-side critical section',
    definition:
      'The stretch of code in which a reader may use an RCU-protected pointer; with IRQs off, as in the kick irq work, the whole stretch counts as one. A grace period cannot end while any such section that began before it is still running.',
    source: 'Documentation/RCU/whatisRCU.rst',
    forms: ['read-side critical section', 'read-side section', 'RCU reader'],
  },
  call_rcu: {
    term: 'call_rcu()',
    definition:
      'Queues a callback, here the free of an old array, to run after the next grace period, and returns at once. The caller never sleeps; the memory stays allocated until the readers are done.',
    source: 'Documentation/RCU/whatisRCU.rst',
    forms: ['call_rcu()', 'call_rcu'],
  },
  synchronize_rcu: {
    term: 'synchronize_rcu()',
    definition:
      'Blocks the caller until a full grace period has passed, so every reader that started earlier has finished. After it returns, the caller may free what those readers could see.',
    source: 'Documentation/RCU/whatisRCU.rst',
    forms: ['synchronize_rcu()', 'synchronize_rcu'],
  },
  'irq-work': {
    term: 'irq work',
    definition:
      'A small function queued to run soon in hard-interrupt context on a chosen CPU, with IRQs off. sched_ext handles its kicks in one: kick_cpus_irq_workfn() reads the CPU’s kick pseqs array.',
    source: 'include/linux/irq_work.h and kernel/irq_work.c (no Documentation/ page)',
    forms: ['irq work'],
  },
  SCX_KICK_WAIT: {
    term: 'SCX_KICK_WAIT',
    definition:
      'A flag of scx_bpf_kick_cpu() that makes the kicking CPU wait, spinning with IRQs off, until the target has switched tasks. It compares the target’s pnt_seq with the snapshot kept in the kicker’s pseqs array.',
    source: 'Documentation/scheduler/sched-ext.rst (sched_ext); the flag: enum scx_kick_flags in kernel/sched/ext.c',
    forms: ['SCX_KICK_WAIT'],
  },
  pnt_seq: {
    term: 'pnt_seq',
    definition:
      'A per-CPU sequence number that grows when the CPU switches tasks; a kicker that waits records it and spins until it moves. v6.19 renames it kick_sync.',
    source: 'struct scx_rq in kernel/sched/sched.h; where it moves: kernel/sched/ext.c',
    forms: ['pnt_seq', 'kick_sync'],
  },
};

export type GlossSegment = string | { id: TermId; text: string };

const ALL_FORMS: { id: TermId; form: string }[] = (Object.keys(GLOSSARY) as TermId[])
  .flatMap((id) => GLOSSARY[id].forms.map((form) => ({ id, form })))
  .sort((a, b) => b.form.length - a.form.length);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const PATTERN = new RegExp(`(?<![\\w])(${ALL_FORMS.map((f) => escape(f.form)).join('|')})(?![\\w(])`, 'gi');

/** Split prose into plain text and glossary terms; each term is marked at its first appearance only. */
export function glossSegments(text: string): GlossSegment[] {
  const out: GlossSegment[] = [];
  const seen = new Set<TermId>();
  let last = 0;
  for (const m of text.matchAll(PATTERN)) {
    const found = ALL_FORMS.find((f) => f.form.toLowerCase() === m[0].toLowerCase());
    if (!found || seen.has(found.id)) continue;
    seen.add(found.id);
    if (m.index > last) out.push(text.slice(last, m.index));
    out.push({ id: found.id, text: m[0] });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}
