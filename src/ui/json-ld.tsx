/**
 * Structured data for search engines. A `<script type="application/ld+json">` is a data block, not
 * code, so the CSP's script-src does not apply; `<` is escaped so the text can never close the tag.
 */
export function JsonLd({ data }: { data: unknown }) {
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: json }} />;
}
