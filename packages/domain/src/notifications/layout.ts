/**
 * One email, two forms: every template builds a `MessageBody` and this module writes it as
 * accessible HTML (lang="fr", one h1, real h2 sections, a data list for the facts, link text that
 * says where it goes, colours above 7:1 on white, no image) and as the plain-text alternative, which
 * is always sent. Pure.
 */

const NBSP = '\u00a0';

interface MessageSection {
  title: string;
  paragraphs: readonly string[];
}

interface MessageBody {
  subject: string;
  /** The greeting's first name. */
  firstName: string;
  heading: string;
  paragraphs: readonly string[];
  /** Label and value pairs: a session's date, time and place. */
  facts?: readonly (readonly [string, string])[];
  action?: { label: string; href: string };
  sections?: readonly MessageSection[];
  /** Why the person receives this message: always present. */
  reason: string;
  /** How to stop receiving such messages, where the person can. */
  stop?: string;
}

const WHY_TITLE = 'Pourquoi ce message ?';

/** French typography for text we write: typographic apostrophe, non-breaking space before `: ; ! ?`. */
const typeset = (text: string): string => text.replace(/'/g, '’').replace(/ ([:;!?])/g, `${NBSP}$1`);

const escapeHtml = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

const html = (text: string) => escapeHtml(typeset(text));

const TEXT_COLOUR = '#1a1a1a';
const MUTED_COLOUR = '#4a4a4a';
const LINK_COLOUR = '#0b4f9c';

const renderHtml = (body: MessageBody): string => {
  const facts = body.facts?.length
    ? `<dl style="margin:16px 0;padding:12px 16px;border-left:4px solid ${LINK_COLOUR};background:#f4f6fa">${body.facts
        .map(
          ([label, value]) =>
            `<dt style="font-weight:bold;margin-top:4px">${html(label)}</dt><dd style="margin:0 0 4px 0">${html(value)}</dd>`,
        )
        .join('')}</dl>`
    : '';
  const action = body.action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(body.action.href)}" style="display:inline-block;padding:12px 20px;background:${LINK_COLOUR};color:#ffffff;text-decoration:underline;border-radius:4px;font-weight:bold">${html(body.action.label)}</a></p>`
    : '';
  const sections = (body.sections ?? [])
    .map(
      (s) =>
        `<h2 style="font-size:18px;margin:24px 0 8px">${html(s.title)}</h2>${s.paragraphs
          .map((p) => `<p style="margin:0 0 12px">${html(p)}</p>`)
          .join('')}`,
    )
    .join('');
  const footer = [body.reason, body.stop]
    .filter((p): p is string => !!p)
    .map((p) => `<p style="margin:0 0 8px;color:${MUTED_COLOUR}">${html(p)}</p>`)
    .join('');
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${html(body.subject)}</title>
</head>
<body style="margin:0;padding:0;background:#ffffff;color:${TEXT_COLOUR};font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5">
<main style="max-width:600px;margin:0 auto;padding:24px 16px">
<h1 style="font-size:22px;margin:0 0 16px">${html(body.heading)}</h1>
<p style="margin:0 0 12px">${html(`Bonjour ${body.firstName},`)}</p>
${body.paragraphs.map((p) => `<p style="margin:0 0 12px">${html(p)}</p>`).join('\n')}
${facts}${action}${sections}
<footer style="margin-top:32px;padding-top:16px;border-top:1px solid #c8c8c8;font-size:14px">
<h2 style="font-size:15px;margin:0 0 8px;color:${TEXT_COLOUR}">${html(WHY_TITLE)}</h2>
${footer}
</footer>
</main>
</body>
</html>
`;
};

const renderText = (body: MessageBody): string => {
  const blocks: string[] = [`Bonjour ${body.firstName},`, ...body.paragraphs];
  if (body.facts?.length) blocks.push(body.facts.map(([label, value]) => `${label} : ${value}`).join('\n'));
  if (body.action) blocks.push(`${body.action.label} : ${body.action.href}`);
  for (const s of body.sections ?? []) blocks.push([s.title.toUpperCase(), ...s.paragraphs].join('\n\n'));
  blocks.push(['--', WHY_TITLE, body.reason, ...(body.stop ? [body.stop] : [])].join('\n'));
  return `${blocks.map(typeset).join('\n\n')}\n`;
};

export type { MessageBody, MessageSection };
export { NBSP, escapeHtml, renderHtml, renderText, typeset };
