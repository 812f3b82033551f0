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

  it('should keep a complete PDF as it is', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    const processed = await processEvidence(pdf);
    expect(processed).toEqual({ content: pdf, contentType: 'application/pdf' });
  });

  it('should refuse a file over the size limit', async () => {
    await expect(processEvidence(Buffer.alloc(EVIDENCE_MAX_BYTES + 1))).rejects.toMatchObject({ code: 'payload_too_large' });
  });
});
