import { ChangeDetectionStrategy, Component } from '@angular/core';
import { ShellComponent } from '@mentorship/admin/feature-shell';

@Component({
  selector: 'mm-root',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ShellComponent],
  template: `<mm-shell />`,
})
export class AppComponent {}
