import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { FIELD_ERROR_CODES } from '@kindred/contracts';
import { getMetadataStorage, IsInt, IsString, Max, MaxLength, validate } from 'class-validator';
import { CONSTRAINT_CODES, fieldErrorCodeOf } from './field-error-codes';
import { flattenValidationErrors } from './validation.pipe';

const SRC = join(__dirname, '..', '..');

/** Every DTO file of the API: `dto/` folders and `*.dto.ts` files. */
function dtoFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return dtoFiles(path);
    const isDto = entry.name.endsWith('.dto.ts') || (dir.endsWith('/dto') && entry.name.endsWith('.ts'));
    return isDto && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

interface StoredMetadata {
  type: string;
  name?: string;
  constraintCls?: new () => unknown;
}

/** The constraint names (the keys of `ValidationError.constraints`) of every decorator the DTOs use. */
async function constraintsInUse(): Promise<Map<string, string[]>> {
  for (const file of dtoFiles(SRC)) await import(file);
  const storage = getMetadataStorage() as unknown as {
    validationMetadatas: Map<{ name: string }, StoredMetadata[]>;
    getTargetValidatorConstraints(target: unknown): Array<{ name: string }>;
  };
  const used = new Map<string, string[]>();
  for (const [target, metadatas] of storage.validationMetadatas) {
    for (const metadata of metadatas) {
      if (metadata.type === 'conditionalValidation') continue; // @IsOptional / ValidateIf: no error of its own
      const names =
        metadata.type === 'customValidation'
          ? storage.getTargetValidatorConstraints(metadata.constraintCls).map((c) => c.name)
          : [metadata.type];
      for (const name of names) used.set(name, [...(used.get(name) ?? []), target.name]);
    }
  }
  return used;
}

describe('field error codes', () => {
  it('should map every constraint the DTOs use to a specific code when the DTOs are scanned', async () => {
    const used = await constraintsInUse();
    expect(used.size).toBeGreaterThan(20);
    const unmapped = [...used.keys()].filter((name) => fieldErrorCodeOf(name) === 'invalid');
    expect(unmapped).toEqual([]);
  });

  it('should map the checks the pipe itself adds when a body has unknown fields or a non-object nests', () => {
    expect(fieldErrorCodeOf('whitelistValidation')).toBe('not_allowed');
    expect(fieldErrorCodeOf('nestedValidation')).toBe('invalid_type');
    expect(fieldErrorCodeOf('unknownValue')).toBe('invalid_type');
  });

  it('should only use codes of the contract when the table is read', () => {
    for (const code of Object.values(CONSTRAINT_CODES)) expect(FIELD_ERROR_CODES).toContain(code);
  });

  it('should fall back to invalid when a constraint is unknown', () => {
    expect(fieldErrorCodeOf('someFutureRule')).toBe('invalid');
    expect(fieldErrorCodeOf('toString')).toBe('invalid');
  });

  it('should give each flattened error the code of its constraint when class-validator refuses a body', async () => {
    class Probe {
      @IsString()
      @MaxLength(3)
      name!: unknown;

      @IsInt()
      @Max(10)
      count!: unknown;
    }
    const probe = Object.assign(new Probe(), { name: 'long name', count: 11 });
    expect(flattenValidationErrors(await validate(probe))).toEqual([
      { field: 'name', message: expect.any(String), code: 'too_long' },
      { field: 'count', message: expect.any(String), code: 'too_large' },
    ]);
  });
});
