import sharp from 'sharp';
import { DomainError } from '../../common/errors/domain-error';

export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;
const IMAGE_TYPES: Record<string, string> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };
const MAX_PIXELS = 40_000_000;

export interface ProcessedEvidence {
  content: Buffer;
  contentType: string;
}

/**
 * Decides the type from the bytes, never from the name: a JPEG, PNG or WebP
 * image is decoded and re-encoded without any metadata (EXIF, GPS, XMP,
 * comments); a PDF is kept as it is. Anything else is refused.
 */
export async function processEvidence(input: Buffer): Promise<ProcessedEvidence> {
  if (input.length === 0) throw new DomainError('evidence_invalid', 'The file is empty', [{ field: 'file', message: 'is empty' }]);
  if (input.length > EVIDENCE_MAX_BYTES) {
    throw new DomainError('payload_too_large', `Evidence files may be at most ${EVIDENCE_MAX_BYTES / 1024 / 1024} MiB`, [
      { field: 'file', message: 'is too large' },
    ]);
  }
  if (input.subarray(0, 5).toString('latin1') === '%PDF-') {
    if (
      !input
        .subarray(Math.max(0, input.length - 1024))
        .toString('latin1')
        .includes('%%EOF')
    ) {
      throw new DomainError('evidence_invalid', 'The PDF is incomplete', [{ field: 'file', message: 'is not a complete PDF' }]);
    }
    return { content: input, contentType: 'application/pdf' };
  }
  let format: string | undefined;
  try {
    format = (await sharp(input, { limitInputPixels: MAX_PIXELS }).metadata()).format;
  } catch {
    format = undefined;
  }
  const contentType = format ? IMAGE_TYPES[format] : undefined;
  if (!format || !contentType) {
    throw new DomainError('evidence_invalid', 'Only JPEG, PNG or WebP images and PDF documents are accepted', [
      { field: 'file', message: 'must be a JPEG, PNG or WebP image or a PDF' },
    ]);
  }
  // rotate() applies the EXIF orientation before the metadata is dropped; sharp writes no metadata by default.
  const pipeline = sharp(input, { limitInputPixels: MAX_PIXELS }).rotate();
  const content =
    format === 'png'
      ? await pipeline.png().toBuffer()
      : format === 'webp'
        ? await pipeline.webp({ quality: 85 }).toBuffer()
        : await pipeline.jpeg({ quality: 85, mozjpeg: true }).toBuffer();
  return { content, contentType };
}
