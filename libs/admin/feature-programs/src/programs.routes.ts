import { Routes } from '@angular/router';

const editor = () => import('./program-editor.page').then((m) => m.ProgramEditorPage);

export const programsRoutes: Routes = [
  { path: '', loadComponent: () => import('./programs.page').then((m) => m.ProgramsPage) },
  { path: 'new', title: 'New program · Mentorship Map', loadComponent: editor },
  { path: ':programId', title: 'Program · Mentorship Map', loadComponent: editor },
];
