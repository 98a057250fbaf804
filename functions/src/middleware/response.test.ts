import { page } from '@socle/domain';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { ResponseShapeError, responseBody } from './response.ts';

const route = (schema: z.ZodType) => ({ id: 'sample', response: { schema } });

describe('responseBody', () => {
  const schema = page(z.object({ id: z.string(), holder: z.object({ firstName: z.string() }) }));

  it('drops every key the schema does not name, at any depth, even past a cast', () => {
    const stored = {
      items: [
        { id: 'a', pk: 'T#1', searchName: 'durand camille', holder: { firstName: 'Camille', gsi1pk: 'x' } },
      ],
      cursor: 'c',
      itemType: 'Page',
    };
    expect(responseBody(route(schema), stored)).toEqual({
      items: [{ id: 'a', holder: { firstName: 'Camille' } }],
      cursor: 'c',
    });
  });

  it('refuses a result the schema does not accept, naming the path, never the value', () => {
    const wrong = { items: [{ id: 'a', holder: { firstName: 1979 } }] };
    expect(() => responseBody(route(schema), wrong)).toThrow(ResponseShapeError);
    expect(() => responseBody(route(schema), wrong)).toThrow(/items\.0\.holder\.firstName/);
    expect(() => responseBody(route(schema), wrong)).not.toThrow(/1979/);
  });

  it('fills the defaults the schema declares', () => {
    const withDefault = z.object({ ids: z.array(z.string()).default([]) });
    expect(responseBody(route(withDefault), {})).toEqual({ ids: [] });
  });
});
