// Legend for a categorical LUT: one swatch per category (value k is drawn with lut entry k).
import type { ColorLut } from '../shared/colorLut.ts';

interface CategoryLegendProps {
  title: string;
  lut: ColorLut;
  labels: readonly string[];
}

export function CategoryLegend({ title, lut, labels }: CategoryLegendProps) {
  return (
    <ul className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-slate-700" aria-label={`${title} legend`}>
      <li className="font-medium">{title}</li>
      {labels.map((label, k) => (
        <li key={label} className="flex items-center gap-1.5">
          <span className="inline-block h-3 w-3 rounded-sm" style={{ background: lut.css[k] }} aria-hidden="true" />
          {label}
        </li>
      ))}
    </ul>
  );
}
