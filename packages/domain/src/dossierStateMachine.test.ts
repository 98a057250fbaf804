import { describe, expect, it } from 'vitest';
import {
  DossierAction,
  allowedTargets,
  availableActions,
  dossierStatuses,
  nextStatus,
  transitions,
} from './dossierStateMachine.ts';
import { InvalidTransitionError } from './errors.ts';

const actions = Object.values(DossierAction);

describe('Function: nextStatus', () => {
  for (const t of transitions) {
    it(`allows ${t.action} from ${t.from} to ${t.to}`, () => {
      expect(nextStatus({ current: t.from, action: t.action, target: t.to })).toBe(t.to);
    });
  }

  for (const from of dossierStatuses) {
    for (const action of actions) {
      if (allowedTargets(from, action).length > 0) continue;
      it(`refuses ${action} from ${from}, naming the current state`, () => {
        expect(() => nextStatus({ current: from, action })).toThrow(InvalidTransitionError);
        try {
          nextStatus({ current: from, action });
        } catch (error) {
          expect((error as InvalidTransitionError).currentStatus).toBe(from);
        }
      });
    }
  }

  it('refuses a target the action cannot reach', () => {
    expect(() =>
      nextStatus({ current: 'preliminary_evaluation', action: 'complete_preliminary', target: 'certified' }),
    ).toThrow(InvalidTransitionError);
  });

  it('requires a target when an action has several outcomes', () => {
    expect(() => nextStatus({ current: 'preliminary_evaluation', action: 'complete_preliminary' })).toThrow(
      InvalidTransitionError,
    );
  });

  it('reopens a withdrawn dossier only to a state it can be withdrawn from', () => {
    expect(allowedTargets('withdrawn', 'reopen').sort()).toEqual(
      ['adjourned', 'eligible', 'final_evaluation', 'in_training', 'opened', 'preliminary_evaluation'].sort(),
    );
  });
});

describe('Function: availableActions', () => {
  it('offers nothing once a dossier is certified', () => {
    expect(availableActions('certified')).toEqual([]);
  });

  it('lets an adjourned dossier go back to training or onto an agenda', () => {
    expect(availableActions('adjourned')).toEqual(
      expect.arrayContaining(['resume_training', 'add_to_agenda', 'expire', 'withdraw']),
    );
  });
});
