/** Users are French: zod's built-in messages (type errors, missing fields) are French too. */
import * as z from 'zod';
// The one locale, imported alone: `z.locales.fr()` would bundle every locale into each Lambda.
import fr from 'zod/v4/locales/fr.js';

z.config(fr());
