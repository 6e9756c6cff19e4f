import { formatDateTime } from '../../platform/time.ts';
import type { ReadoutSection } from './readout.ts';

export type ReceiptInput = {
  reference: string;
  version: number;
  submittedAt: string;
  institutionName: string;
  sections: ReadoutSection[];
};

/**
 * The receipt of a submitted version: a tagged PDF (headings and paragraphs in the structure tree,
 * document language Dutch) with the reference, the moment of submission and every answer.
 */
export async function renderReceipt(input: ReceiptInput): Promise<Buffer> {
  // PDFKit (and its fonts) load on first use, not with the server.
  const { default: PDFDocument } = await import('pdfkit');
  const title = `Ontvangstbewijs aanmelding ${input.reference}`;
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    tagged: true,
    lang: 'nl-NL',
    displayTitle: true,
    pdfVersion: '1.7',
    info: { Title: title, Author: 'Programma Mkb-route in het hbo', Subject: 'Ontvangstbewijs van een aanmelding' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const root = doc.struct('Document');
  doc.addStructure(root);
  const block = (type: string, draw: () => void) => root.add(doc.struct(type, {}, draw));

  block('H1', () => doc.font('Helvetica-Bold').fontSize(18).fillColor('#083a50').text(title));
  block('P', () =>
    doc
      .moveDown(0.5)
      .font('Helvetica')
      .fontSize(11)
      .fillColor('#1c1c1c')
      .text(`Kenmerk: ${input.reference} (versie ${input.version})`)
      .text(`Ingediend op: ${formatDateTime(input.submittedAt)} (Nederlandse tijd)`)
      .text(`Hogeschool: ${input.institutionName}`),
  );
  block('P', () =>
    doc
      .moveDown(0.5)
      .text(
        'Het programmateam van Mkb-route in het hbo heeft uw aanmelding ontvangen en beoordeelt haar aan de hand van de vijf criteria. U hoort van ons.',
      ),
  );
  for (const section of input.sections) {
    block('H2', () => doc.moveDown(1).font('Helvetica-Bold').fontSize(13).fillColor('#083a50').text(section.title));
    for (const row of section.rows) {
      block('P', () => {
        doc.moveDown(0.3).font('Helvetica-Bold').fontSize(10).fillColor('#1c1c1c').text(row.label);
        doc.font('Helvetica').fontSize(10).text(row.value);
      });
    }
  }
  root.end();
  doc.end();
  return done;
}
