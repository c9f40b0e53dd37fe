/// <reference lib="webworker" />
// The worker entry: the only place under workers/ that knows about comlink.
import { expose } from 'comlink';
import { simApi } from './simApi.ts';

expose(simApi, self);
