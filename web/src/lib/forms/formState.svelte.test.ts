import { ApiError, NetworkError } from '$lib/api/errors';
import { flushSync } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as z from 'zod';

// SvelteKit's runtime modules exist only in the app: the navigation is recorded, the page is a URL.
const navigation = vi.hoisted(() => ({ goto: vi.fn(async (_url: string) => {}) }));
vi.mock('$app/navigation', () => navigation);
vi.mock('$app/state', () => ({ page: { url: new URL('https://socle.test/dossiers/01J?onglet=jury') } }));

const { FormState } = await import('./formState.svelte');

/**
 * The page as far as FormState sees it (there is no DOM library in this repository): elements by id,
 * in document order, with the controls they hold, and which one has the focus.
 */
class FakeElement {
  constructor(
    readonly page: FakePage,
    readonly id: string,
    readonly tag: string,
    readonly order: number,
    readonly controls: FakeElement[] = [],
  ) {}
  matches(selector: string): boolean {
    return selector.split(',').some((s) => s.trim() === this.tag);
  }
  querySelector(): FakeElement | null {
    return this.controls[0] ?? null;
  }
  focus(): void {
    this.page.focused = this.id || `${this.tag} in group`;
  }
  compareDocumentPosition(other: FakeElement): number {
    return other.order > this.order ? 4 /* FOLLOWING */ : 2 /* PRECEDING */;
  }
}

class FakePage {
  focused: string | undefined;
  readonly #elements = new Map<string, FakeElement>();
  /** Adds elements in document order: `['f-email', 'input']`, or a fieldset with its first control. */
  add(...elements: [id: string, tag: string][]): this {
    for (const [id, tag] of elements) {
      const order = this.#elements.size;
      const controls = tag === 'fieldset' ? [new FakeElement(this, '', 'input', order)] : [];
      this.#elements.set(id, new FakeElement(this, id, tag, order, controls));
    }
    return this;
  }
  getElementById(id: string): FakeElement | null {
    return this.#elements.get(id) ?? null;
  }
}

let page: FakePage;
beforeEach(() => {
  page = new FakePage();
  vi.stubGlobal('document', page);
  vi.stubGlobal('Node', { DOCUMENT_POSITION_FOLLOWING: 4 });
  navigation.goto.mockClear();
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const apiError = (status: number, body: Partial<ApiError['body']> & { error: string }) =>
  new ApiError(status, { message: `message du serveur (${body.error})`, ...body });

const Person = z.object({
  lastName: z.string().min(1),
  email: z.email({ error: 'adresse e-mail invalide' }),
  mode: z.enum(['on_site', 'remote']),
  age: z.number().int().min(16, { error: '16 ans au moins' }).optional(),
});

describe('the web project (vitest.config.ts)', () => {
  it('runs runes as the browser does: effects follow state (a server compile would never run them)', () => {
    const form = new FormState({ id: 'f' });
    const seen: boolean[] = [];
    const stop = $effect.root(() => {
      $effect(() => {
        seen.push(form.submitting);
      });
    });
    flushSync();
    form.submitting = true;
    flushSync();
    stop();
    expect(seen).toEqual([false, true]);
  });
});

describe('FormState: ids and labels', () => {
  it('prefixes field ids with the form id, dots become dashes', () => {
    const form = new FormState({ id: 'personne' });
    expect(form.fieldId('email')).toBe('personne-email');
    expect(form.fieldId('address.city')).toBe('personne-address-city');
    expect(form.summaryId).toBe('personne-erreurs');
  });

  it('finds the label of a path, an array index standing for `*`, or gives the path back', () => {
    const form = new FormState({
      id: 'f',
      labels: {
        email: 'Adresse e-mail',
        'sequences.*.date': 'Date de la séquence',
        'items.*.lines.*.qty': 'Quantité',
      },
    });
    expect(form.labelOf('email')).toBe('Adresse e-mail');
    expect(form.labelOf('sequences.2.date')).toBe('Date de la séquence');
    expect(form.labelOf('sequences.12.date')).toBe('Date de la séquence');
    expect(form.labelOf('items.0.lines.3.qty')).toBe('Quantité');
    expect(form.labelOf('phone')).toBe('phone');
  });
});

describe('FormState: validate', () => {
  it('returns the parsed data and clears earlier errors and message', () => {
    const form = new FormState({ id: 'f' });
    form.errors = { email: 'ancienne erreur' };
    form.message = 'ancien message';
    const data = form.validate(Person, { lastName: 'Martin', email: 'a@b.fr', mode: 'remote' });
    expect(data).toEqual({ lastName: 'Martin', email: 'a@b.fr', mode: 'remote' });
    expect(form.errors).toEqual({});
    expect(form.hasErrors).toBe(false);
    expect(form.message).toBeUndefined();
  });

  it('reads "champ obligatoire" for empty fields, keeps the schema’s own messages, plain words for a list', () => {
    const form = new FormState({ id: 'f' });
    const data = form.validate(Person, { lastName: '', email: 'pas-une-adresse', mode: 'ailleurs', age: 12 });
    expect(data).toBeUndefined();
    expect(form.errors).toEqual({
      lastName: 'champ obligatoire',
      email: 'adresse e-mail invalide',
      mode: 'choisissez une valeur dans la liste',
      age: '16 ans au moins',
    });
    expect(form.hasErrors).toBe(true);
  });

  it('says "champ obligatoire" for a missing field even when the schema names a format', () => {
    const form = new FormState({ id: 'f' });
    form.validate(Person, { lastName: 'Martin', mode: 'remote' });
    expect(form.errors).toEqual({ email: 'champ obligatoire' });
  });

  it('names nested fields by their dotted path', () => {
    const form = new FormState({ id: 'f' });
    const schema = z.object({
      sequences: z.array(z.object({ date: z.iso.date({ error: 'date invalide' }) })),
    });
    form.validate(schema, { sequences: [{ date: '2026-01-05' }, { date: '05/01/2026' }] });
    expect(form.errors).toEqual({ 'sequences.1.date': 'date invalide' });
  });
});

describe('FormState: showErrors (order and focus)', () => {
  it('orders the errors as the fields are on the page and focuses the first invalid field', async () => {
    page.add(['f-lastName', 'input'], ['f-email', 'input'], ['f-mode', 'select']);
    const form = new FormState({ id: 'f' });
    await form.showErrors([
      { path: 'mode', message: 'choisissez' },
      { path: 'email', message: 'invalide' },
    ]);
    expect(Object.keys(form.errors)).toEqual(['email', 'mode']);
    expect(page.focused).toBe('f-email');
  });

  it('keeps the first message of a field that has several', async () => {
    page.add(['f-email', 'input']);
    const form = new FormState({ id: 'f' });
    await form.showErrors([
      { path: 'email', message: 'premier' },
      { path: 'email', message: 'second' },
    ]);
    expect(form.errors).toEqual({ email: 'premier' });
  });

  it('puts errors without a field on the page last, and focuses the group’s first control', async () => {
    page.add(['f-mode', 'fieldset']);
    const form = new FormState({ id: 'f' });
    await form.showErrors([
      { path: 'internal', message: 'hors formulaire' },
      { path: 'mode', message: 'choisissez' },
    ]);
    expect(Object.keys(form.errors)).toEqual(['mode', 'internal']);
    expect(page.focused).toBe('input in group');
  });

  it('focuses the error summary when no invalid field is on the page', async () => {
    page.add(['f-erreurs', 'div']);
    const form = new FormState({ id: 'f' });
    await form.showErrors([{ path: 'internal', message: 'hors formulaire' }]);
    expect(form.errors).toEqual({ internal: 'hors formulaire' });
    expect(page.focused).toBe('f-erreurs');
  });
});

describe('FormState: submit lifecycle', () => {
  it('is submitting while the action runs, returns its result and clears the errors', async () => {
    const form = new FormState({ id: 'f' });
    form.errors = { email: 'invalide' };
    let release: (value: string) => void = () => {};
    const pending = form.submit(() => new Promise<string>((resolve) => (release = resolve)));
    expect(form.submitting).toBe(true);
    release('créé');
    expect(await pending).toBe('créé');
    expect(form.submitting).toBe(false);
    expect(form.errors).toEqual({});
  });

  it('ignores a second submit while the first runs (a double click sends once)', async () => {
    const form = new FormState({ id: 'f' });
    const action = vi.fn(async () => 'ok');
    const first = form.submit(action);
    const second = form.submit(action);
    expect(await second).toBeUndefined();
    expect(await first).toBe('ok');
    expect(action).toHaveBeenCalledTimes(1);
    // Once done, the next submit runs.
    expect(await form.submit(action)).toBe('ok');
    expect(action).toHaveBeenCalledTimes(2);
  });

  it('clears the message and the conflict of the previous attempt when submitting again', async () => {
    const form = new FormState({ id: 'f' });
    await form.submit(async () => {
      throw apiError(409, { error: 'version_conflict' });
    });
    expect(form.conflict).toBe(true);
    await form.submit(async () => {
      throw apiError(403, { error: 'forbidden' });
    });
    expect(form.conflict).toBe(false);
    expect(form.message).toBe("Vous n'avez pas accès à cette action.");
    await form.submit(async () => 'ok');
    expect(form.message).toBeUndefined();
    expect(form.submitting).toBe(false);
  });

  it('keeps one idempotency key across retries, a new one only when asked', async () => {
    const form = new FormState({ id: 'f' });
    const keys: string[] = [];
    await form.submit(async () => {
      keys.push(form.idempotencyKey);
      throw new NetworkError();
    });
    await form.submit(async () => keys.push(form.idempotencyKey));
    expect(keys[0]).toBe(keys[1]);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    form.renewKey();
    expect(form.idempotencyKey).not.toBe(keys[0]);
    expect(new FormState({ id: 'g' }).idempotencyKey).not.toBe(form.idempotencyKey);
  });
});

describe('FormState: API failures', () => {
  const fail = async (form: InstanceType<typeof FormState>, e: unknown) =>
    form.submit(async () => {
      throw e;
    });

  it('shows a 400’s fields as field errors, in page order, focusing the first', async () => {
    page.add(['f-firstName', 'input'], ['f-birthDate', 'input']);
    const form = new FormState({ id: 'f' });
    const result = await fail(
      form,
      apiError(400, {
        error: 'validation',
        fields: [
          { path: 'birthDate', message: 'date dans le futur' },
          { path: 'firstName', message: 'trop long' },
        ],
      }),
    );
    expect(result).toBeUndefined();
    expect(form.errors).toEqual({ firstName: 'trop long', birthDate: 'date dans le futur' });
    expect(Object.keys(form.errors)).toEqual(['firstName', 'birthDate']);
    expect(form.message).toBeUndefined();
    expect(page.focused).toBe('f-firstName');
    expect(form.submitting).toBe(false);
  });

  it('shows a 400 without fields as a message', async () => {
    const form = new FormState({ id: 'f' });
    await fail(form, apiError(400, { error: 'bad_request', message: 'Requête illisible.' }));
    expect(form.errors).toEqual({});
    expect(form.message).toBe('Requête illisible.');
  });

  it('sends a 401 to the sign-in page, coming back to this page with its query', async () => {
    const form = new FormState({ id: 'f' });
    await fail(form, apiError(401, { error: 'unauthorized' }));
    expect(navigation.goto).toHaveBeenCalledWith(
      `/connexion?retour=${encodeURIComponent('/dossiers/01J?onglet=jury')}`,
    );
    expect(form.message).toBeUndefined();
  });

  it.each([
    [403, 'forbidden', "Vous n'avez pas accès à cette action."],
    [404, 'not_found', "Cet élément n'existe plus ou n'est plus accessible."],
  ])('answers a %i in French, not with the server’s text', async (status, error, message) => {
    const form = new FormState({ id: 'f' });
    await fail(form, apiError(status, { error }));
    expect(form.message).toBe(message);
  });

  it('flags a version conflict without a message (the form shows its conflict notice)', async () => {
    const form = new FormState({ id: 'f' });
    await fail(form, apiError(409, { error: 'version_conflict', currentVersion: 7 }));
    expect(form.conflict).toBe(true);
    expect(form.message).toBeUndefined();
    expect(form.errors).toEqual({});
  });

  it('shows the form’s own message for a rule code, in place of the server’s', async () => {
    const form = new FormState({
      id: 'f',
      ruleMessages: { jury_quorum: 'Il faut trois membres présents.', version_conflict: 'Rechargez.' },
    });
    await fail(form, apiError(409, { error: 'jury_quorum' }));
    expect(form.message).toBe('Il faut trois membres présents.');
    // A rule message given for a code wins over the built-in handling of that code.
    await fail(form, apiError(409, { error: 'version_conflict' }));
    expect(form.message).toBe('Rechargez.');
    expect(form.conflict).toBe(false);
  });

  it('does not take an inherited property for a rule message', async () => {
    const form = new FormState({ id: 'f', ruleMessages: {} });
    await fail(form, apiError(409, { error: 'toString', message: 'Règle refusée.' }));
    expect(form.message).toBe('Règle refusée.');
  });

  it('names the dossier’s current state on an invalid transition, in French', async () => {
    const form = new FormState({ id: 'f' });
    await fail(form, apiError(409, { error: 'invalid_transition', currentStatus: 'eligible' }));
    expect(form.message).toBe(
      "Cette action n'est pas possible : le dossier est à l'état « Éligible au jury ». Rechargez la page.",
    );
  });

  it('never shows an unknown or missing state’s internal name', async () => {
    const form = new FormState({ id: 'f' });
    for (const currentStatus of ['some_new_state', undefined]) {
      await fail(
        form,
        apiError(409, { error: 'invalid_transition', ...(currentStatus ? { currentStatus } : {}) }),
      );
      expect(form.message).toBe("Cette action n'est pas possible dans l'état actuel. Rechargez la page.");
    }
  });

  // `status in dossierStatusLabels` would also find Object.prototype's members: a state named
  // `toString` read « function toString() { [native code] } ».
  it('does not take an inherited property for a state label', async () => {
    const form = new FormState({ id: 'f' });
    await fail(form, apiError(409, { error: 'invalid_transition', currentStatus: 'toString' }));
    expect(form.message).toBe("Cette action n'est pas possible dans l'état actuel. Rechargez la page.");
  });

  it('shows the server’s French message for any other refusal', async () => {
    const form = new FormState({ id: 'f' });
    await fail(form, apiError(409, { error: 'duplicate_dossier', message: 'Un dossier existe déjà.' }));
    expect(form.message).toBe('Un dossier existe déjà.');
    expect(form.conflict).toBe(false);
  });

  it('shows the network error’s sentence when the API cannot be reached', async () => {
    const form = new FormState({ id: 'f' });
    await fail(form, new NetworkError());
    expect(form.message).toBe('Le serveur ne répond pas. Vérifiez votre connexion puis réessayez.');
  });

  it('shows a generic French sentence for a bug, and logs it', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const form = new FormState({ id: 'f' });
    const bug = new TypeError("Cannot read properties of undefined (reading 'id')");
    await fail(form, bug);
    expect(form.message).toBe('Une erreur inattendue est survenue. Réessayez dans un instant.');
    expect(log).toHaveBeenCalledWith(bug);
    expect(form.submitting).toBe(false);
  });
});
