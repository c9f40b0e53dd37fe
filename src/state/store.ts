// The one bound store. Each feature adds a slice file and one line here (type + spread).
// Middlewares are applied once, here: devtools (dev builds only) and subscribeWithSelector.
import { create, type StateCreator } from 'zustand';
import { devtools, subscribeWithSelector } from 'zustand/middleware';
import { createMemorySlice, type MemorySlice } from './memorySlice.ts';
import { createParamsSlice, type ParamsSlice } from './paramsSlice.ts';
import { createRacesSlice, type RacesSlice } from './racesSlice.ts';
import { createExploreSlice, type ExploreSlice } from '../explore/exploreSlice.ts';
import { createLessonsSlice, type LessonsSlice } from '../lessons/lessonsSlice.ts';
import { createCompareSlice, type CompareSlice } from '../compare/compareSlice.ts';

export type AppState = ParamsSlice & MemorySlice & RacesSlice & ExploreSlice & CompareSlice & LessonsSlice;

/** Vite's DEV flag, read defensively: node tests type-check this file without vite/client types. */
function isDevBuild(): boolean {
  return (import.meta as { env?: { DEV?: boolean } }).env?.DEV === true;
}

type Middlewares = [['zustand/devtools', never], ['zustand/subscribeWithSelector', never]];

/** Type of a slice creator: `(set, get, store) => Slice`, with access to the whole AppState. */
export type AppStateCreator<Slice> = StateCreator<AppState, Middlewares, [], Slice>;

export const useAppStore = create<AppState>()(
  devtools(
    subscribeWithSelector((...a) => ({
      ...createParamsSlice(...a),
      ...createMemorySlice(...a),
      ...createRacesSlice(...a),
      ...createExploreSlice(...a),
      ...createCompareSlice(...a),
      ...createLessonsSlice(...a),
    })),
    { name: 'scx-kick-pseqs', enabled: isDevBuild() },
  ),
);
