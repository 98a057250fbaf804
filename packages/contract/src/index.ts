export * from './routeTypes.ts';
export * from './routes.ts';
