/**
 * Route lookups over one route table, so that a Lambda bundle holds only the tables it serves (the
 * schemas of the others are neither bundled nor built at cold start).
 */
import type { LambdaName, RouteDefinition } from './routeTypes.ts';

/**
 * `routeOf(id)` over `table`: the entry of that id, typed precisely (its schemas type the route's
 * implementation). An id of another table does not type-check.
 */
const routeFinder = <const Table extends readonly RouteDefinition[]>(table: Table) => {
  const byId = new Map<string, Table[number]>(table.map((route) => [route.id, route]));
  return <Id extends Table[number]['id']>(id: Id) => {
    const route = byId.get(id);
    if (!route) throw new Error(`no route ${id} in this table`);
    return route as Extract<Table[number], { id: Id }>;
  };
};

/** The routes of `tables` that `lambda` serves, typed as such. */
const routesServedBy = <L extends LambdaName, const Tables extends readonly (readonly RouteDefinition[])[]>(
  lambda: L,
  ...tables: Tables
) =>
  tables.flat().filter((route) => route.lambda === lambda) as Extract<
    Tables[number][number],
    { lambda: L }
  >[];

export { routeFinder, routesServedBy };
