// Implementation of SimApi. Kept apart from the worker entry so Node tests can import it directly.
import type { SimApi } from './api.ts';
import { computeMemory } from './model/memory.ts';

export const simApi: SimApi = {
  memory: (params) => computeMemory(params),
};
