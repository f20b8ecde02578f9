import { getMetadataStorage } from 'class-validator';

/** One rule of a property, as class-validator stores it (only passed through here). */
type ValidationMetadata = { readonly propertyName: string };

/** The two lookups of class-validator's metadata storage that every `validate()` call makes. */
interface MetadataLookups {
  getTargetValidationMetadatas(
    target: object,
    schema: string,
    always: boolean,
    strictGroups: boolean,
    groups?: string[],
  ): ValidationMetadata[];
  groupByPropertyName(metadata: ValidationMetadata[]): Record<string, ValidationMetadata[]>;
  addValidationMetadata(metadata: ValidationMetadata): void;
  addConstraintMetadata(metadata: unknown): void;
}

const remembering = Symbol('remembering validation metadata');

/**
 * class-validator recomputes a class's rules on every `validate()` call: it walks every class
 * that has rules (`prototype instanceof` each, some hundred DTOs here) for inherited ones,
 * filters them and groups them by property, although they change only when a decorator runs,
 * at import. The members list spent 43 µs of each request there (its query DTO extends
 * `PageQueryDto`), as did every route with a body or query DTO. This remembers both answers
 * per class (and options), and forgets them all when a rule is added, so a DTO declared later
 * is seen as before. Installed once, by `createValidationPipe`; the answers are the library's own,
 * computed the first time.
 */
export function rememberValidationMetadata(): void {
  const storage = getMetadataStorage() as unknown as MetadataLookups & { [remembering]?: true };
  if (storage[remembering]) return;
  storage[remembering] = true;
  const computeTarget = storage.getTargetValidationMetadatas.bind(storage);
  const computeGroups = storage.groupByPropertyName.bind(storage);
  const addValidation = storage.addValidationMetadata.bind(storage);
  const addConstraint = storage.addConstraintMetadata.bind(storage);
  let targets = new WeakMap<object, Map<string, ValidationMetadata[]>>();
  let grouped = new WeakMap<ValidationMetadata[], Record<string, ValidationMetadata[]>>();
  const forget = () => {
    targets = new WeakMap();
    grouped = new WeakMap();
  };
  storage.addValidationMetadata = (metadata) => {
    forget();
    addValidation(metadata);
  };
  storage.addConstraintMetadata = (metadata) => {
    forget();
    addConstraint(metadata);
  };
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    // A schema by name (string target) or an odd target: not remembered.
    if (typeof target !== 'function') return computeTarget(target, schema, always, strictGroups, groups);
    const key = `${schema}\u0000${always}\u0000${strictGroups}\u0000${groups ? groups.join('\u0001') : '-'}`;
    let byOptions = targets.get(target);
    if (!byOptions) targets.set(target, (byOptions = new Map()));
    let found = byOptions.get(key);
    if (!found) byOptions.set(key, (found = computeTarget(target, schema, always, strictGroups, groups)));
    return found;
  };
  storage.groupByPropertyName = (metadata) => {
    let found = grouped.get(metadata);
    if (!found) grouped.set(metadata, (found = computeGroups(metadata)));
    return found;
  };
}
