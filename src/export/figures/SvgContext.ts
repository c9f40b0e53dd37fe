// A recorder with the part of the Canvas2D API our chart drawers use, emitting SVG: rects and paths stay
// vector, text stays text, and raw pixels (putImageData, drawImage of a canvas) become embedded PNG
// images. The exports draw a chart into it with the chart's own drawing function, so the SVG needs no
// render path of its own. Unit: one CSS pixel; `dpr` is what putImageData's device pixels are worth.

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const num = (n: number) => String(Math.round(n * 100) / 100);

interface State {
  fillStyle: string;
  strokeStyle: string;
  lineWidth: number;
  font: string;
  textAlign: CanvasTextAlign;
  textBaseline: CanvasTextBaseline;
  globalAlpha: number;
  tx: number;
  ty: number;
  /** Open <g> elements to close at restore(). */
  groups: number;
  dash: number[];
}

const ANCHOR: Record<CanvasTextAlign, string> = { left: 'start', start: 'start', center: 'middle', right: 'end', end: 'end' };
const BASELINE: Record<CanvasTextBaseline, string> = {
  alphabetic: 'alphabetic',
  top: 'text-before-edge',
  hanging: 'hanging',
  middle: 'central',
  ideographic: 'ideographic',
  bottom: 'text-after-edge',
};

export class SvgContext {
  private out: string[] = [];
  private path = '';
  private stack: State[] = [];
  private s: State = {
    fillStyle: '#000000',
    strokeStyle: '#000000',
    lineWidth: 1,
    font: '10px sans-serif',
    textAlign: 'start',
    textBaseline: 'alphabetic',
    globalAlpha: 1,
    tx: 0,
    ty: 0,
    groups: 0,
    dash: [],
  };
  private clipId = 0;
  private measurer: CanvasRenderingContext2D | null = null;
  imageSmoothingEnabled = true;

  constructor(
    readonly widthPx: number,
    readonly heightPx: number,
    readonly dpr = 2,
    /** Prefix of this recording's element ids (clip paths), unique within one document. */
    private readonly idPrefix = 'c',
  ) {}

  /** Inserts SVG markup as is (a nested recording), at the current position in the drawing order. */
  raw(markup: string): void {
    this.out.push(markup);
  }

  get fillStyle(): string {
    return this.s.fillStyle;
  }
  set fillStyle(v: string) {
    this.s.fillStyle = v;
  }
  get strokeStyle(): string {
    return this.s.strokeStyle;
  }
  set strokeStyle(v: string) {
    this.s.strokeStyle = v;
  }
  get lineWidth(): number {
    return this.s.lineWidth;
  }
  set lineWidth(v: number) {
    this.s.lineWidth = v;
  }
  get font(): string {
    return this.s.font;
  }
  set font(v: string) {
    this.s.font = v;
  }
  get textAlign(): CanvasTextAlign {
    return this.s.textAlign;
  }
  set textAlign(v: CanvasTextAlign) {
    this.s.textAlign = v;
  }
  get textBaseline(): CanvasTextBaseline {
    return this.s.textBaseline;
  }
  set textBaseline(v: CanvasTextBaseline) {
    this.s.textBaseline = v;
  }
  get globalAlpha(): number {
    return this.s.globalAlpha;
  }
  set globalAlpha(v: number) {
    this.s.globalAlpha = v;
  }

  private opacity(): string {
    return this.s.globalAlpha < 1 ? ` opacity="${num(this.s.globalAlpha)}"` : '';
  }
  private x(v: number) {
    return num(v + this.s.tx);
  }
  private y(v: number) {
    return num(v + this.s.ty);
  }

  save(): void {
    this.stack.push(this.s);
    this.s = { ...this.s, groups: 0 };
  }
  restore(): void {
    for (let i = 0; i < this.s.groups; i++) this.out.push('</g>');
    this.s = this.stack.pop() ?? this.s;
  }
  translate(x: number, y: number): void {
    this.s.tx += x;
    this.s.ty += y;
  }
  /** Only the translation is kept: the drawers scale by the device pixel ratio, which SVG does not need. */
  setTransform(a = 1, _b = 0, _c = 0, d = 1, e = 0, f = 0): void {
    this.s.tx = e / (a || 1);
    this.s.ty = f / (d || 1);
  }
  scale(): void {}
  /** A general transform: a group with that matrix, the translation so far folded into it. */
  transform(a: number, b: number, c: number, d: number, e: number, f: number): void {
    this.out.push(`<g transform="matrix(${[a, b, c, d, e + this.s.tx, f + this.s.ty].map(num).join(' ')})">`);
    this.s.groups++;
    this.s.tx = 0;
    this.s.ty = 0;
  }

  clearRect(): void {}
  fillRect(x: number, y: number, w: number, h: number): void {
    this.out.push(
      `<rect x="${this.x(x)}" y="${this.y(y)}" width="${num(w)}" height="${num(h)}" fill="${esc(this.s.fillStyle)}"${this.opacity()}/>`,
    );
  }
  strokeRect(x: number, y: number, w: number, h: number): void {
    this.out.push(
      `<rect x="${this.x(x)}" y="${this.y(y)}" width="${num(w)}" height="${num(h)}" fill="none" stroke="${esc(this.s.strokeStyle)}" stroke-width="${num(this.s.lineWidth)}"${this.opacity()}/>`,
    );
  }
  beginPath(): void {
    this.path = '';
  }
  moveTo(x: number, y: number): void {
    this.path += `M${this.x(x)} ${this.y(y)}`;
  }
  lineTo(x: number, y: number): void {
    this.path += `L${this.x(x)} ${this.y(y)}`;
  }
  closePath(): void {
    this.path += 'Z';
  }
  rect(x: number, y: number, w: number, h: number): void {
    this.path += `M${this.x(x)} ${this.y(y)}h${num(w)}v${num(h)}h${num(-w)}Z`;
  }
  fill(): void {
    if (this.path) this.out.push(`<path d="${this.path}" fill="${esc(this.s.fillStyle)}"${this.opacity()}/>`);
  }
  stroke(): void {
    if (this.path)
      this.out.push(
        `<path d="${this.path}" fill="none" stroke="${esc(this.s.strokeStyle)}" stroke-width="${num(this.s.lineWidth)}"${this.dashAttr()}${this.opacity()}/>`,
      );
  }
  clip(): void {
    const id = `${this.idPrefix}-clip${++this.clipId}`;
    this.out.push(`<clipPath id="${id}"><path d="${this.path}"/></clipPath><g clip-path="url(#${id})">`);
    this.s.groups++;
  }
  setLineDash(segments: number[]): void {
    this.s.dash = segments;
  }
  private dashAttr(): string {
    return this.s.dash.length ? ` stroke-dasharray="${this.s.dash.map(num).join(' ')}"` : '';
  }
  arc(x: number, y: number, r: number): void {
    const [cx, cy] = [x + this.s.tx, y + this.s.ty];
    this.path += `M${num(cx + r)} ${num(cy)}A${num(r)} ${num(r)} 0 1 0 ${num(cx - r)} ${num(cy)}A${num(r)} ${num(r)} 0 1 0 ${num(cx + r)} ${num(cy)}Z`;
  }
  /** An SVG path string (in the current coordinates), filled and/or stroked: the SVG walker's path. */
  svgPath(d: string, fill: boolean, stroke: boolean): void {
    const at = this.s.tx || this.s.ty ? ` transform="translate(${num(this.s.tx)} ${num(this.s.ty)})"` : '';
    const paint = `fill="${fill ? esc(this.s.fillStyle) : 'none'}"${stroke ? ` stroke="${esc(this.s.strokeStyle)}" stroke-width="${num(this.s.lineWidth)}"${this.dashAttr()}` : ''}`;
    this.out.push(`<path d="${esc(d)}"${at} ${paint}${this.opacity()}/>`);
  }

  fillText(text: string, x: number, y: number): void {
    const m = /(\d+(?:\.\d+)?)px\s+(.*)$/.exec(this.s.font);
    const weight = /\b(bold|[5-9]00)\b/.exec(this.s.font)?.[1];
    this.out.push(
      `<text x="${this.x(x)}" y="${this.y(y)}" font-size="${m ? m[1] : 10}" font-family="${esc(m ? m[2] : 'sans-serif')}"${weight ? ` font-weight="${weight}"` : ''} text-anchor="${ANCHOR[this.s.textAlign]}" dominant-baseline="${BASELINE[this.s.textBaseline]}" fill="${esc(this.s.fillStyle)}"${this.opacity()}>${esc(text)}</text>`,
    );
  }
  measureText(text: string): TextMetrics {
    this.measurer ??= document.createElement('canvas').getContext('2d');
    if (!this.measurer) return { width: text.length * 6 } as TextMetrics;
    this.measurer.font = this.s.font;
    return this.measurer.measureText(text);
  }

  private image(
    source: CanvasImageSource | ImageData,
    dx: number,
    dy: number,
    dw: number,
    dh: number,
    crop?: [number, number, number, number],
  ) {
    const canvas = document.createElement('canvas');
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    if (source instanceof ImageData) {
      canvas.width = source.width;
      canvas.height = source.height;
      ctx.putImageData(source, 0, 0);
    } else {
      const [sx, sy, sw, sh] = crop ?? [0, 0, (source as HTMLCanvasElement).width, (source as HTMLCanvasElement).height];
      canvas.width = Math.max(1, Math.round(sw));
      canvas.height = Math.max(1, Math.round(sh));
      ctx.drawImage(source, sx, sy, sw, sh, 0, 0, sw, sh);
    }
    const pixelated = this.imageSmoothingEnabled ? '' : ' style="image-rendering:pixelated"';
    this.out.push(
      `<image x="${this.x(dx)}" y="${this.y(dy)}" width="${num(dw)}" height="${num(dh)}" preserveAspectRatio="none"${pixelated} href="${canvas.toDataURL('image/png')}"/>`,
    );
  }
  /** Device pixels, untransformed (as the Canvas2D call): placed at dx/dpr, dy/dpr CSS px. */
  putImageData(data: ImageData, dx: number, dy: number): void {
    const { tx, ty } = this.s;
    this.s.tx = 0;
    this.s.ty = 0;
    this.image(data, dx / this.dpr, dy / this.dpr, data.width / this.dpr, data.height / this.dpr);
    this.s.tx = tx;
    this.s.ty = ty;
  }
  drawImage(source: CanvasImageSource, ...a: number[]): void {
    if (a.length === 8) this.image(source, a[4], a[5], a[6], a[7], [a[0], a[1], a[2], a[3]]);
    else if (a.length === 4) this.image(source, a[0], a[1], a[2], a[3]);
  }

  /** The recorded drawing as SVG elements (without the <svg> element). */
  body(): string {
    while (this.stack.length) this.restore();
    for (let i = 0; i < this.s.groups; i++) this.out.push('</g>');
    this.s.groups = 0;
    return this.out.join('\n');
  }

  /** Typed as the context the drawers take: they use only what this class implements. */
  asContext(): CanvasRenderingContext2D {
    return this as unknown as CanvasRenderingContext2D;
  }
}
