// A single-page app served as static files: everything renders in the browser.
export const ssr = false;
export const prerender = false;
