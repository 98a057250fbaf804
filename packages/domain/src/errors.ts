/**
 * Domain errors. One base class; each subclass names the situation and carries what the
 * caller needs. The HTTP layer maps them once (functions/src/middleware/errorMapper.ts).
 */
import type { RuleCode } from './rules/ruleCodes.ts';

interface FieldIssue {
  /** Dotted path of the offending field, e.g. `candidate.lastName`. */
  path: string;
  message: string;
  /** The rule refused, when a domain decision (not a schema) refused the field. */
  code?: string;
}

class DomainError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'DomainError';
  }
}

/** Thrown when input breaks a rule that a schema cannot express (e.g. an organism of another capability). */
class ValidationError extends DomainError {
  readonly issues: FieldIssue[];
  constructor(issues: FieldIssue[], options?: ErrorOptions) {
    super(issues.map((i) => `${i.path}: ${i.message}`).join('; '), options);
    this.name = 'ValidationError';
    this.issues = issues;
  }
}

/** Thrown when a record does not exist *for this caller*: another tenant's record is not found either. */
class NotFoundError extends DomainError {
  readonly entity: string;
  constructor(entity: string, options?: ErrorOptions) {
    super(`${entity} not found`, options);
    this.name = 'NotFoundError';
    this.entity = entity;
  }
}

/** Thrown when the caller is authenticated but its role does not allow the action. */
class ForbiddenError extends DomainError {
  constructor(message = 'forbidden', options?: ErrorOptions) {
    super(message, options);
    this.name = 'ForbiddenError';
  }
}

/** Thrown when an update names a version that is no longer the current one. */
class VersionConflictError extends DomainError {
  readonly currentVersion: number | undefined;
  constructor(entity: string, currentVersion: number | undefined, options?: ErrorOptions) {
    super(`${entity} was changed by someone else (current version ${currentVersion ?? 'unknown'})`, options);
    this.name = 'VersionConflictError';
    this.currentVersion = currentVersion;
  }
}

/** Thrown when a dossier cannot go from its current state to the requested one. */
class InvalidTransitionError extends DomainError {
  readonly currentStatus: string;
  readonly requested: string;
  constructor(currentStatus: string, requested: string, options?: ErrorOptions) {
    super(`cannot ${requested} a dossier in state ${currentStatus}`, options);
    this.name = 'InvalidTransitionError';
    this.currentStatus = currentStatus;
    this.requested = requested;
  }
}

/**
 * Thrown when a business rule refuses the action in the current situation (409). The code is one of
 * the domain's closed list (rules/ruleCodes.ts); the data layer throws it from a domain refusal
 * (`violationOf`), never from a string of its own.
 */
class RuleViolationError extends DomainError {
  readonly code: RuleCode;
  /** Non-personal facts the caller needs to act on the refusal (e.g. the existing dossier to link to). */
  readonly details?: Record<string, unknown>;
  constructor(
    code: RuleCode,
    message: string,
    options?: ErrorOptions & { details?: Record<string, unknown> },
  ) {
    super(message, options);
    this.name = 'RuleViolationError';
    this.code = code;
    this.details = options?.details;
  }
}

/** Thrown when an Idempotency-Key is reused with a different request body. */
class IdempotencyKeyReusedError extends DomainError {
  constructor(options?: ErrorOptions) {
    super('this Idempotency-Key was already used for a different request', options);
    this.name = 'IdempotencyKeyReusedError';
  }
}

export type { FieldIssue };
export {
  DomainError,
  ForbiddenError,
  IdempotencyKeyReusedError,
  InvalidTransitionError,
  NotFoundError,
  RuleViolationError,
  ValidationError,
  VersionConflictError,
};
