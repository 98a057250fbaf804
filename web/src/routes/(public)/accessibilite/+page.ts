// A static page, rendered at build time like /verifier (readable before any script runs).
export const prerender = true;
export const ssr = true;
