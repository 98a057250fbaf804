/** Users are French: zod's built-in messages (type errors, missing fields) are French too. */
import { z } from 'zod';

z.config(z.locales.fr());
