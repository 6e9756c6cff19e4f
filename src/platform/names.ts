/** Names made from what people typed: addresses (slugs) and download names. */

/** A slug: lower-case ASCII words joined by dashes, at most 80 characters; `fallback` when nothing is left. */
export function slugify(text: string, fallback: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || fallback
  );
}

/** A safe download name: the uploaded name's letters, digits and dashes, with the extension its content has. */
export function storedFilename(filename: string, ext: string): string {
  const base =
    filename
      .replace(/\.[^.]*$/, '')
      .replace(/[^\w-]+/g, '-')
      .slice(0, 60) || 'bestand';
  return `${base}.${ext}`;
}
