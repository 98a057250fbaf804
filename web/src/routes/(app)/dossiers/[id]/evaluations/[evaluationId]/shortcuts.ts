/**
 * Single-key entry on the grid: with focus inside a criterion group, A / N / E set the criterion's
 * status and move focus to the next criterion (its checked radio, or its first). Keys typed in a text
 * field are left alone, and so are keys with Ctrl, Alt or Meta.
 */
import type { CriterionStatus } from '@socle/domain';
import type { Attachment } from 'svelte/attachments';

const KEYS: Record<string, CriterionStatus> = { a: 'acquired', n: 'not_acquired', e: 'not_evaluated' };

/** Focus goes to the next criterion group, or to `[data-after-grid]` after the last one. */
const focusNext = (root: HTMLElement, group: HTMLElement) => {
  const groups = [...root.querySelectorAll<HTMLElement>('[data-criterion]')];
  const next = groups[groups.indexOf(group) + 1];
  const target = next
    ? (next.querySelector<HTMLInputElement>('input[type="radio"]:checked') ??
      next.querySelector<HTMLInputElement>('input[type="radio"]'))
    : document.querySelector<HTMLElement>('[data-after-grid]');
  target?.focus();
};

const gridShortcuts =
  (set: (code: string, status: CriterionStatus) => void): Attachment<HTMLElement> =>
  (root) => {
    const onkeydown = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      const status = KEYS[event.key.toLowerCase()];
      if (!status) return;
      const target = event.target as HTMLElement;
      if (target.closest('textarea, select, input:not([type="radio"]), [contenteditable="true"]')) return;
      const group = target.closest<HTMLElement>('[data-criterion]');
      const code = group?.dataset.criterion;
      if (!group || !code) return;
      event.preventDefault();
      set(code, status);
      focusNext(root, group);
    };
    root.addEventListener('keydown', onkeydown);
    return () => root.removeEventListener('keydown', onkeydown);
  };

export { gridShortcuts };
