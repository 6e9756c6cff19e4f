import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

const marked = new Marked({ gfm: true, breaks: false, async: false });

// Pages have exactly one h1 (the page title), so headings in content start at h2.
const sanitizeOptions: sanitizeHtml.IOptions = {
  allowedTags: [
    'h2',
    'h3',
    'h4',
    'p',
    'br',
    'hr',
    'ul',
    'ol',
    'li',
    'strong',
    'em',
    'a',
    'blockquote',
    'code',
    'pre',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'img',
  ],
  allowedAttributes: { a: ['href', 'title'], th: ['scope'], ol: ['start'], img: ['src', 'alt'] },
  // Images only from this site (uploaded through a form that demands a description) and only with one.
  exclusiveFilter: (frame) => frame.tag === 'img' && (!/^\/[^/\\]/.test(frame.attribs.src ?? '') || !(frame.attribs.alt ?? '').trim()),
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowProtocolRelative: false,
  transformTags: { h1: 'h2', h5: 'h4', h6: 'h4' },
};

// Rendering and sanitising is the costliest step of a content page, and the text rarely changes.
// Keyed by the Markdown itself, so an edit (in any process) simply misses the cache.
const cache = new Map<string, string>();
const CACHE_MAX = 200;

/** The only way raw HTML reaches a page: Markdown rendered, then sanitised. */
export function renderMarkdown(markdown: string): string {
  const hit = cache.get(markdown);
  if (hit !== undefined) return hit;
  const html = sanitizeHtml(marked.parse(markdown) as string, sanitizeOptions);
  if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value as string);
  cache.set(markdown, html);
  return html;
}
