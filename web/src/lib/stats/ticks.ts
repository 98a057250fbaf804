/** Axis ticks of the charts: whole numbers, 1-2-5 steps, from 0 to at least the largest value. */

/** `niceTicks(37)` → `[0, 10, 20, 30, 40]`; `niceTicks(0)` → `[0, 1]`. */
const niceTicks = (max: number, target = 4): number[] => {
  if (max <= 0) return [0, 1];
  const rough = max / target;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude);
  const top = Math.ceil(max / step) * step;
  return Array.from({ length: top / step + 1 }, (_, i) => i * step);
};

export { niceTicks };
