import { ChangeDetectionStrategy, Component, Injector, effect, inject, input, signal } from '@angular/core';
import type { ComponentType } from '@angular/cdk/portal';
import { FormGroupDirective, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { ERROR_CODES, FIELD_LIMITS, type SkillStatus, type SkillView } from '@mentorship/contracts';
import { OrganizationStore } from '@mentorship/admin/data-access-organizations';
import {
  ConfirmDialog,
  ErrorNotifier,
  FieldErrorPipe,
  FormErrorComponent,
  FormSubmission,
  PaginatedTableComponent,
  type ConfirmDialogData,
} from '@mentorship/admin/ui';
import { ActionsColumnComponent, TableRowsComponent, type RowAction } from '@mentorship/admin/ui/row-actions';
import { errorMessageOf } from '@mentorship/admin/util';
import { MergeSkillDialog, RenameSkillDialog } from './skill-dialogs';
import { SkillsStore } from './skills.store';

const ALL = 'all';

/** The skills catalogue: everyone reads it; admins add, rename, merge, retire and import. */
@Component({
  selector: 'mm-skills-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatInputModule,
    MatSelectModule,
    MatTableModule,
    PaginatedTableComponent,
    ActionsColumnComponent,
    TableRowsComponent,
    FieldErrorPipe,
    FormErrorComponent,
  ],
  templateUrl: './skills.page.html',
  styleUrl: './skills.page.css',
})
export class SkillsPage {
  readonly orgId = input.required<string>();
  protected readonly store = inject(SkillsStore);
  private readonly organizations = inject(OrganizationStore);
  private readonly dialog = inject(MatDialog);
  private readonly injector = inject(Injector);
  private readonly notifier = inject(ErrorNotifier);
  protected readonly canManage = this.organizations.isAdminOfCurrent;
  protected readonly all = ALL;
  protected readonly importError = signal<string | null>(null);
  protected readonly addForm = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.maxLength(FIELD_LIMITS.skillName.max)]],
  });
  protected readonly adding = new FormSubmission(this.addForm, { [ERROR_CODES.skillNameTaken]: 'name' });

  protected columns(): string[] {
    return this.canManage() ? ['name', 'status', 'profiles', 'actions'] : ['name', 'status', 'profiles'];
  }

  constructor() {
    effect(() => this.store.open(this.orgId()));
  }

  /** An active skill is renamed, merged or retired; a retired one renamed or restored. */
  protected readonly menuLabelOf = (skill: SkillView) => `Actions for ${skill.name}`;
  protected readonly actionsOf = (skill: SkillView): RowAction[] => {
    const rename = { label: 'Rename', ariaLabel: `Rename ${skill.name}`, run: () => this.rename(skill) };
    if (skill.status !== 'active') {
      return [
        rename,
        { label: 'Restore', ariaLabel: `Restore ${skill.name}`, run: () => this.restore(skill) },
      ];
    }
    return [
      rename,
      { label: 'Merge', ariaLabel: `Merge ${skill.name}`, run: () => this.merge(skill) },
      { label: 'Retire', ariaLabel: `Retire ${skill.name}`, run: () => this.retire(skill), danger: true },
    ];
  };

  protected filterStatus(value: SkillStatus | typeof ALL): void {
    this.store.filterStatus(value === ALL ? null : value);
  }

  protected search(event: Event): void {
    this.store.search((event.target as HTMLInputElement).value);
  }

  protected add(directive: FormGroupDirective): void {
    this.adding.submitInPlace(
      () => this.store.add(this.addForm.controls.name.value),
      (skill) => {
        // resetForm, not reset: a submitted form would show "Enter a skill name." on the empty field.
        directive.resetForm();
        this.notifier.info(`${skill.name} was added.`);
      },
    );
  }

  protected rename(skill: SkillView): void {
    this.open(RenameSkillDialog, skill).subscribe((renamed) => {
      if (renamed) this.notifier.info(`Renamed to ${(renamed as SkillView).name}.`);
    });
  }

  protected merge(skill: SkillView): void {
    this.open(MergeSkillDialog, skill).subscribe((merged) => {
      if (merged) this.notifier.info(`${skill.name} was merged.`);
    });
  }

  protected retire(skill: SkillView): void {
    this.open<ConfirmDialog, ConfirmDialogData>(ConfirmDialog, {
      title: `Retire ${skill.name}?`,
      message: `Nobody can add ${skill.name} to a profile any more; the ${skill.profiles} profiles that have it keep it. You can restore it later.`,
      confirmLabel: 'Retire',
    }).subscribe((confirmed) => {
      if (confirmed) this.setStatus(skill, 'retired');
    });
  }

  protected restore(skill: SkillView): void {
    this.setStatus(skill, 'active');
  }

  protected importFile(event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    this.importError.set(null);
    void file.text().then((csv) => {
      input.value = '';
      this.store.importCsv(csv).subscribe({
        error: (error: unknown) => this.importError.set(errorMessageOf(error)),
      });
    });
  }

  private setStatus(skill: SkillView, status: SkillStatus): void {
    this.store.setStatus(skill, status).subscribe({
      next: () =>
        this.notifier.info(status === 'retired' ? `${skill.name} was retired.` : `${skill.name} is back.`),
      error: (error: unknown) => this.notifier.show(error),
    });
  }

  private open<C, D = SkillView>(component: ComponentType<C>, data: D) {
    this.notifier.dismiss();
    return this.dialog
      .open<C, D, unknown>(component, { injector: this.injector, autoFocus: 'first-tabbable', data })
      .afterClosed();
  }
}
