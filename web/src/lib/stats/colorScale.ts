/**
 * The map's sequential colour scale: zero, then up to four classes of equal width up to the largest
 * value. The darkest class keeps a 3:1 contrast with the near-black region borders, so every border
 * stays visible; colour never carries a value alone (legend, each region's label, the table).
 */
import { formatCount } from './period';

/** Light to dark blue; each step is clearly apart from the next, and from the border colour #1e1e1e. */
const SCALE_COLOURS = ['#f1f5fb', '#c5d8ef', '#94b8e2', '#5f93cf', '#2f6db5'] as const;

interface ColourClass {
  colour: string;
  /** Smallest and largest value of the class, both included. */
  min: number;
  max: number;
  label: string;
}

/** The classes for values up to `max` (integers): `0`, then four ranges, fewer when `max` is small. */
const colourClasses = (max: number): ColourClass[] => {
  const zero: ColourClass = { colour: SCALE_COLOURS[0], min: 0, max: 0, label: '0' };
  if (max <= 0) return [zero];
  const step = Math.ceil(max / 4);
  const classes = [zero];
  for (let i = 0; i < 4 && i * step + 1 <= max; i++) {
    const min = i * step + 1;
    const top = Math.min((i + 1) * step, max);
    classes.push({
      colour: SCALE_COLOURS[i + 1] ?? SCALE_COLOURS[4],
      min,
      max: top,
      label: min === top ? formatCount(min) : `${formatCount(min)} à ${formatCount(top)}`,
    });
  }
  return classes;
};

/** The class a value falls in. */
const classOf = (classes: readonly ColourClass[], value: number): ColourClass =>
  classes.find((c) => value >= c.min && value <= c.max) ?? (classes[classes.length - 1] as ColourClass);

export type { ColourClass };
export { SCALE_COLOURS, classOf, colourClasses };
