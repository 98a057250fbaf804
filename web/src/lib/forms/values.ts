/** Form inputs give strings; optional API fields want null (to clear) or nothing (to omit). */

const blankToUndefined = (value: string): string | undefined => (value.trim() === '' ? undefined : value);

const blankToNull = (value: string): string | null => (value.trim() === '' ? null : value);

export { blankToNull, blankToUndefined };
