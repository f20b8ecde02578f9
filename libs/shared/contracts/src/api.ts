// Request and response shapes of the HTTP API, shared by the API and the admin app.
// Temporary hand-written definitions: they will become aliases of the types generated
// from the API's OpenAPI document (openapi.generated.ts), keeping these names.
import type { OrganizationRole } from './roles';

export interface UserView {
  id: string;
  email: string;
  displayName: string;
}

export interface SessionView {
  user: UserView;
  accessToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  refreshToken: string;
}

export interface SignUpRequest {
  email: string;
  password: string;
  displayName: string;
}

export interface SignInRequest {
  email: string;
  password: string;
}

export interface RefreshRequest {
  refreshToken: string;
}

export interface OrganizationView {
  id: string;
  name: string;
  /** The caller's roles in this organization. */
  roles: OrganizationRole[];
}

export interface CreateOrganizationRequest {
  name: string;
}

export interface MemberView {
  userId: string;
  email: string;
  displayName: string;
  roles: OrganizationRole[];
  joinedAt: string;
}

export interface ChangeMemberRolesRequest {
  roles: OrganizationRole[];
}

export interface InviteMemberRequest {
  email: string;
  roles: OrganizationRole[];
}

export interface InvitationView {
  id: string;
  email: string;
  roles: OrganizationRole[];
  status: 'pending' | 'accepted' | 'revoked' | 'expired';
  expiresAt: string;
  createdAt: string;
}

export interface AcceptInvitationRequest {
  token: string;
}
