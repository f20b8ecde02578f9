import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { FieldErrorPipe } from '@mentorship/admin/ui';
import { FormCardComponent } from '@mentorship/admin/ui/form-card';

/**
 * What the doors in (sign in, sign up, a forgotten or a new password) are built from: one card
 * with a form, links to the other doors, and the look of `auth-card.css`.
 */
export const AUTH_CARD_IMPORTS = [
  ReactiveFormsModule,
  RouterLink,
  MatCardModule,
  MatInputModule,
  MatButtonModule,
  FieldErrorPipe,
  FormCardComponent,
] as const;
