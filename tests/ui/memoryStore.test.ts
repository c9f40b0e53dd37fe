import { beforeEach, describe, expect, it } from 'vitest';
import type { MemorySnapshot } from '../../workers/api.ts';
import { simApi } from '../../workers/simApi.ts';
import { useAppStore } from '../../src/state/store.ts';

const snapshot = (cpus: number): MemorySnapshot => simApi.memorySnapshot({ cpus, pageSize: 4096, nodes: 1 });

describe('params and memory slices', () => {
  beforeEach(() => useAppStore.setState(useAppStore.getInitialState(), true));

  it('clamps and rounds CPU and node counts', () => {
    const s = useAppStore.getState();
    s.setCpus(20000);
    expect(useAppStore.getState().cpus).toBe(16384);
    s.setCpus(0.4);
    expect(useAppStore.getState().cpus).toBe(1);
    s.setNodes(99);
    expect(useAppStore.getState().nodes).toBe(16);
  });

  it('notifies nobody on a no-op write', () => {
    let calls = 0;
    const stop = useAppStore.subscribe(() => calls++);
    const { cpus, pageSize, activeView } = useAppStore.getState();
    useAppStore.getState().setCpus(cpus);
    useAppStore.getState().setPageSize(pageSize);
    useAppStore.getState().setActiveView(activeView);
    useAppStore.getState().resetParams();
    stop();
    expect(calls).toBe(0);
  });

  it('keeps only the latest run: a stale result or error is ignored', () => {
    const s = useAppStore.getState();
    s.startMemoryRun(1);
    s.startMemoryRun(2);
    s.finishMemoryRun(1, snapshot(100));
    expect(useAppStore.getState().memoryRun).toMatchObject({ status: 'running', runId: 2, data: null });
    s.failMemoryRun(1, 'old failure');
    expect(useAppStore.getState().memoryRun.error).toBeNull();
    s.finishMemoryRun(2, snapshot(200));
    expect(useAppStore.getState().memoryRun.data?.report.cpus).toBe(200);
  });

  it('keeps the last data on screen while a new run is in flight or has failed', () => {
    const s = useAppStore.getState();
    s.startMemoryRun(1);
    s.finishMemoryRun(1, snapshot(64));
    s.startMemoryRun(2);
    expect(useAppStore.getState().memoryRun.data?.report.cpus).toBe(64);
    s.failMemoryRun(2, 'worker died');
    expect(useAppStore.getState().memoryRun).toMatchObject({ status: 'error', error: 'worker died' });
    expect(useAppStore.getState().memoryRun.data?.report.cpus).toBe(64);
  });
});
