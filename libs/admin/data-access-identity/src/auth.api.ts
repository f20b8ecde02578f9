import { Injectable, inject } from '@angular/core';
import type {
  ChangePasswordRequest,
  ConfirmPasswordResetRequest,
  PasswordResetRequest,
  RefreshRequest,
  SignInRequest,
  SignUpRequest,
  UpdateMeRequest,
} from '@mentorship/contracts';
import { ApiHttp } from '@mentorship/admin/data-access-api';

/** The identity context's HTTP API: accounts and sessions. */
@Injectable({ providedIn: 'root' })
export class AuthApi {
  private readonly http = inject(ApiHttp);

  signUp(body: SignUpRequest) {
    return this.http.post('/api/v1/auth/sign-up', { body, public: true });
  }

  signIn(body: SignInRequest) {
    return this.http.post('/api/v1/auth/sign-in', { body, public: true });
  }

  refresh(body: RefreshRequest) {
    return this.http.post('/api/v1/auth/refresh', { body, public: true });
  }

  signOut(body: RefreshRequest) {
    return this.http.post('/api/v1/auth/sign-out', { body, public: true });
  }

  me() {
    return this.http.get('/api/v1/me');
  }

  /** Always 202: the answer never says whether the address has an account. */
  requestPasswordReset(body: PasswordResetRequest) {
    return this.http.post('/api/v1/auth/password-reset', { body, public: true });
  }

  confirmPasswordReset(body: ConfirmPasswordResetRequest) {
    return this.http.post('/api/v1/auth/password-reset/confirm', { body, public: true });
  }

  /** Answers this device's next session: every other one has ended. */
  changePassword(body: ChangePasswordRequest) {
    return this.http.post('/api/v1/me/password', { body });
  }

  updateMe(body: UpdateMeRequest) {
    return this.http.patch('/api/v1/me', { body });
  }
}
