declare const auditActionBrand: unique symbol;

/**
 * An action as its context declares it (`defineAuditActions`): the audit log takes no bare
 * string, so every action written is one some context owns and names once.
 */
export type AuditAction = string & { readonly [auditActionBrand]: true };

/** `export const MembersAudit = defineAuditActions({ removed: 'member.removed' })`. */
export function defineAuditActions<const T extends Record<string, string>>(
  actions: T,
): { readonly [K in keyof T]: AuditAction } {
  return actions as unknown as { readonly [K in keyof T]: AuditAction };
}
