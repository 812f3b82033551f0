import { PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFString } from 'pdf-lib';
import sharp from 'sharp';
import { EVIDENCE_MAX_BYTES, processEvidence } from './evidence.processor';

async function jpegWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 32, height: 24, channels: 3, background: '#c33' } })
    .jpeg()
    .withExif({
      IFD0: { Copyright: 'Village school', Artist: 'Teacher Li' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '27/1 6/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '111/1 1/1 0/1' },
    })
    .toBuffer();
}

async function onePagePdf(): Promise<PDFDocument> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.addPage([200, 200]);
  return pdf;
}

async function bytes(pdf: PDFDocument, useObjectStreams = true): Promise<Buffer> {
  return Buffer.from(await pdf.save({ useObjectStreams }));
}

describe('processEvidence', () => {
  it('should strip EXIF and GPS metadata when an image carries them', async () => {
    const original = await jpegWithGps();
    expect((await sharp(original).metadata()).exif).toBeDefined();
    const processed = await processEvidence(original);
    expect(processed.contentType).toBe('image/jpeg');
    const meta = await sharp(processed.content).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(processed.content.includes(Buffer.from('Teacher Li'))).toBe(false);
    expect(meta.width).toBe(32);
  });

  it('should refuse content that is not an image or a PDF whatever its name suggests', async () => {
    await expect(processEvidence(Buffer.from('MZ\x90\x00 this is an executable pretending to be photo.jpg'))).rejects.toMatchObject({
      code: 'evidence_invalid',
    });
    await expect(
      processEvidence(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')),
    ).rejects.toMatchObject({
      code: 'evidence_invalid',
    });
  });

  it('should refuse a GIF even though it is an image', async () => {
    const gif = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#000' } })
      .gif()
      .toBuffer();
    await expect(processEvidence(gif)).rejects.toMatchObject({ code: 'evidence_invalid' });
  });

  it('should refuse a PDF that runs JavaScript when it is opened', async () => {
    const pdf = await onePagePdf();
    pdf.catalog.set(PDFName.of('OpenAction'), pdf.context.obj({ Type: 'Action', S: 'JavaScript', JS: PDFString.of('app.alert("hi")') }));
    await expect(processEvidence(await bytes(pdf))).rejects.toMatchObject({
      code: 'evidence_active_content',
      errors: [{ field: 'file', message: expect.stringMatching(/active content/), code: 'not_allowed' }],
    });
  });

  it('should refuse active content wherever it hides: a page action, an embedded file, a name spelt in #-escapes', async () => {
    const launch = await onePagePdf();
    launch.getPage(0).node.set(PDFName.of('AA'), launch.context.obj({ O: { S: 'Launch', F: PDFString.of('calc.exe') } }));
    const attachment = await onePagePdf();
    await attachment.attach(Buffer.from('MZ'), 'invoice.exe', { mimeType: 'application/octet-stream' });
    const escaped = Buffer.from(
      (await bytes(await onePagePdf(), false))
        .toString('latin1')
        .replace('/Type /Catalog', '/Type /Catalog /OpenAction << /S /Java#53cript /#4AS (app.alert(1)) >>'),
      'latin1',
    );
    for (const pdf of [await bytes(launch), await bytes(attachment), escaped]) {
      await expect(processEvidence(pdf)).rejects.toMatchObject({ code: 'evidence_active_content' });
    }
  });

  it('should keep a plain PDF but without its author, dates or XMP metadata', async () => {
    const pdf = await onePagePdf();
    pdf.setAuthor('Teacher Li');
    pdf.setCreator('Scanner at Taohong school');
    pdf.setCreationDate(new Date('2026-05-01T08:00:00Z'));
    const xmp = pdf.context.register(
      PDFRawStream.of(pdf.context.obj({ Type: 'Metadata', Subtype: 'XML' }), Buffer.from('<x:xmpmeta>Teacher Li</x:xmpmeta>')),
    );
    pdf.catalog.set(PDFName.of('Metadata'), xmp);
    // Navigation and web links are not active content: opening at page 1 and a link to the tax office's site stay.
    pdf.catalog.set(PDFName.of('OpenAction'), pdf.context.obj([pdf.getPage(0).ref, 'Fit']));
    pdf
      .getPage(0)
      .node.set(
        PDFName.of('Annots'),
        pdf.context.obj([
          { Type: 'Annot', Subtype: 'Link', Rect: [0, 0, 50, 20], A: { S: 'URI', URI: PDFString.of('https://inv-veri.chinatax.gov.cn') } },
        ]),
      );
    const original = await bytes(pdf, false);
    expect(original.includes(Buffer.from('Teacher Li'))).toBe(true);

    const processed = await processEvidence(original);

    expect(processed.contentType).toBe('application/pdf');
    const cleaned = await PDFDocument.load(processed.content, { updateMetadata: false });
    expect(cleaned.getPageCount()).toBe(1);
    expect(cleaned.getAuthor()).toBeUndefined();
    expect(cleaned.getCreator()).toBeUndefined();
    expect(cleaned.getCreationDate()).toBeUndefined();
    expect(cleaned.catalog.get(PDFName.of('Metadata'))).toBeUndefined();
    expect(cleaned.catalog.get(PDFName.of('OpenAction'))).toBeDefined();
    const everything = cleaned.context
      .enumerateIndirectObjects()
      .map(([, o]) => (o instanceof PDFRawStream ? Buffer.from(o.contents).toString('latin1') : o.toString()));
    expect(everything.some((text) => text.includes('Teacher Li') || text.includes(PDFHexString.fromText('Teacher Li').toString()))).toBe(
      false,
    );
  });

  it('should refuse an encrypted PDF and one that cannot be parsed', async () => {
    const pdf = await onePagePdf();
    pdf.context.trailerInfo.Encrypt = pdf.context.register(
      pdf.context.obj({ Filter: 'Standard', V: 2, R: 3, O: PDFString.of('x'), U: PDFString.of('y'), P: -4 }),
    );
    await expect(processEvidence(await bytes(pdf))).rejects.toMatchObject({
      code: 'evidence_unreadable',
      errors: [{ field: 'file', message: expect.stringMatching(/encrypted/), code: 'invalid_format' }],
    });
    await expect(processEvidence(Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'))).rejects.toMatchObject({
      code: 'evidence_unreadable',
    });
  });

  it('should refuse a file over the size limit', async () => {
    await expect(processEvidence(Buffer.alloc(EVIDENCE_MAX_BYTES + 1))).rejects.toMatchObject({ code: 'payload_too_large' });
  });
});
