// Legend for a sequential LUT: a gradient bar with labelled ticks and an optional marker
// (e.g. the value every cell currently has).
import type { ColorLut } from '../shared/colorLut.ts';

interface GradientLegendProps {
  title: string;
  lut: ColorLut;
  /** Positions along the bar as fractions 0..1. */
  ticks: readonly { fraction: number; label: string }[];
  marker?: { fraction: number; label: string };
}

export function GradientLegend({ title, lut, ticks, marker }: GradientLegendProps) {
  const stops = Array.from({ length: 9 }, (_, k) => lut.css[Math.round((k / 8) * (lut.size - 1))]);
  return (
    <div className="flex items-start gap-3 text-xs text-slate-700" aria-label={`${title} legend`}>
      <span className="pt-0.5 font-medium">{title}</span>
      <div className="relative w-96 max-w-full">
        <div className="h-3 rounded-sm" style={{ background: `linear-gradient(to right, ${stops.join(', ')})` }} />
        {marker && (
          <div
            className="absolute top-[-3px] h-[18px] w-0 border-l-2 border-slate-900"
            style={{ left: `${marker.fraction * 100}%` }}
            title={marker.label}
          />
        )}
        <div className="relative mt-0.5 h-4 text-[10px] text-slate-500">
          {ticks.map((t) => (
            <span key={t.label} className="absolute -translate-x-1/2 whitespace-nowrap" style={{ left: `${t.fraction * 100}%` }}>
              {t.label}
            </span>
          ))}
        </div>
      </div>
      {marker && <span className="pt-0.5 font-mono">{marker.label}</span>}
    </div>
  );
}
