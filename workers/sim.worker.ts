/// <reference lib="webworker" />
// The worker entry: the only place under workers/ that knows about comlink.
import { expose, transfer } from 'comlink';
import type { SimApi, StepView } from './api.ts';
import { simApi } from './simApi.ts';

/** The per-CPU columns of a step view: fresh arrays each call, so they move to the page instead of being copied. */
function columns(v: StepView): ArrayBuffer[] {
  const buffers = [v.cell, v.inReader, v.qsOwed, v.curClass, v.irq, v.needResched, v.pntSeq].map((a) => a.buffer as ArrayBuffer);
  return [...new Set(buffers)];
}

const api: SimApi = {
  ...simApi,
  stepView(runId, step) {
    const view = simApi.stepView(runId, step);
    return transfer(view, columns(view));
  },
};

expose(api, self);
