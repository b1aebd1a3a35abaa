/** One self-contained HTML page: British English, a policy that loads nothing from anywhere, inline styles only. */
import type { ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import { revealHidden } from '../core/summary.js';

export const DOCUMENT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

export function htmlDocument(title: string, style: string, body: ElementContent[]): Root {
  return {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang: 'en-GB' }, [
        h('head', [
          h('meta', { charSet: 'utf-8' }),
          h('meta', { httpEquiv: 'Content-Security-Policy', content: DOCUMENT_CSP }),
          h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
          h('title', revealHidden(title)),
          h('style', style.trim()),
        ]),
        h('body', body),
      ]),
    ],
  };
}
