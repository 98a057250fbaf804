/**
 * The state of one form: field errors (from the shared zod schema locally, or from the API in the same
 * `{ path, message }` shape), the submit progress, a form-level message and the version conflict flag.
 */
import { goto } from '$app/navigation';
import { page } from '$app/state';
import { ApiError, NetworkError } from '$lib/api/errors';
import { loginPath } from '$lib/auth/oidc';
import { dossierStatusLabels } from '@socle/domain';
import type { DossierStatus } from '@socle/domain';
import { tick } from 'svelte';
import type { z } from 'zod';

interface FieldIssue {
  path: string;
  message: string;
}

interface FormStateOptions {
  /** Unique on the page: prefixes the ids of the fields. */
  id: string;
  /** Field labels by dotted path, for the error summary; `*` stands for an array index. */
  labels?: Record<string, string>;
  /** Messages shown for the API's rule codes (409 `{ error: code }`), in place of the server's text. */
  ruleMessages?: Record<string, string>;
}

const FORBIDDEN = "Vous n'avez pas accès à cette action.";
const NOT_FOUND = "Cet élément n'existe plus ou n'est plus accessible.";
const UNEXPECTED = 'Une erreur inattendue est survenue. Réessayez dans un instant.';

const invalidTransition = (status: string | undefined): string => {
  const label =
    status && Object.hasOwn(dossierStatusLabels, status)
      ? dossierStatusLabels[status as DossierStatus]
      : undefined;
  return label
    ? `Cette action n'est pas possible : le dossier est à l'état « ${label} ». Rechargez la page.`
    : "Cette action n'est pas possible dans l'état actuel. Rechargez la page.";
};

/**
 * Plainer messages than zod's defaults for an empty field or a value outside a list; the schemas'
 * own messages (e.g. 'adresse e-mail invalide') still win.
 */
const friendlyError = (issue: z.core.$ZodRawIssue): string | undefined => {
  if (issue.input === undefined || issue.input === '') return 'champ obligatoire';
  if (issue.code === 'invalid_value') return 'choisissez une valeur dans la liste';
  return undefined;
};

/** An empty field reads "champ obligatoire", whatever the schema says about the format it expects. */
const toIssues = (issues: readonly z.core.$ZodIssue[]): FieldIssue[] =>
  issues.map((i) => ({
    path: i.path.map(String).join('.'),
    message: i.input === '' || i.input === undefined ? 'champ obligatoire' : i.message,
  }));

class FormState {
  /** Error message by dotted field path. */
  errors = $state<Record<string, string>>({});
  submitting = $state(false);
  /** A message about the whole form (forbidden, rule violation, network). */
  message = $state<string | undefined>();
  /** True when the record changed since the form was filled (409 version_conflict). */
  conflict = $state(false);
  /** Kept for the lifetime of the form: a retry or double click of a create is not created twice. */
  idempotencyKey = crypto.randomUUID();

  readonly id: string;
  readonly #labels: Record<string, string>;
  readonly #ruleMessages: Record<string, string>;

  constructor({ id, labels = {}, ruleMessages = {} }: FormStateOptions) {
    this.id = id;
    this.#labels = labels;
    this.#ruleMessages = ruleMessages;
  }

  get summaryId(): string {
    return `${this.id}-erreurs`;
  }

  get hasErrors(): boolean {
    return Object.keys(this.errors).length > 0;
  }

  fieldId(path: string): string {
    return `${this.id}-${path.replace(/\./g, '-')}`;
  }

  labelOf(path: string): string {
    return this.#labels[path] ?? this.#labels[path.replace(/\.\d+(?=\.|$)/g, '.*')] ?? path;
  }

  /** Parses `input` with the schema; on failure shows the errors and returns undefined. */
  validate<S extends z.ZodType>(schema: S, input: unknown): z.output<S> | undefined {
    this.message = undefined;
    const result = schema.safeParse(input, { error: friendlyError, reportInput: true });
    if (result.success) {
      this.errors = {};
      return result.data;
    }
    void this.showErrors(toIssues(result.error.issues));
    return undefined;
  }

  /** Runs the submit action once at a time; API failures become field errors or a message. */
  async submit<T>(action: () => Promise<T>): Promise<T | undefined> {
    if (this.submitting) return undefined;
    this.submitting = true;
    this.message = undefined;
    this.conflict = false;
    try {
      const result = await action();
      this.errors = {};
      return result;
    } catch (e) {
      await this.#handle(e);
      return undefined;
    } finally {
      this.submitting = false;
    }
  }

  /** A fresh key once a create succeeded and the form is reused for another record. */
  renewKey(): void {
    this.idempotencyKey = crypto.randomUUID();
  }

  /** Shows the errors in the order of the fields on the page, and focuses the first invalid field. */
  async showErrors(issues: readonly FieldIssue[]): Promise<void> {
    const ordered = this.#inPageOrder(issues);
    const errors: Record<string, string> = {};
    for (const issue of ordered) errors[issue.path] ??= issue.message;
    this.errors = errors;
    await tick();
    const first = ordered[0];
    const target = first ? this.#focusable(first.path) : undefined;
    (target ?? document.getElementById(this.summaryId))?.focus();
  }

  /** Issues sorted by the position of their field in the document; those without a field come last. */
  #inPageOrder(issues: readonly FieldIssue[]): FieldIssue[] {
    const position = (issue: FieldIssue) => document.getElementById(this.fieldId(issue.path));
    return issues.toSorted((a, b) => {
      const ea = position(a);
      const eb = position(b);
      if (!ea || !eb || ea === eb) return ea && !eb ? -1 : eb && !ea ? 1 : 0;
      return ea.compareDocumentPosition(eb) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
    });
  }

  /** The field of a path, or the first control of a group (fieldset); undefined when none is shown. */
  #focusable(path: string): HTMLElement | undefined {
    const el = document.getElementById(this.fieldId(path));
    if (!el) return undefined;
    if (el.matches('input, select, textarea, button')) return el;
    return el.querySelector<HTMLElement>('input, select, textarea, button') ?? undefined;
  }

  async #handle(e: unknown): Promise<void> {
    if (e instanceof ApiError) {
      if (e.status === 401) {
        await goto(loginPath(page.url.pathname + page.url.search));
      } else if (e.status === 400 && e.body.fields?.length) {
        await this.showErrors(e.body.fields);
      } else if (e.status === 403) {
        this.message = FORBIDDEN;
      } else if (e.status === 404) {
        this.message = NOT_FOUND;
      } else if (Object.hasOwn(this.#ruleMessages, e.body.error)) {
        this.message = this.#ruleMessages[e.body.error];
      } else if (e.isVersionConflict) {
        this.conflict = true;
      } else if (e.body.error === 'invalid_transition') {
        this.message = invalidTransition(e.body.currentStatus);
      } else {
        this.message = e.message;
      }
    } else if (e instanceof NetworkError) {
      this.message = e.message;
    } else {
      console.error(e);
      this.message = UNEXPECTED;
    }
  }
}

export type { FieldIssue, FormStateOptions };
export { FormState };
