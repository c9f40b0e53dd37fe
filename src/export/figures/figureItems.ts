// Menu items for figures: one PNG and one SVG item per figure, each building the figure when chosen
// (so it shows what is on screen then) and saving it under a name that says what it holds.
import { downloadBlob } from '../download.ts';
import type { ExportMenuItem } from '../ExportMenu.tsx';
import { figurePng, figureSvg, type Figure } from './figureFrame.ts';

export interface FigureChoice {
  /** "CPU grid", "Timeline, visible window"… */
  label: string;
  /** File name without extension. */
  fileStem: string;
  make: () => Figure;
}

/** "<label> (.png)" and "<label> (.svg)" items for a figure. */
export function figureItems(choice: FigureChoice, unavailable: string | null): ExportMenuItem[] {
  return [
    {
      label: `${choice.label} (.png)`,
      unavailable,
      run: async () => {
        const name = `${choice.fileStem}.png`;
        downloadBlob(name, await figurePng(choice.make()));
        return `Saved ${name}`;
      },
    },
    {
      label: `${choice.label} (.svg)`,
      unavailable,
      run: () => {
        const name = `${choice.fileStem}.svg`;
        downloadBlob(name, new Blob([figureSvg(choice.make())], { type: 'image/svg+xml' }));
        return Promise.resolve(`Saved ${name}`);
      },
    },
  ];
}
