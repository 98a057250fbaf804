export * from './routeTypes.ts';
export * from './routes.ts';
export * from './can.ts';
