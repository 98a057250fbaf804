/** Errors of the documents package. One base class; each subclass carries what the caller needs. */

class DocumentsError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'DocumentsError';
  }
}

/** Thrown when neither `SOCLE_FONT_DIR` nor the `dejavu-fonts-ttf` package holds the font files. */
class FontNotFoundError extends DocumentsError {
  /** Every path that was tried, in order. */
  readonly tried: string[];
  constructor(tried: string[], options?: ErrorOptions) {
    super(`DejaVu Sans font files not found (tried: ${tried.join(', ')})`, options);
    this.name = 'FontNotFoundError';
    this.tried = tried;
  }
}

/** Thrown when a date of the input is not a real `YYYY-MM-DD` calendar date. */
class InvalidDateError extends DocumentsError {
  readonly value: string;
  constructor(value: string, options?: ErrorOptions) {
    super(`invalid date "${value}", expected YYYY-MM-DD`, options);
    this.name = 'InvalidDateError';
    this.value = value;
  }
}

/** Thrown when a time of the input is not a `HH:MM` clock time (00:00 to 23:59). */
class InvalidTimeError extends DocumentsError {
  readonly value: string;
  constructor(value: string, options?: ErrorOptions) {
    super(`invalid time "${value}", expected HH:MM`, options);
    this.name = 'InvalidTimeError';
    this.value = value;
  }
}

/**
 * Thrown when a certificate's code is malformed, fails its check symbol, or names the other
 * certification (`CLEN-…` on a CléA certificate): its QR code would lead to no certificate, or to
 * another one.
 */
class InvalidCertificateCodeError extends DocumentsError {
  readonly value: string;
  readonly reason: 'format' | 'check' | 'certification';
  constructor(value: string, reason: InvalidCertificateCodeError['reason'], options?: ErrorOptions) {
    super(`invalid certificate code "${value}" (${reason})`, options);
    this.name = 'InvalidCertificateCodeError';
    this.value = value;
    this.reason = reason;
  }
}

export { DocumentsError, FontNotFoundError, InvalidCertificateCodeError, InvalidDateError, InvalidTimeError };
