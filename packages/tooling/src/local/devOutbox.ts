/**
 * The local outbox (dev only, never deployed): `GET /dev/outbox` is a French page listing the emails
 * the product sent, newest first, and `GET /dev/outbox.json` the same for tests and scripts. Each
 * request first delivers what is pending through the local mailbox, so a message queued by an
 * action appears on the next reload (in AWS the scheduled delivery sends it through SES).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { listLocalMail } from '@socle/data';
import type { LocalMail } from '@socle/data';
import { deliverPendingMessages } from '@socle/functions/notifications/delivery';
import { renderOptionsFromEnv } from '@socle/functions/notifications/config';
import { localSender } from '@socle/functions/notifications/localSender';

const SHOWN = 100;

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

const dateTime = new Intl.DateTimeFormat('fr-FR', {
  dateStyle: 'long',
  timeStyle: 'medium',
  timeZone: 'Europe/Paris',
});

const mailSection = (mail: LocalMail, index: number) => `<article aria-labelledby="m${index}">
<h2 id="m${index}">${escapeHtml(mail.email.subject)}</h2>
<p>À <strong>${escapeHtml(mail.to)}</strong>, le ${escapeHtml(dateTime.format(new Date(mail.sentAt)))}</p>
<details><summary>Version texte</summary><pre>${escapeHtml(mail.email.text)}</pre></details>
<details><summary>Version HTML</summary><iframe title="Version HTML : ${escapeHtml(mail.email.subject)}" sandbox srcdoc="${escapeHtml(mail.email.html)}"></iframe></details>
${mail.email.attachments
  .map(
    (a) =>
      `<details><summary>Pièce jointe ${escapeHtml(a.filename)}</summary><pre>${escapeHtml(a.content)}</pre></details>`,
  )
  .join('')}
</article>`;

const page = (mails: LocalMail[]) => `<!doctype html><html lang="fr"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><title>Boîte d’envoi locale – Socle</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem;color:#1a1a1a}
article{border-top:1px solid #999;padding:.5rem 0}pre{white-space:pre-wrap}iframe{width:100%;height:28rem;border:1px solid #999}</style>
</head><body><main><h1>Boîte d’envoi locale</h1>
<p>Les e-mails que Socle aurait envoyés, du plus récent au plus ancien. Rechargez la page après une action.</p>
${mails.length ? mails.map(mailSection).join('\n') : '<p>Aucun e-mail envoyé pour l’instant.</p>'}
</main></body></html>`;

/** Serves `/dev/outbox` and `/dev/outbox.json`; false for any other request. */
const handleDevOutbox = async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
  const { pathname } = new URL(req.url ?? '/', 'http://localhost');
  if (req.method !== 'GET' || (pathname !== '/dev/outbox' && pathname !== '/dev/outbox.json')) return false;
  const delivery = await deliverPendingMessages({ sender: localSender(), render: renderOptionsFromEnv() });
  const mails = await listLocalMail({ limit: SHOWN });
  const json = pathname.endsWith('.json');
  res.writeHead(200, {
    'content-type': `${json ? 'application/json' : 'text/html'}; charset=utf-8`,
    'cache-control': 'no-store',
  });
  res.end(
    json
      ? JSON.stringify({
          delivery,
          messages: mails.map((m) => ({ messageId: m.messageId, to: m.to, sentAt: m.sentAt, ...m.email })),
        })
      : page(mails),
  );
  return true;
};

export { handleDevOutbox };
