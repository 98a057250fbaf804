import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/**
 * A static single-page app (S3 + CloudFront): every unknown path falls back to index.html and the
 * client router takes over. There is no SvelteKit server (no +page.server.ts, no hooks.server.ts).
 * @type {import('@sveltejs/kit').Config}
 */
const config = {
  preprocess: vitePreprocess(),
  compilerOptions: { runes: true },
  kit: {
    adapter: adapter({ fallback: 'index.html' }),
  },
};

export default config;
