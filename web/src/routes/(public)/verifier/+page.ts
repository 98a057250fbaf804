/**
 * `/verifier` is a static page, rendered at build time: on a slow connection the form shows before
 * any script has run. (The root layout turns server rendering off for the app; this page has nothing
 * that depends on the browser until it is mounted, so it can be rendered at build time.)
 */
export const prerender = true;
export const ssr = true;
