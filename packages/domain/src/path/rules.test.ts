import { describe, expect, it } from 'vitest';
import { canOpenWith, workingTimeAllowed } from './opening.ts';
import {
  canBuildPlan,
  canEditEvaluation,
  canFollowPlan,
  evaluatorIndependent,
  trainerIndependent,
} from './training.ts';

const codeOf = (verdict: { ok: boolean; code?: string }) => (verdict.ok ? 'allowed' : verdict.code);

describe('independence', () => {
  const dossier = { evaluatorIds: ['eva'], trainerIds: ['tom'] };

  it('keeps a candidate’s evaluator from training them', () => {
    expect(codeOf(trainerIndependent(dossier, 'eva'))).toBe('trainer_is_evaluator');
    expect(codeOf(trainerIndependent(dossier, 'tom'))).toBe('allowed');
  });

  it('keeps a candidate’s trainer from their final evaluation, not a preliminary one', () => {
    expect(codeOf(evaluatorIndependent(dossier, 'tom', 'final'))).toBe('evaluator_is_trainer');
    expect(codeOf(evaluatorIndependent(dossier, 'tom', 'preliminary'))).toBe('allowed');
    expect(codeOf(evaluatorIndependent(dossier, 'eva', 'final'))).toBe('allowed');
  });
});

describe('training plan', () => {
  it.each([
    [{ status: 'in_training' }, 'allowed'],
    [{ status: 'in_training', trainingPlanId: 'p1' }, 'plan_exists'],
    [{ status: 'final_evaluation' }, 'not_in_training'],
    [{ status: 'opened' }, 'not_in_training'],
  ])('is built for %o: %s', (dossier, expected) => {
    expect(codeOf(canBuildPlan(dossier))).toBe(expected);
  });

  it.each([
    ['in_training', 'allowed'],
    ['final_evaluation', 'allowed'],
    ['eligible', 'not_in_training'],
    ['withdrawn', 'not_in_training'],
  ])('is followed in status %s: %s', (status, expected) => {
    expect(codeOf(canFollowPlan({ status }))).toBe(expected);
  });
});

describe('evaluations, opening, working time', () => {
  it('freezes a submitted evaluation', () => {
    expect(codeOf(canEditEvaluation({ status: 'in_progress' }))).toBe('allowed');
    expect(codeOf(canEditEvaluation({ status: 'submitted' }))).toBe('evaluation_submitted');
  });

  it('opens a dossier only on a published référentiel', () => {
    expect(codeOf(canOpenWith('ref-1'))).toBe('allowed');
    expect(codeOf(canOpenWith(undefined))).toBe('no_published_referentiel');
  });

  it.each([
    [true, 'employee', 'allowed'],
    [true, 'job_seeker', 'working_time'],
    [false, 'job_seeker', 'allowed'],
  ])('working time %s for a candidate %s: %s', (onWorkingTime, candidateStatus, expected) => {
    expect(codeOf(workingTimeAllowed({ onWorkingTime, candidateStatus }))).toBe(expected);
  });
});
