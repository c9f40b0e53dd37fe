// Replays an SVG chart on screen (the memory chart is React-rendered SVG) through the Canvas2D API, so
// it becomes a figure like the canvas charts: into a real canvas for the PNG (the page's CSP allows no
// SVG-as-image), into the SVG recorder for the SVG. Reads the computed styles (Tailwind classes set the
// text's fill and size), follows transforms, and handles the elements our charts use: g, rect, line,
// path, circle, text; titles, defs and hit areas are left out.
import type { FigureContext } from './figureRegistry.ts';
import { SvgContext } from './SvgContext.ts';

const SKIP = new Set(['title', 'defs', 'clipPath', 'pattern', 'desc']);
/** A pattern fill (the old design's hatched panic band) as a flat colour. */
const PATTERN_FILL = '#fee2e2';

const paintOf = (v: string) =>
  v === 'none' || v === '' || v === 'transparent' || v === 'rgba(0, 0, 0, 0)' ? null : v.startsWith('url(') ? PATTERN_FILL : v;
const attr = (el: Element, name: string, def = 0) => {
  const v = el.getAttribute(name);
  return v === null ? def : parseFloat(v);
};

function applyClip(ctx: FigureContext, el: Element): void {
  const ref = /url\(["']?#([^"')]+)/.exec(el.getAttribute('clip-path') ?? '');
  const rect = ref ? el.ownerDocument.getElementById(ref[1])?.querySelector('rect') : null;
  if (!rect) return;
  ctx.beginPath();
  ctx.rect(attr(rect, 'x'), attr(rect, 'y'), attr(rect, 'width'), attr(rect, 'height'));
  ctx.clip();
}

function drawPath(ctx: FigureContext, d: string, fill: string | null, stroke: string | null): void {
  if (ctx instanceof SvgContext) return ctx.svgPath(d, fill !== null, stroke !== null);
  const p = new Path2D(d);
  if (fill) ctx.fill(p);
  if (stroke) ctx.stroke(p);
}

function drawElement(ctx: FigureContext, el: Element): void {
  if (SKIP.has(el.tagName) || !(el instanceof SVGElement)) return;
  const cs = getComputedStyle(el);
  if (cs.display === 'none' || cs.visibility === 'hidden') return;
  ctx.save();
  const t = (el as SVGGraphicsElement).transform?.baseVal.consolidate();
  if (t) ctx.transform(t.matrix.a, t.matrix.b, t.matrix.c, t.matrix.d, t.matrix.e, t.matrix.f);
  applyClip(ctx, el);
  const fill = paintOf(cs.fill);
  const stroke = paintOf(cs.stroke);
  ctx.globalAlpha = parseFloat(cs.opacity) * parseFloat(cs.fillOpacity || '1');
  if (fill) ctx.fillStyle = fill;
  if (stroke) {
    ctx.strokeStyle = stroke;
    ctx.lineWidth = parseFloat(cs.strokeWidth) || 1;
    ctx.setLineDash(cs.strokeDasharray === 'none' ? [] : cs.strokeDasharray.split(/[ ,]+/).map(parseFloat));
  }
  switch (el.tagName) {
    case 'rect': {
      const [x, y, w, h] = [attr(el, 'x'), attr(el, 'y'), attr(el, 'width'), attr(el, 'height')];
      if (fill && el.getAttribute('fill') !== 'transparent') ctx.fillRect(x, y, w, h);
      if (stroke) ctx.strokeRect(x, y, w, h);
      break;
    }
    case 'line':
      if (stroke) {
        ctx.beginPath();
        ctx.moveTo(attr(el, 'x1'), attr(el, 'y1'));
        ctx.lineTo(attr(el, 'x2'), attr(el, 'y2'));
        ctx.stroke();
      }
      break;
    case 'path':
      drawPath(ctx, el.getAttribute('d') ?? '', fill, stroke);
      break;
    case 'circle':
      ctx.beginPath();
      ctx.arc(attr(el, 'cx'), attr(el, 'cy'), attr(el, 'r'), 0, 2 * Math.PI);
      if (fill) ctx.fill();
      if (stroke) ctx.stroke();
      break;
    case 'text': {
      const size = parseFloat(cs.fontSize) || 10;
      ctx.font = `${cs.fontWeight} ${size}px ${cs.fontFamily}`;
      const anchor = cs.textAnchor;
      ctx.textAlign = anchor === 'middle' ? 'center' : anchor === 'end' ? 'right' : 'left';
      ctx.textBaseline = 'alphabetic';
      const dy = el.getAttribute('dy');
      const shift = dy?.endsWith('em') ? parseFloat(dy) * size : dy ? parseFloat(dy) : 0;
      if (fill) ctx.fillText(el.textContent ?? '', attr(el, 'x'), attr(el, 'y') + shift);
      break;
    }
    default:
      for (const child of Array.from(el.children)) drawElement(ctx, child);
  }
  ctx.restore();
}

/** Draws the chart `svg` (its CSS px size) into `ctx`. O(elements). */
export function drawSvgTree(ctx: FigureContext, svg: SVGSVGElement): void {
  for (const child of Array.from(svg.children)) drawElement(ctx, child);
}
