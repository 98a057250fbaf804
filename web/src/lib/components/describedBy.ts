/**
 * The `aria-describedby` of a field whose hint and error sit at `{id}-aide` and `{id}-erreur`:
 * the hint first, then the error, undefined when there is neither.
 */
const describedBy = (id: string, hint: string | undefined, error: string | undefined): string | undefined =>
  [hint ? `${id}-aide` : '', error ? `${id}-erreur` : ''].filter(Boolean).join(' ') || undefined;

export { describedBy };
