import { DomainException } from '@mentorship/platform';

export class OrganizationsException extends DomainException {
  /** Also what a non-member sees for an organization that exists: its existence is not disclosed. */
  static organizationNotFound() {
    return new OrganizationsException('not_found', 'organization_not_found', 'No such organization.');
  }
  static forbiddenRole(required: string[]) {
    return new OrganizationsException(
      'forbidden',
      'forbidden_role',
      `This needs one of the roles: ${required.join(', ')}.`,
      {
        requiredRoles: required,
      },
    );
  }
  static roleNotGrantable(grantable: string[]) {
    return new OrganizationsException(
      'forbidden',
      'role_not_grantable',
      grantable.length
        ? `You may invite with these roles only: ${grantable.join(', ')}.`
        : 'You may not invite members.',
      { grantableRoles: grantable },
    );
  }
  static memberNotFound() {
    return new OrganizationsException('not_found', 'member_not_found', 'No such member.');
  }
  static lastAdmin() {
    return new OrganizationsException('conflict', 'last_admin', 'An organization needs at least one admin.');
  }
  static alreadyMember() {
    return new OrganizationsException('conflict', 'already_member', 'This person is already a member.');
  }
  static invitationPending() {
    return new OrganizationsException(
      'conflict',
      'invitation_pending',
      'This address already has a pending invitation.',
    );
  }
  static invitationNotFound() {
    return new OrganizationsException('not_found', 'invitation_not_found', 'No such invitation.');
  }
  static invitationExpired() {
    return new OrganizationsException(
      'gone',
      'invitation_expired',
      'This invitation has expired. Ask for a new one.',
    );
  }
  static invitationUsed() {
    return new OrganizationsException(
      'conflict',
      'invitation_not_pending',
      'This invitation was already used or revoked.',
    );
  }
  /** 400, shaped like a validation answer so forms put it on the field. */
  static confirmationMismatch() {
    return new OrganizationsException(
      'invalid',
      'organization_name_mismatch',
      "Type the organization's name exactly to delete it.",
      [{ field: 'confirmName', problems: ["confirmName must be the organization's exact name"] }],
    );
  }
  static notScheduledForDeletion() {
    return new OrganizationsException(
      'conflict',
      'organization_not_scheduled_for_deletion',
      'This organization is not scheduled for deletion.',
    );
  }
  static purgeDue() {
    return new OrganizationsException(
      'gone',
      'organization_purge_due',
      'The grace period is over: this organization is being erased and can no longer be restored.',
    );
  }
}
