/**
 * The consent text read to the candidate before a dossier is opened. Its version is recorded with
 * the consent; a new wording needs a new version here (old versions stay, for the record).
 */

/** Version of the consent text shown to candidates; recorded with each consent. */
const CURRENT_CONSENT_TEXT_VERSION = '2026-01';

const consentTexts: Record<string, readonly string[]> = {
  '2026-01': [
    "Vos données (identité, coordonnées, parcours, résultats d'évaluation et de formation) sont enregistrées par l'organisme qui vous accueille et par son réseau habilité, pour conduire votre démarche de certification CléA.",
    "Elles sont transmises au jury paritaire de votre région et à Certif'Pro pour la délivrance et la vérification du certificat. Elles ne sont utilisées à aucune autre fin.",
    'Elles sont conservées le temps de la démarche et des contrôles prévus par la réglementation.',
    'Vous pouvez y accéder, les faire rectifier et retirer votre accord à tout moment auprès de votre conseiller ; le retrait met fin à la démarche en cours.',
  ],
};

const currentConsentText = consentTexts[CURRENT_CONSENT_TEXT_VERSION] ?? [];

export { CURRENT_CONSENT_TEXT_VERSION, consentTexts, currentConsentText };
