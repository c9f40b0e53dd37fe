// One requestAnimationFrame for every canvas: draws requested in the same frame are coalesced,
// and the last request per key wins (Excalidraw's throttleRAF, Perfetto's single RAF loop).

type DrawFn = () => void;

const pending = new Map<string, DrawFn>();
let frame = 0;

function flush(): void {
  frame = 0;
  const draws = [...pending.values()];
  pending.clear();
  for (const draw of draws) draw();
}

/** Run `draw` in the next animation frame; a later request with the same key replaces it. */
export function requestDraw(key: string, draw: DrawFn): void {
  pending.set(key, draw);
  if (!frame) frame = requestAnimationFrame(flush);
}

/** Drop a pending draw (e.g. when its canvas unmounts). */
export function cancelDraw(key: string): void {
  pending.delete(key);
}

/** True while a draw waits for its frame. */
export function hasPendingDraw(): boolean {
  return pending.size > 0;
}
