import { Injectable, inject } from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';
import { errorMessageOf } from '@mentorship/admin/util';

/** Shows failures in a snackbar, worded by the API's error body when it has one. */
@Injectable({ providedIn: 'root' })
export class ErrorNotifier {
  private readonly snackBar = inject(MatSnackBar);

  show(error: unknown): void {
    this.showMessage(errorMessageOf(error));
  }

  /** An error already worded for people (e.g. several API validation problems joined). */
  showMessage(message: string): void {
    this.snackBar.open(message, 'Dismiss', { duration: 8000, panelClass: 'mm-error-snackbar' });
  }

  /** Takes the current message away, e.g. when a dialog opens for the next action. */
  dismiss(): void {
    this.snackBar.dismiss();
  }

  info(message: string): void {
    this.snackBar.open(message, undefined, { duration: 4000 });
  }
}
