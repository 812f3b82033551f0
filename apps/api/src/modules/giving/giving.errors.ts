import type { LedgerKind } from '@kindred/contracts';
import { DomainError, fieldError } from '../../common/errors/domain-error';

const MIB = 1024 * 1024;

/** The giving context's failures, by name. Details carry amounts, statuses and goods line names, never a donor. */
export const GivingErrors = Object.freeze({
  needNotOpen: () => new DomainError('need_not_open', 'This need does not take pledges now'),
  amountRequiredForMoney: () => DomainError.validation([fieldError('amountFen', 'required', 'is required for a money pledge')]),
  linesNotAllowedForMoney: () => DomainError.validation([fieldError('lines', 'not_allowed', 'must be absent for a money pledge')]),
  linesRequiredForGoods: () => DomainError.validation([fieldError('lines', 'required', 'are required for a goods pledge')]),
  amountNotAllowedForGoods: () => DomainError.validation([fieldError('amountFen', 'not_allowed', 'must be absent for a goods pledge')]),
  notAnItemOfNeed: (index: number) =>
    DomainError.validation([fieldError(`lines.${index}.itemId`, 'invalid_choice', 'is not an item of this need')]),
  lineTwice: (index: number) => DomainError.validation([fieldError(`lines.${index}.itemId`, 'invalid', 'appears twice')]),
  organizationRequiredForView: (view: string) =>
    DomainError.validation([fieldError('organizationId', 'required', `is required for view=${view}`)]),
  cancelRefused: (alreadyCancelled: boolean) =>
    alreadyCancelled
      ? new DomainError('pledge_cancelled', 'This pledge is already cancelled')
      : new DomainError('conflict', 'Part of this pledge was received; reverse the receipts first'),
  pledgeCancelled: () => new DomainError('pledge_cancelled', 'This pledge was cancelled'),
  /** A money receipt or use needs an amount and no lines. */
  moneyMoveShape: () => DomainError.validation([fieldError('amountFen', 'required', 'is required (and lines absent) for a money pledge')]),
  /** A goods receipt or use needs lines and no amount. */
  goodsMoveShape: () => DomainError.validation([fieldError('lines', 'required', 'are required (and amountFen absent) for a goods pledge')]),
  notALineOfPledge: (index: number) =>
    DomainError.validation([fieldError(`lines.${index}.itemId`, 'invalid_choice', 'is not a line of this pledge')]),
  /** A receipt beyond what was pledged (exceeds_pledged) or a use beyond what was received (exceeds_received), of money or of one goods line. */
  exceeds: (kind: LedgerKind, line?: { index: number; name: string }) => {
    const code = kind === 'receipt' ? 'exceeds_pledged' : 'exceeds_received';
    const what = kind === 'receipt' ? 'more than was pledged' : 'more than was received';
    return line
      ? new DomainError(code, `This would record ${what} of ${line.name}`, [fieldError(`lines.${line.index}.quantity`, 'too_large', what)])
      : new DomainError(code, `This would record ${what}`, [fieldError('amountFen', 'too_large', what)]);
  },
  evidenceNotAttachable: () =>
    DomainError.validation([
      fieldError('evidenceIds', 'invalid_choice', "must be this organisation's uploaded files not yet attached to another use"),
    ]),
  reversalOfReversal: () => new DomainError('conflict', 'A reversal cannot itself be reversed'),
  /** Undoing a receipt of which part is used, or a use that can no longer be undone. */
  reversalRefused: (kind: LedgerKind) =>
    kind === 'receipt'
      ? new DomainError('exceeds_received', 'Part of this receipt is already used; reverse those uses first')
      : new DomainError('conflict', 'This use cannot be reversed'),
  alreadyReversed: () => new DomainError('conflict', 'This entry was already reversed'),
  notMultipart: () => new DomainError('unsupported_media_type', 'Send the file as multipart/form-data in a field named file'),
  fileRequired: () => DomainError.validation([fieldError('file', 'required', 'is required')]),
  fileTooLarge: (maxBytes: number) =>
    new DomainError('payload_too_large', `Evidence files may be at most ${maxBytes / MIB} MiB`, [
      fieldError('file', 'too_large', 'is too large'),
    ]),
  fileEmpty: () => new DomainError('evidence_invalid', 'The file is empty', [fieldError('file', 'required', 'is empty')]),
  pdfIncomplete: () =>
    new DomainError('evidence_invalid', 'The PDF is incomplete', [fieldError('file', 'invalid_format', 'is not a complete PDF')]),
  fileTypeRefused: () =>
    new DomainError('evidence_invalid', 'Only JPEG, PNG or WebP images and PDF documents are accepted', [
      fieldError('file', 'invalid_type', 'must be a JPEG, PNG or WebP image or a PDF'),
    ]),
  pdfUnreadable: (reason: string) =>
    new DomainError('evidence_unreadable', `The PDF ${reason}`, [fieldError('file', 'invalid_format', `is a PDF that ${reason}`)]),
  pdfActiveContent: (feature: string) =>
    new DomainError('evidence_active_content', `The PDF carries active content (${feature}); print it to a plain PDF and upload that`, [
      fieldError('file', 'not_allowed', `is a PDF with active content (${feature})`),
    ]),
} as const);
