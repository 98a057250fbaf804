import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';
import type { Plugin } from 'vite';

/**
 * In development, `/config.json` comes from the dev script (SOCLE_WEB_CONFIG), so a build never
 * carries a local configuration; in AWS the CDK stack deploys the real one.
 */
const devConfig = (): Plugin => ({
  name: 'socle-dev-config',
  apply: 'serve',
  configureServer(server) {
    server.middlewares.use('/config.json', (_req, res, next) => {
      const config = process.env.SOCLE_WEB_CONFIG;
      if (!config) return next();
      res.setHeader('content-type', 'application/json');
      res.setHeader('cache-control', 'no-store');
      res.end(config);
    });
  },
});

export default defineConfig({
  plugins: [devConfig(), sveltekit()],
  server: { port: 5173, strictPort: true },
});
