import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, PDFStream, type PDFObject } from 'pdf-lib';
import sharp from 'sharp';
import { DomainError } from '../../common/errors/domain-error';
import { GivingErrors } from './giving.errors';

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
 * comments); a PDF is parsed, refused if it carries active content, and
 * re-written without its metadata (see cleanPdf). Anything else is refused.
 */
export async function processEvidence(input: Buffer): Promise<ProcessedEvidence> {
  if (input.length === 0) throw GivingErrors.fileEmpty();
  if (input.length > EVIDENCE_MAX_BYTES) {
    throw GivingErrors.fileTooLarge(EVIDENCE_MAX_BYTES);
  }
  if (input.subarray(0, 5).toString('latin1') === '%PDF-') {
    if (
      !input
        .subarray(Math.max(0, input.length - 1024))
        .toString('latin1')
        .includes('%%EOF')
    ) {
      throw GivingErrors.pdfIncomplete();
    }
    return { content: await cleanPdf(input), contentType: 'application/pdf' };
  }
  let format: string | undefined;
  try {
    format = (await sharp(input, { limitInputPixels: MAX_PIXELS }).metadata()).format;
  } catch {
    format = undefined;
  }
  const contentType = format ? IMAGE_TYPES[format] : undefined;
  if (!format || !contentType) {
    throw GivingErrors.fileTypeRefused();
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

/** Keys whose presence means the document can run code, carry other files or run a form engine. */
const ACTIVE_KEYS = ['JS', 'JavaScript', 'Launch', 'EmbeddedFile', 'EmbeddedFiles', 'RichMedia', 'XFA'].map((k) => PDFName.of(k));
/**
 * Action types that run code, start programs, open or send to other files and
 * servers, or play media. Navigation (GoTo) and web links (URI) stay: a viewer
 * asks before following a link, and e-invoices (电子发票) carry them.
 */
const ACTIVE_ACTIONS = [
  'JavaScript',
  'Launch',
  'SubmitForm',
  'ImportData',
  'GoToR',
  'GoToE',
  'RichMediaExecute',
  'Rendition',
  'Movie',
  'Sound',
].map((k) => PDFName.of(k));
/** Metadata: the document information dictionary is handled apart (it hangs off the trailer). */
const METADATA_KEYS = ['Metadata', 'PieceInfo'].map((k) => PDFName.of(k));
const ACTION_TYPE = PDFName.of('S');

function unreadable(reason: string): DomainError {
  return GivingErrors.pdfUnreadable(reason);
}

/** The first active feature found in `object` or the direct objects inside it, by name. */
function activeFeature(object: PDFObject | undefined, depth = 0): string | null {
  if (depth > 64) return 'nesting too deep to inspect';
  const dict = object instanceof PDFStream ? object.dict : object instanceof PDFDict ? object : null;
  if (dict) {
    for (const [key, value] of dict.entries()) {
      if (ACTIVE_KEYS.includes(key)) return key.decodeText();
      if (key === ACTION_TYPE && value instanceof PDFName && ACTIVE_ACTIONS.includes(value)) return `${value.decodeText()} action`;
      const inner = activeFeature(value, depth + 1);
      if (inner) return inner;
    }
  } else if (object instanceof PDFArray) {
    for (const value of object.asArray()) {
      const inner = activeFeature(value, depth + 1);
      if (inner) return inner;
    }
  }
  return null;
}

/**
 * A PDF is refused, not repaired, when any object in it (reachable or not)
 * carries JavaScript, an auto-run or additional action that runs code, a
 * launch, form submission, embedded file, rich media or an XFA form: evidence
 * is a receipt or a scan, which needs none of these, and a document that was
 * silently rewritten would no longer be what the NGO meant to upload; the
 * uploader can print it to a plain PDF instead. An accepted PDF loses its
 * information dictionary (author, creator, producer, dates) and every XMP
 * /Metadata stream, and is re-written from the parsed objects, so bytes the
 * parser did not take (incremental-update leftovers, data after %%EOF) are
 * dropped too. Encrypted or unparseable files are refused.
 */
export async function cleanPdf(input: Buffer): Promise<Buffer> {
  let pdf: PDFDocument;
  try {
    // Loaded even when encrypted so that case can be told apart: pdf-lib's EncryptedPDFError fails instanceof.
    pdf = await PDFDocument.load(input, { updateMetadata: false, throwOnInvalidObject: true, ignoreEncryption: true });
    if (pdf.isEncrypted) throw unreadable('is encrypted or password-protected');
    if (pdf.getPageCount() === 0) throw unreadable('has no pages');
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw unreadable('cannot be parsed');
  }
  const { context } = pdf;
  const objects = context.enumerateIndirectObjects();
  for (const [, object] of objects) {
    const feature = activeFeature(object);
    if (feature) {
      throw GivingErrors.pdfActiveContent(feature);
    }
  }
  const dropped = new Set<PDFRef>();
  if (context.trailerInfo.Info instanceof PDFRef) dropped.add(context.trailerInfo.Info);
  context.trailerInfo.Info = undefined;
  for (const [, object] of objects) {
    const dict = object instanceof PDFStream ? object.dict : object instanceof PDFDict ? object : null;
    if (!dict) continue;
    for (const key of METADATA_KEYS) {
      const value = dict.get(key);
      if (value instanceof PDFRef) dropped.add(value);
      if (value) dict.delete(key);
    }
  }
  for (const ref of dropped) context.delete(ref);
  return Buffer.from(await pdf.save({ updateFieldAppearances: false }));
}
