/**
 * Keyboard entry on the grid. There is no DOM library in this repository: a small element tree
 * answers the few selectors the module uses, and throws on any other, so a changed selector fails
 * here rather than passing unseen.
 */
import type { CriterionStatus } from '@socle/domain';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { gridShortcuts } from './shortcuts.ts';

const TEXT_FIELDS = 'textarea, select, input:not([type="radio"]), [contenteditable="true"]';

class El {
  readonly children: El[] = [];
  parent: El | undefined;
  checked = false;
  readonly #listeners = new Map<string, (event: unknown) => void>();
  constructor(
    readonly tag: string,
    readonly attrs: { type?: string; criterion?: string; afterGrid?: boolean; contenteditable?: string } = {},
  ) {}
  append(...children: El[]): this {
    for (const child of children) {
      child.parent = this;
      this.children.push(child);
    }
    return this;
  }
  get dataset(): { criterion?: string } {
    return { criterion: this.attrs.criterion };
  }
  #is(selector: string): boolean {
    if (selector === '[data-criterion]') return this.attrs.criterion !== undefined;
    if (selector === '[data-after-grid]') return this.attrs.afterGrid === true;
    if (selector === TEXT_FIELDS) {
      return (
        this.tag === 'textarea' ||
        this.tag === 'select' ||
        (this.tag === 'input' && this.attrs.type !== 'radio') ||
        this.attrs.contenteditable === 'true'
      );
    }
    if (selector === 'input[type="radio"]') return this.tag === 'input' && this.attrs.type === 'radio';
    if (selector === 'input[type="radio"]:checked') return this.#is('input[type="radio"]') && this.checked;
    throw new Error(`selector not known to the test: ${selector}`);
  }
  *#descendants(): Generator<El> {
    for (const child of this.children) {
      yield child;
      yield* child.#descendants();
    }
  }
  closest(selector: string): El | null {
    for (let e: El | undefined = this; e; e = e.parent) if (e.#is(selector)) return e;
    return null;
  }
  querySelector(selector: string): El | null {
    for (const e of this.#descendants()) if (e.#is(selector)) return e;
    return null;
  }
  querySelectorAll(selector: string): El[] {
    return [...this.#descendants()].filter((e) => e.#is(selector));
  }
  focus(): void {
    focused = this;
  }
  addEventListener(type: string, listener: (event: unknown) => void): void {
    this.#listeners.set(type, listener);
  }
  removeEventListener(type: string, listener: (event: unknown) => void): void {
    if (this.#listeners.get(type) === listener) this.#listeners.delete(type);
  }
  /** Dispatches a keydown from this element up to the root's listener; true when it was prevented. */
  press(
    key: string,
    modifiers: { ctrlKey?: boolean; metaKey?: boolean; altKey?: boolean } = {},
    prevented = false,
  ) {
    const event = {
      key,
      ctrlKey: false,
      metaKey: false,
      altKey: false,
      ...modifiers,
      defaultPrevented: prevented,
      target: this,
      preventDefault() {
        this.defaultPrevented = true;
      },
    };
    for (let e: El | undefined = this; e; e = e.parent) e.#listeners.get('keydown')?.(event);
    return event.defaultPrevented;
  }
}

let focused: El | undefined;

/** A criterion group as CriterionRow renders it: three radios and a note. */
const criterion = (code: string, checked?: 0 | 1 | 2) => {
  const radios = [0, 1, 2].map(() => new El('input', { type: 'radio' }));
  if (checked !== undefined) (radios[checked] as El).checked = true;
  const note = new El('textarea');
  const group = new El('fieldset', { criterion: code }).append(...radios, new El('label').append(note));
  return { group, radios, note };
};

let root: El;
let rows: ReturnType<typeof criterion>[];
let submit: El;
let marks: [string, CriterionStatus][];
let detach: () => void;

beforeEach(() => {
  rows = [criterion('1.1.1'), criterion('1.1.2', 1), criterion('1.2.1')];
  submit = new El('button', { afterGrid: true });
  root = new El('div').append(
    new El('section').append(rows[0]?.group as El, rows[1]?.group as El),
    new El('section').append(rows[2]?.group as El, new El('input', { type: 'text' })),
  );
  const body = new El('body').append(root, submit);
  vi.stubGlobal('document', { querySelector: (s: string) => body.querySelector(s) });
  focused = undefined;
  marks = [];
  detach = gridShortcuts((code, status) => marks.push([code, status]))(
    root as unknown as HTMLElement,
  ) as () => void;
});
afterEach(() => {
  vi.unstubAllGlobals();
});

const row = (i: number) => rows[i] as ReturnType<typeof criterion>;

describe('gridShortcuts', () => {
  it('A, N and E (either case) set the focused criterion’s status', () => {
    expect(row(0).radios[0]?.press('a')).toBe(true);
    expect(row(1).radios[1]?.press('N')).toBe(true);
    expect(row(2).radios[2]?.press('e')).toBe(true);
    expect(marks).toEqual([
      ['1.1.1', 'acquired'],
      ['1.1.2', 'not_acquired'],
      ['1.2.1', 'not_evaluated'],
    ]);
  });

  it('moves the focus to the next criterion’s checked radio, or its first, across sections', () => {
    row(0).radios[2]?.press('a');
    // 1.1.2 has its second radio checked.
    expect(focused).toBe(row(1).radios[1]);
    row(1).radios[1]?.press('a');
    // 1.2.1, in the next section, has none checked: its first radio.
    expect(focused).toBe(row(2).radios[0]);
  });

  it('moves the focus after the grid (the submit button) from the last criterion', () => {
    row(2).radios[0]?.press('n');
    expect(marks).toEqual([['1.2.1', 'not_acquired']]);
    expect(focused).toBe(submit);
  });

  it('leaves keys typed in the note, a text input or an editable area alone', () => {
    expect(row(0).note.press('a')).toBe(false);
    const text = root.children[1]?.children[1] as El;
    expect(text.press('e')).toBe(false);
    const editable = new El('div', { contenteditable: 'true' });
    row(1).group.append(editable);
    expect(editable.press('n')).toBe(false);
    expect(marks).toEqual([]);
    expect(focused).toBeUndefined();
  });

  it('leaves keys with Ctrl, Alt or Meta, and keys already handled, alone', () => {
    const radio = row(0).radios[0] as El;
    expect(radio.press('a', { ctrlKey: true })).toBe(false);
    expect(radio.press('a', { metaKey: true })).toBe(false);
    expect(radio.press('n', { altKey: true })).toBe(false);
    radio.press('e', {}, true);
    expect(marks).toEqual([]);
    expect(focused).toBeUndefined();
  });

  it('ignores other keys and keys outside any criterion', () => {
    for (const key of ['x', 'Tab', 'Enter', ' ', 'ArrowDown'])
      expect(row(0).radios[0]?.press(key)).toBe(false);
    expect((root.children[0] as El).press('a')).toBe(false);
    expect(marks).toEqual([]);
  });

  it('stops listening once detached (the grid is gone)', () => {
    detach();
    expect(row(0).radios[0]?.press('a')).toBe(false);
    expect(marks).toEqual([]);
  });
});
