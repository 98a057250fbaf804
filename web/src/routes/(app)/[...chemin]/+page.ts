import { error } from '@sveltejs/kit';
import type { PageLoad } from './$types';

/**
 * Any address no page answers: a 404 inside the app's layout, so that the page keeps the header and
 * the navigation (the root error page has neither). Routes with a fixed path always win over this one.
 */
export const load: PageLoad = () => {
  error(404, { message: "Cette page n'existe pas." });
};
