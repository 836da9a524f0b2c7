import type { Routes } from '@angular/router';
import { signedInGuard, signedOutGuard } from './core/auth/auth.guards';

export const appRoutes: Routes = [
  {
    path: 'login',
    title: 'Sign in · Convoy',
    canActivate: [signedOutGuard],
    loadComponent: () => import('./login/login-page').then((m) => m.LoginPage),
  },
  {
    // Everything else is behind sign-in, so a deep link keeps its URL through /login.
    path: '',
    canActivate: [signedInGuard],
    loadComponent: () => import('./shell/shell').then((m) => m.Shell),
    children: [
      {
        path: '',
        pathMatch: 'full',
        title: 'Live map · Convoy',
        loadComponent: () => import('./map/fleet-map').then((m) => m.FleetMap),
      },
      {
        path: '**',
        title: 'Not found · Convoy',
        loadComponent: () => import('./not-found/not-found-page').then((m) => m.NotFoundPage),
      },
    ],
  },
];
