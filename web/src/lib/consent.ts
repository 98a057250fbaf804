/** The consent text lives in the domain package, next to its version. */
export { CURRENT_CONSENT_TEXT_VERSION, currentConsentText } from '@socle/domain';
