import { describe, expect, it } from 'vitest';
import { routeFinder, routesServedBy } from './routeFinder.ts';
import { documentRoutes } from './routeOf/documents.ts';
import { routes } from './routes.ts';
import { LambdaName } from './routeTypes.ts';

describe('routeFinder', () => {
  it('finds the route of an id in its table, and refuses an id of another table', () => {
    // Prepare
    const routeOf = routeFinder(routesServedBy(LambdaName.META, routes));
    // Act & Assess
    expect(routeOf('health')).toMatchObject({ id: 'health', path: '/health', lambda: LambdaName.META });
    expect(() => routeOf('listDossiers' as 'health')).toThrow('no route listDossiers in this table');
  });
});

describe('the documents Lambda', () => {
  it('gathers every documents route of the table from the contexts it reads', () => {
    expect(documentRoutes.map((r) => r.id).sort()).toEqual(
      routes
        .filter((r) => r.lambda === LambdaName.DOCUMENTS)
        .map((r) => r.id)
        .sort(),
    );
  });
});
