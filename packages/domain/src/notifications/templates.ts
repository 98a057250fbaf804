/**
 * The French emails of SPEC §5b, one per event: each says what happened, what to do next, why the
 * person receives it and, where they can, how to stop. Jury emails carry the session's calendar
 * invitation. Pure: a message's stored content in, the rendered email out.
 */
import { consentTexts } from '../consent.ts';
import { certificationLabels, ofName } from '../labels.ts';
import { regionOf } from '../schemas/common.ts';
import { frenchDate, frenchDay, frenchTime } from './format.ts';
import { IcsMethod, juryEventIcs, sessionUid } from './ics.ts';
import type { IcsPerson } from './ics.ts';
import { renderHtml, renderText, typeset } from './layout.ts';
import type { MessageBody } from './layout.ts';
import { NotificationTemplate } from './messages.ts';
import type { MessageContent, Recipient, SessionSlot } from './messages.ts';
import { regionTimeZone } from '../path/regionTime.ts';

interface EmailAttachment {
  filename: string;
  contentType: string;
  content: string;
}

interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
  attachments: EmailAttachment[];
}

interface RenderOptions {
  /** The web app's origin, for links (`https://socle.example.fr`). */
  siteUrl: string;
  /** Who invites in calendar invitations: the jury secretariat's sending address. */
  juryOrganizer: IcsPerson;
  now: Date;
}

const CANDIDATE_STOP =
  'Ces messages accompagnent votre démarche. Pour ne plus les recevoir, demandez à votre conseiller de retirer votre accord : cela met fin à la démarche en cours.';

const candidateReason = (certification: string) =>
  `Vous recevez ce message parce qu'un dossier de certification ${certificationLabels[certification as keyof typeof certificationLabels]} est ouvert à votre nom.`;

const juryReason = (region: string) =>
  `Vous recevez ce message parce que vous êtes membre du jury paritaire de la région ${regionOf(region).name} et que le secrétariat du jury vous a convoqué à cette session.`;

const JURY_STOP =
  'Pour ne plus être convoqué, demandez au secrétariat du jury de votre région de mettre fin à votre mandat.';

const link = (siteUrl: string, path: string) => `${siteUrl.replace(/\/+$/, '')}${path}`;

/** `9 h 30 (heure de Paris)`, `9 h (heure locale, Guadeloupe)`: the region's time, said so. */
const sessionTime = (session: Pick<SessionSlot, 'region' | 'startTime'>) =>
  `${frenchTime(session.startTime)} (${
    regionTimeZone(session.region) === 'Europe/Paris'
      ? 'heure de Paris'
      : `heure locale, ${regionOf(session.region).name}`
  })`;

const sessionFacts = (session: SessionSlot): [string, string][] => [
  ['Date', frenchDay(session.date)],
  ['Heure', sessionTime(session)],
  ...(session.place ? [['Lieu', session.place] as [string, string]] : []),
  ...(session.videoLink ? [['Visioconférence', session.videoLink] as [string, string]] : []),
];

const sessionInvitation = (
  session: SessionSlot,
  recipient: Recipient,
  method: IcsMethod,
  options: RenderOptions,
): EmailAttachment => ({
  filename: method === IcsMethod.CANCEL ? 'annulation.ics' : 'invitation.ics',
  contentType: `text/calendar; charset=UTF-8; method=${method}`,
  content: juryEventIcs({
    method,
    uid: sessionUid(session.sessionId),
    sequence: session.sequence,
    date: session.date,
    startTime: session.startTime,
    durationMinutes: session.durationMinutes,
    timeZone: regionTimeZone(session.region),
    summary: `Jury paritaire CléA – ${regionOf(session.region).name}`,
    description: `Session du jury paritaire CléA de la région ${regionOf(session.region).name}.`,
    location: session.place ?? session.videoLink ?? undefined,
    url: session.videoLink ?? undefined,
    organizer: options.juryOrganizer,
    attendee: { name: recipient.firstName, email: recipient.email },
    now: options.now,
  }),
});

type Built = { body: Omit<MessageBody, 'firstName'>; attachments?: EmailAttachment[] };

const build = (content: MessageContent, recipient: Recipient, options: RenderOptions): Built => {
  const space = link(options.siteUrl, '/mon-parcours');
  switch (content.template) {
    case NotificationTemplate.DOSSIER_OPENED: {
      const label = certificationLabels[content.certification];
      return {
        body: {
          subject: `Votre démarche ${label} est ouverte`,
          heading: `Votre démarche ${label} est ouverte`,
          paragraphs: [
            `${content.organismName} a ouvert votre dossier de certification ${label} le ${frenchDate(content.openedOn)}.`,
            'Vous recevrez un message à chaque étape importante : les résultats de votre évaluation, la date du jury, sa décision, votre certificat.',
          ],
          action: { label: 'Suivre mon parcours', href: space },
          sections: [
            {
              title: 'Ce que vous avez accepté',
              paragraphs: consentTexts[content.consentTextVersion] ?? [],
            },
          ],
          reason: candidateReason(content.certification),
          stop: CANDIDATE_STOP,
        },
      };
    }
    case NotificationTemplate.RESTITUTION_AVAILABLE:
      return {
        body: {
          subject: 'Les résultats de votre évaluation sont disponibles',
          heading: 'Les résultats de votre évaluation sont disponibles',
          paragraphs: [
            `Votre évaluation du ${frenchDate(content.evaluatedOn)} auprès ${ofName(content.organismName)} est terminée.`,
            'Votre restitution présente d’abord les compétences que vous maîtrisez, puis celles qui restent à travailler.',
          ],
          action: { label: 'Voir ma restitution', href: space },
          reason: candidateReason(content.certification),
          stop: CANDIDATE_STOP,
        },
      };
    case NotificationTemplate.JURY_DATE:
      return {
        body: {
          subject: `Votre dossier sera présenté au jury le ${frenchDate(content.sessionDate)}`,
          heading: 'Votre dossier va être présenté au jury',
          paragraphs: [
            `Le jury paritaire de la région ${regionOf(content.region).name} examinera votre dossier ${certificationLabels[content.certification]} le ${frenchDay(content.sessionDate)}.`,
            'Vous n’avez rien à faire : le jury décide sur dossier. Vous recevrez sa décision par e-mail.',
          ],
          action: { label: 'Suivre mon parcours', href: space },
          reason: candidateReason(content.certification),
          stop: CANDIDATE_STOP,
        },
      };
    case NotificationTemplate.DECISION: {
      const label = certificationLabels[content.certification];
      const region = regionOf(content.region).name;
      const certified = content.decision === 'certified';
      return {
        body: {
          subject: certified
            ? `Le jury vous a délivré la certification ${label}`
            : `Décision du jury sur votre dossier ${label}`,
          heading: certified ? 'Félicitations, vous êtes certifié !' : 'La décision du jury',
          paragraphs: certified
            ? [
                `Le jury paritaire de la région ${region}, réuni le ${frenchDate(content.sessionDate)}, vous a délivré la certification ${label}.`,
                'Votre certificat sera bientôt disponible dans votre espace ; un message vous le dira.',
              ]
            : [
                `Le jury paritaire de la région ${region}, réuni le ${frenchDate(content.sessionDate)}, a ajourné votre dossier : certaines compétences restent à démontrer.`,
                'Votre conseiller vous expliquera la suite de votre parcours et les compétences à travailler.',
              ],
          action: { label: 'Voir la décision', href: space },
          reason: candidateReason(content.certification),
          stop: CANDIDATE_STOP,
        },
      };
    }
    case NotificationTemplate.CERTIFICATE_AVAILABLE: {
      const label = certificationLabels[content.certification];
      return {
        body: {
          subject: `Votre certificat ${label} est disponible`,
          heading: `Votre certificat ${label} est disponible`,
          paragraphs: [
            `Votre certificat, délivré le ${frenchDate(content.issuedOn)}, est dans votre espace : vous pouvez le télécharger et le partager.`,
            `Un employeur peut vérifier qu’il est authentique avec son code ${content.certificateCode} sur ${link(options.siteUrl, '/verifier')}.`,
          ],
          action: { label: 'Télécharger mon certificat', href: space },
          reason: candidateReason(content.certification),
          stop: CANDIDATE_STOP,
        },
      };
    }
    case NotificationTemplate.PAPER_COPY_SENT: {
      const label = certificationLabels[content.certification];
      return {
        body: {
          subject: `Votre exemplaire papier du certificat ${label} vous a été envoyé`,
          heading: `Votre exemplaire papier du certificat ${label} vous a été envoyé`,
          paragraphs: [
            `Il est parti par courrier le ${frenchDate(content.sentOn)}, à l’adresse indiquée${content.town ? ` à ${content.town}` : ''}.`,
            'Le courrier met d’ordinaire quelques jours. S’il ne vous est pas parvenu d’ici trois semaines, ou si votre adresse a changé, prévenez votre conseiller : il peut demander un nouvel envoi.',
            'Votre certificat reste aussi téléchargeable dans votre espace.',
          ],
          action: { label: 'Voir mon certificat', href: space },
          reason: candidateReason(content.certification),
          stop: CANDIDATE_STOP,
        },
      };
    }
    case NotificationTemplate.DEADLINE_APPROACHING: {
      const left = content.monthsLeft === 1 ? 'un mois' : `${content.monthsLeft} mois`;
      return {
        body: {
          subject: `Votre parcours ${certificationLabels[content.certification]} doit se terminer avant le ${frenchDate(content.deadline)}`,
          heading: `Il vous reste ${left} pour terminer votre parcours`,
          paragraphs: [
            `Votre évaluation finale doit avoir lieu au plus tard le ${frenchDate(content.deadline)}, cinq ans après votre évaluation préalable. Passé cette date, votre dossier sera clos et la démarche serait à recommencer.`,
            `Prenez contact avec ${content.organismName} pour organiser la fin de votre parcours.`,
          ],
          action: { label: 'Voir mon parcours', href: space },
          reason: candidateReason(content.certification),
          stop: CANDIDATE_STOP,
        },
      };
    }
    case NotificationTemplate.JURY_CONVOCATION:
      return {
        body: {
          subject: `Convocation : jury CléA du ${frenchDate(content.session.date)}`,
          heading: 'Vous êtes convoqué à une session du jury',
          paragraphs: [
            `Le secrétariat du jury paritaire de la région ${regionOf(content.session.region).name} vous convoque à la session suivante.`,
            'L’invitation jointe ajoute la session à votre agenda ; répondez-y pour dire si vous serez présent.',
          ],
          facts: sessionFacts(content.session),
          action: { label: 'Voir la session', href: link(options.siteUrl, '/jury') },
          reason: juryReason(content.session.region),
          stop: JURY_STOP,
        },
        attachments: [sessionInvitation(content.session, recipient, IcsMethod.REQUEST, options)],
      };
    case NotificationTemplate.JURY_RESCHEDULED:
      return {
        body: {
          subject: `Jury CléA déplacé au ${frenchDate(content.session.date)}`,
          heading: 'La session du jury est déplacée',
          paragraphs: [
            `La session prévue le ${frenchDay(content.previous.date)} à ${frenchTime(content.previous.startTime)} est déplacée. Voici la nouvelle date.`,
            'L’invitation jointe met à jour la session dans votre agenda.',
          ],
          facts: sessionFacts(content.session),
          action: { label: 'Voir la session', href: link(options.siteUrl, '/jury') },
          reason: juryReason(content.session.region),
          stop: JURY_STOP,
        },
        attachments: [sessionInvitation(content.session, recipient, IcsMethod.REQUEST, options)],
      };
    case NotificationTemplate.JURY_CANCELLED:
      return {
        body: {
          subject: `Jury CléA du ${frenchDate(content.session.date)} annulé`,
          heading: 'La session du jury est annulée',
          paragraphs: [
            `La session du ${frenchDay(content.session.date)} à ${sessionTime(content.session)} est annulée. Le secrétariat vous convoquera à une prochaine session.`,
            'L’annulation jointe retire la session de votre agenda.',
          ],
          reason: juryReason(content.session.region),
          stop: JURY_STOP,
        },
        attachments: [sessionInvitation(content.session, recipient, IcsMethod.CANCEL, options)],
      };
    case NotificationTemplate.JURY_AGENDA_PUBLISHED:
      return {
        body: {
          subject: `Ordre du jour du jury CléA du ${frenchDate(content.session.date)}`,
          heading: 'L’ordre du jour de la session est publié',
          paragraphs: [
            content.dossierCount > 1
              ? `${content.dossierCount} dossiers seront examinés lors de la session du ${frenchDay(content.session.date)}.`
              : `${content.dossierCount === 1 ? 'Un dossier sera examiné' : 'Aucun dossier n’est encore inscrit'} lors de la session du ${frenchDay(content.session.date)}.`,
            'Vous pouvez les consulter avant la séance dans votre espace jury, une fois connecté.',
          ],
          facts: sessionFacts(content.session),
          action: { label: 'Consulter l’ordre du jour', href: link(options.siteUrl, '/jury') },
          reason: `${juryReason(content.session.region)} Ce message ne nomme aucun candidat : un e-mail peut être transféré ou lu par d’autres, seules les données nécessaires y figurent.`,
          stop: JURY_STOP,
        },
      };
    case NotificationTemplate.STAFF_WORK_QUEUE:
      return {
        body: {
          subject: 'Votre liste « À faire » sur Socle',
          heading: 'Ce qui vous attend sur Socle',
          paragraphs: ['Voici ce qui vous attend aujourd’hui :'],
          facts: content.items.map((item) => ['À faire', `${item.count} ${item.label}`] as [string, string]),
          action: { label: 'Ouvrir ma liste « À faire »', href: link(options.siteUrl, '/') },
          reason:
            'Vous recevez ce message parce que vous avez demandé à recevoir par e-mail le résumé de votre liste « À faire ».',
          stop: 'Pour ne plus le recevoir, désactivez le résumé par e-mail dans votre profil.',
        },
      };
  }
};

/** The email of a stored message, for its recipient: subject, HTML, plain text and attachments. */
const renderMessage = (
  content: MessageContent,
  recipient: Recipient,
  options: RenderOptions,
): RenderedEmail => {
  const { body, attachments = [] } = build(content, recipient, options);
  const full: MessageBody = { ...body, firstName: recipient.firstName };
  return { subject: typeset(full.subject), html: renderHtml(full), text: renderText(full), attachments };
};

export type { EmailAttachment, RenderOptions, RenderedEmail };
export { renderMessage };
