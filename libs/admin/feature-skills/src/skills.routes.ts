import { Routes } from '@angular/router';
import { SkillsStore } from './skills.store';

export const skillsRoutes: Routes = [
  {
    path: '',
    providers: [SkillsStore],
    loadComponent: () => import('./skills.page').then((m) => m.SkillsPage),
  },
];
