import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { RouterLink } from '@angular/router';
import { CardPageComponent, FormCardComponent } from '@mentorship/admin/ui/form-card';
import { DisplayNameFieldComponent, EmailFieldComponent, PasswordFieldComponent } from './auth-fields';

/**
 * What the doors in (sign in, sign up, a forgotten or a new password) are built from: one card
 * (`mm-card-page`) with a form, links to the other doors, and the look of `auth-card.css`.
 */
export const AUTH_CARD_IMPORTS = [
  ReactiveFormsModule,
  RouterLink,
  MatCardModule,
  MatButtonModule,
  CardPageComponent,
  FormCardComponent,
  DisplayNameFieldComponent,
  EmailFieldComponent,
  PasswordFieldComponent,
] as const;
