/** Turns zod issues into field-level 400s: `{ path: 'candidate.lastName', message }`. */
import { ValidationError } from '@socle/domain';
import type { FieldIssue } from '@socle/domain';
import type { z } from 'zod';

const toFieldIssues = (error: z.ZodError, partName = 'body'): FieldIssue[] =>
  error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || partName,
    message: issue.message,
  }));

/** Parses a part of the request; `partName` names the field when the issue is on the whole part. */
const parsePart = <T extends z.ZodType>(schema: T, value: unknown, partName: string): z.output<T> => {
  const result = schema.safeParse(value);
  if (!result.success) throw new ValidationError(toFieldIssues(result.error, partName));
  return result.data;
};

export { parsePart, toFieldIssues };
