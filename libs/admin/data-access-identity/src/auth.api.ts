import { Injectable, inject } from '@angular/core';
import type { RefreshRequest, SignInRequest, SignUpRequest } from '@mentorship/contracts';
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
}
