import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { currentConsentText } from '../consent.ts';
import { NotificationTemplate, RecipientKind } from './messages.ts';
import type { MessageContent, Recipient } from './messages.ts';
import { renderMessage } from './templates.ts';

const options = {
  siteUrl: 'https://socle.example.fr',
  juryOrganizer: { name: 'Secrétariat du jury', email: 'jury@socle.example.fr' },
  now: new Date('2027-01-10T08:00:00Z'),
};
const candidate: Recipient = { kind: RecipientKind.CANDIDATE, email: 'marie@example.fr', firstName: 'Marie' };
const juror: Recipient = { kind: RecipientKind.JURY_MEMBER, email: 'paul@example.fr', firstName: 'Paul' };
const staff: Recipient = { kind: RecipientKind.STAFF, email: 'alice@example.fr', firstName: 'Alice' };

const SESSION_ID = '01JSESSION0000000000000000';
const session = {
  sessionId: SESSION_ID,
  region: '01',
  date: '2027-03-01',
  startTime: '09:30',
  durationMinutes: 180,
  place: 'Maison de la formation, Pointe-à-Pitre',
  sequence: 0,
};

const every: [MessageContent, Recipient][] = [
  [
    {
      template: NotificationTemplate.DOSSIER_OPENED,
      certification: 'clea',
      organismName: 'Formation Avenir',
      openedOn: '2027-01-01',
      consentTextVersion: '2026-01',
    },
    candidate,
  ],
  [
    {
      template: NotificationTemplate.RESTITUTION_AVAILABLE,
      certification: 'clea',
      organismName: 'Formation Avenir',
      evaluatedOn: '2027-01-08',
    },
    candidate,
  ],
  [
    {
      template: NotificationTemplate.JURY_DATE,
      certification: 'clea',
      region: '84',
      sessionDate: '2027-03-01',
    },
    candidate,
  ],
  [
    {
      template: NotificationTemplate.DECISION,
      certification: 'clea',
      region: '84',
      sessionDate: '2027-03-01',
      decision: 'certified',
    },
    candidate,
  ],
  [
    {
      template: NotificationTemplate.DECISION,
      certification: 'clea-numerique',
      region: '84',
      sessionDate: '2027-03-01',
      decision: 'adjourned',
    },
    candidate,
  ],
  [
    {
      template: NotificationTemplate.CERTIFICATE_AVAILABLE,
      certification: 'clea',
      certificateCode: 'CLEA-7K2M-9QXR',
      issuedOn: '2027-03-02',
    },
    candidate,
  ],
  [
    {
      template: NotificationTemplate.PAPER_COPY_SENT,
      certification: 'clea',
      sentOn: '2027-03-20',
      town: 'Villeurbanne',
    },
    candidate,
  ],
  [
    {
      template: NotificationTemplate.DEADLINE_APPROACHING,
      certification: 'clea',
      organismName: 'Formation Avenir',
      deadline: '2027-07-10',
      monthsLeft: 6,
    },
    candidate,
  ],
  [
    {
      template: NotificationTemplate.DEADLINE_APPROACHING,
      certification: 'clea',
      organismName: 'Formation Avenir',
      deadline: '2027-02-10',
      monthsLeft: 1,
    },
    candidate,
  ],
  [{ template: NotificationTemplate.JURY_CONVOCATION, session }, juror],
  [
    {
      template: NotificationTemplate.JURY_RESCHEDULED,
      session: { ...session, date: '2027-03-08', sequence: 1 },
      previous: { date: '2027-03-01', startTime: '09:30' },
    },
    juror,
  ],
  [{ template: NotificationTemplate.JURY_CANCELLED, session: { ...session, sequence: 2 } }, juror],
  [{ template: NotificationTemplate.JURY_AGENDA_PUBLISHED, session, dossierCount: 12 }, juror],
  [
    {
      template: NotificationTemplate.STAFF_WORK_QUEUE,
      items: [
        { label: 'évaluations en cours', count: 3 },
        { label: 'dossiers proches de leur échéance', count: 1 },
      ],
    },
    staff,
  ],
];

const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/;
const tagsOf = (html: string) => [...html.matchAll(/<(h1|h2|img)\b[^>]*>/g)].map((m) => m[0]);

describe('Function: renderMessage', () => {
  it('has one template per event of SPEC §5b', () => {
    expect(new Set(every.map(([c]) => c.template)).size).toBe(Object.keys(NotificationTemplate).length);
  });

  describe.each(every.map(([content, recipient]) => [content.template, content, recipient] as const))(
    'Template: %s',
    (_name, content, recipient) => {
      const email = renderMessage(content, recipient, options);

      it('is French HTML with one h1 and a "why" heading, and no image without alt text', () => {
        expect({
          lang: email.html.includes('<html lang="fr">'),
          h1: tagsOf(email.html).filter((t) => t.startsWith('<h1')).length,
          why: email.html.includes('Pourquoi ce message'),
          imagesWithoutAlt: tagsOf(email.html).filter((t) => t.startsWith('<img') && !/\balt=/.test(t))
            .length,
        }).toEqual({ lang: true, h1: 1, why: true, imagesWithoutAlt: 0 });
      });

      it('has a plain-text alternative with the greeting and the reason line', () => {
        expect([
          email.text.startsWith(`Bonjour ${recipient.firstName},`),
          /Vous recevez ce message parce qu/.test(email.text),
        ]).toEqual([true, true]);
      });

      it('says how to stop receiving such messages', () => {
        expect(/Pour ne plus (les recevoir|être convoqué|le recevoir)/.test(email.text)).toBe(true);
      });

      it('shows no ISO date and no internal id, in the subject, the text or the HTML', () => {
        const shown = `${email.subject}\n${email.text}\n${email.html}`;
        expect([ISO_DATE.test(shown), shown.includes(SESSION_ID)]).toEqual([false, false]);
      });
    },
  );

  it('writes dates the French way, with the first of the month as "1er"', () => {
    const [content, recipient] = every[9] as [MessageContent, Recipient];
    expect(renderMessage(content, recipient, options).text).toContain('lundi 1er mars 2027');
  });

  it('prints the consent text the candidate agreed to in the opening message', () => {
    const [content, recipient] = every[0] as [MessageContent, Recipient];
    const text = renderMessage(content, recipient, options).text;
    expect(
      currentConsentText.every((p) => text.includes(p.replace(/'/g, '’').replace(/ ([:;!?])/g, '\u00a0$1'))),
    ).toBe(true);
  });

  it('says the time is local for an overseas session', () => {
    const [content, recipient] = every[9] as [MessageContent, Recipient];
    expect(renderMessage(content, recipient, options).text).toContain(
      '9\u00a0h\u00a030 (heure locale, Guadeloupe)',
    );
  });

  it('tells the adjourned candidate their adviser will explain, and never shows votes', () => {
    const [content, recipient] = every[4] as [MessageContent, Recipient];
    const text = renderMessage(content, recipient, options).text;
    expect([text.includes('a ajourné votre dossier'), /vote/i.test(text)]).toEqual([true, false]);
  });

  it('escapes what people typed (an organism name) in the HTML', () => {
    const email = renderMessage(
      { ...(every[1]?.[0] as MessageContent), organismName: 'A <b>&</b> B' } as MessageContent,
      candidate,
      options,
    );
    expect([email.html.includes('A &lt;b&gt;&amp;&lt;/b&gt; B'), email.html.includes('<b>')]).toEqual([
      true,
      false,
    ]);
  });

  it.each([
    [9, 'REQUEST', 0],
    [10, 'REQUEST', 1],
    [11, 'CANCEL', 2],
  ])(
    'attaches to jury message %i an invitation (%s, sequence %i) that ical.js reads',
    (index, method, sequence) => {
      const [content, recipient] = every[index] as [MessageContent, Recipient];
      const [attachment] = renderMessage(content, recipient, options).attachments;
      const calendar = new ICAL.Component(ICAL.parse(attachment?.content ?? ''));
      const vevent = calendar.getFirstSubcomponent('vevent');
      expect({
        method: calendar.getFirstPropertyValue('method'),
        uid: vevent?.getFirstPropertyValue('uid'),
        sequence: vevent?.getFirstPropertyValue('sequence'),
        tzid: vevent?.getFirstProperty('dtstart')?.getParameter('tzid'),
        contentType: attachment?.contentType,
      }).toEqual({
        method,
        uid: `jury-session-${SESSION_ID}@socle`,
        sequence,
        tzid: 'America/Guadeloupe',
        contentType: `text/calendar; charset=UTF-8; method=${method}`,
      });
    },
  );

  it('tells the candidate where the paper copy went (the town only) and what to do if it does not arrive', () => {
    const [content, recipient] = every.find(([c]) => c.template === NotificationTemplate.PAPER_COPY_SENT) as [
      MessageContent,
      Recipient,
    ];
    const email = renderMessage(content, recipient, options);
    expect([
      email.subject,
      email.text.includes('le 20 mars 2027, à l’adresse indiquée à Villeurbanne'),
      /trois semaines.*prévenez votre conseiller/.test(email.text),
    ]).toEqual(['Votre exemplaire papier du certificat CléA vous a été envoyé', true, true]);
  });

  it('gives jury members the count and the session, and says why no candidate is named', () => {
    const [content, recipient] = every.find(
      ([c]) => c.template === NotificationTemplate.JURY_AGENDA_PUBLISHED,
    ) as [MessageContent, Recipient];
    const { text } = renderMessage(content, recipient, options);
    expect([
      text.includes('12 dossiers seront examinés lors de la session du lundi 1er mars 2027'),
      text.includes('Maison de la formation, Pointe-à-Pitre'),
      text.includes('Ce message ne nomme aucun candidat'),
    ]).toEqual([true, true, true]);
  });

  it('attaches nothing to candidate messages', () => {
    expect(
      every.filter(([, r]) => r === candidate).flatMap(([c, r]) => renderMessage(c, r, options).attachments),
    ).toEqual([]);
  });
});
