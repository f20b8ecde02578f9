import { HttpClient, HttpContext, HttpContextToken, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  OrganizationList,
  AcceptInvitationRequest,
  ChangeMemberRolesRequest,
  CreateOrganizationRequest,
  InvitationListQuery,
  InvitationView,
  InviteMemberRequest,
  MemberView,
  OrganizationRole,
  OrganizationView,
  Page,
  RefreshRequest,
  SessionView,
  SignInRequest,
  SignUpRequest,
  UserView,
} from '@mentorship/contracts';
import type { Observable } from 'rxjs';

/** Same origin as the API, which also serves this app. */
export const API_BASE = '/api/v1';

/**
 * Marks the requests that authenticate by their body (sign-in, refresh, ...): the auth
 * interceptor neither adds a bearer token to them nor answers their 401 with a refresh.
 */
export const PUBLIC_ENDPOINT = new HttpContextToken<boolean>(() => false);

export interface PageQuery {
  page: number;
  pageSize: number;
}

export interface MemberQuery extends PageQuery {
  role?: OrganizationRole | null;
}

export interface InvitationQuery extends PageQuery {
  status?: InvitationListQuery['status'] | null;
}

export type { OrganizationList };

/**
 * The one typed client of the HTTP API. Shapes come from `@mentorship/contracts` only, so a
 * change to the API's OpenAPI document shows up here as a compile error.
 */
@Injectable({ providedIn: 'root' })
export class ApiClient {
  private readonly http = inject(HttpClient);
  private readonly publicContext = () => new HttpContext().set(PUBLIC_ENDPOINT, true);

  // --- auth ---------------------------------------------------------------------------

  signUp(body: SignUpRequest): Observable<SessionView> {
    return this.http.post<SessionView>(`${API_BASE}/auth/sign-up`, body, { context: this.publicContext() });
  }

  signIn(body: SignInRequest): Observable<SessionView> {
    return this.http.post<SessionView>(`${API_BASE}/auth/sign-in`, body, { context: this.publicContext() });
  }

  refresh(body: RefreshRequest): Observable<SessionView> {
    return this.http.post<SessionView>(`${API_BASE}/auth/refresh`, body, { context: this.publicContext() });
  }

  signOut(body: RefreshRequest): Observable<void> {
    return this.http.post<void>(`${API_BASE}/auth/sign-out`, body, { context: this.publicContext() });
  }

  me(): Observable<UserView> {
    return this.http.get<UserView>(`${API_BASE}/me`);
  }

  // --- organizations ------------------------------------------------------------------

  listOrganizations(): Observable<OrganizationList> {
    return this.http.get<OrganizationList>(`${API_BASE}/orgs`);
  }

  createOrganization(body: CreateOrganizationRequest): Observable<OrganizationView> {
    return this.http.post<OrganizationView>(`${API_BASE}/orgs`, body);
  }

  // --- members ------------------------------------------------------------------------

  listMembers(orgId: string, query: MemberQuery): Observable<Page<MemberView>> {
    let params = pageParams(query);
    if (query.role) params = params.set('role', query.role);
    return this.http.get<Page<MemberView>>(`${orgPath(orgId)}/members`, { params });
  }

  changeMemberRoles(orgId: string, userId: string, body: ChangeMemberRolesRequest): Observable<MemberView> {
    return this.http.patch<MemberView>(`${orgPath(orgId)}/members/${encodeURIComponent(userId)}`, body);
  }

  removeMember(orgId: string, userId: string): Observable<void> {
    return this.http.delete<void>(`${orgPath(orgId)}/members/${encodeURIComponent(userId)}`);
  }

  // --- invitations --------------------------------------------------------------------

  listInvitations(orgId: string, query: InvitationQuery): Observable<Page<InvitationView>> {
    let params = pageParams(query);
    if (query.status) params = params.set('status', query.status);
    return this.http.get<Page<InvitationView>>(`${orgPath(orgId)}/invitations`, { params });
  }

  inviteMember(orgId: string, body: InviteMemberRequest): Observable<InvitationView> {
    return this.http.post<InvitationView>(`${orgPath(orgId)}/invitations`, body);
  }

  /** Withdraws a pending invitation: its link stops working. */
  revokeInvitation(orgId: string, invitationId: string): Observable<void> {
    return this.http.delete<void>(`${orgPath(orgId)}/invitations/${encodeURIComponent(invitationId)}`);
  }

  acceptInvitation(orgId: string, body: AcceptInvitationRequest): Observable<MemberView> {
    return this.http.post<MemberView>(`${orgPath(orgId)}/invitations/accept`, body);
  }
}

function orgPath(orgId: string): string {
  return `${API_BASE}/orgs/${encodeURIComponent(orgId)}`;
}

function pageParams({ page, pageSize }: PageQuery): HttpParams {
  return new HttpParams().set('page', page).set('pageSize', pageSize);
}
