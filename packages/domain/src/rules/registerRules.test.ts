import { describe, expect, it } from 'vitest';
import { canChangeOwnAccount } from './accounts.ts';
import { canNameHolder, canRevoke } from './certificate.ts';
import type { RegisteredHolder } from './certificate.ts';
import { canErase } from './dataProtection.ts';
import { canIssueMinutes, canIssuePortfolio } from './documents.ts';
import { canChangeNetworkStatus, organismUnavailable } from './network.ts';
import { canEditReferentiel } from './referentiel.ts';
import { checkOrganismGrouping } from './statsAccess.ts';

const codeOf = (verdict: { ok: boolean; code?: string }) => (verdict.ok ? 'allowed' : verdict.code);

describe('certificate register', () => {
  it('revokes a valid certificate, once', () => {
    expect(codeOf(canRevoke({ status: 'valid' }))).toBe('allowed');
    expect(codeOf(canRevoke({ status: 'revoked' }))).toBe('already_revoked');
  });

  it.each<[RegisteredHolder, string]>([
    [{ holder: { lastName: 'Durand', birthDate: '1990-01-02' } }, 'allowed'],
    [
      { holder: { lastName: 'Durand', birthDate: '1990-01-02' }, holderErasedAt: '2026-01-01' },
      'holder_erased',
    ],
    [{ holder: { lastName: null, birthDate: null } }, 'holder_erased'],
  ])('names the holder of %o: %s', (certificate, expected) => {
    expect(codeOf(canNameHolder(certificate))).toBe(expected);
  });
});

describe('accounts and networks', () => {
  it('keeps a network admin from locking themselves out', () => {
    const admin = { status: 'active', roles: ['network_admin'] };
    expect(codeOf(canChangeOwnAccount({ self: true, ...admin }))).toBe('allowed');
    expect(codeOf(canChangeOwnAccount({ self: true, ...admin, status: 'disabled' }))).toBe('self_lockout');
    expect(codeOf(canChangeOwnAccount({ self: true, status: 'active', roles: ['advisor'] }))).toBe(
      'self_lockout',
    );
    expect(codeOf(canChangeOwnAccount({ self: false, status: 'disabled', roles: [] }))).toBe('allowed');
  });

  it('suspends an active network and reactivates a suspended one', () => {
    expect(codeOf(canChangeNetworkStatus({ status: 'active' }, 'suspend'))).toBe('allowed');
    expect(codeOf(canChangeNetworkStatus({ status: 'suspended' }, 'suspend'))).toBe('already_suspended');
    expect(codeOf(canChangeNetworkStatus({ status: 'suspended' }, 'reactivate'))).toBe('allowed');
    expect(codeOf(canChangeNetworkStatus({ status: 'active' }, 'reactivate'))).toBe('already_active');
  });

  it('names the organism field it refuses', () => {
    expect(organismUnavailable('trainingOrganismId').message).toMatch(/^trainingOrganismId : organisme/);
  });

  it('freezes a published référentiel', () => {
    expect(codeOf(canEditReferentiel({ status: 'draft' }))).toBe('allowed');
    expect(codeOf(canEditReferentiel({ status: 'published' }))).toBe('referentiel_published');
  });

  it('groups figures by organism within one network', () => {
    expect(codeOf(checkOrganismGrouping({ tenantId: 't1' }))).toBe('allowed');
    expect(codeOf(checkOrganismGrouping({ tenantId: undefined }))).toBe('organism_needs_network');
  });
});

describe('canErase', () => {
  it('refuses with the first reason’s code and every reason said', () => {
    const verdict = canErase({
      blockers: [
        { code: 'dossier_active', dossierId: 'd1', message: 'Premier.' },
        { code: 'paper_copy_pending', dossierId: 'd2', message: 'Second.' },
      ],
    });
    expect(verdict).toEqual({ ok: false, code: 'dossier_active', message: 'Premier. Second.' });
    expect(canErase({ blockers: [] }).ok).toBe(true);
  });
});

describe('documents', () => {
  it('issue a portfolio after a validated evaluation, minutes after the close', () => {
    expect(codeOf(canIssuePortfolio({ lastEvaluatedOn: '2026-11-02' }))).toBe('allowed');
    expect(codeOf(canIssuePortfolio({ lastEvaluatedOn: null }))).toBe('not_evaluated');
    expect(codeOf(canIssueMinutes({ status: 'closed' }))).toBe('allowed');
    expect(codeOf(canIssueMinutes({ status: 'closing' }))).toBe('session_not_closed');
  });
});
