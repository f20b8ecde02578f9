import { JobName } from './job-names';

/**
 * Deterministic job ids, all in one place: enqueueing the same logical job twice while
 * the first is still known to BullMQ is a no-op. (BullMQ forbids ':' in custom ids.)
 */
export const jobIds = {
  invitationEmail: (organizationId: string, invitationId: string) =>
    `${JobName.InvitationEmail}.${organizationId}.${invitationId}`,
};
